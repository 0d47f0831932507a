package org.perfledger.command.platform;

import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.ClaimNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Reads the caller from a JWT, under the claim names this deployment's issuer uses (perfledger.security.claims.*). */
@Component
public class TokenClaims {

    private final ClaimNames names;

    public TokenClaims(@Value("${perfledger.security.claims.subject:sub}") String subjectClaim,
                       @Value("${perfledger.security.claims.district:district}") String districtClaim,
                       @Value("${perfledger.security.claims.department:department}") String departmentClaim,
                       @Value("${perfledger.security.claims.roles:roles}") String rolesClaim) {
        this.names = new ClaimNames(subjectClaim, districtClaim, departmentClaim, rolesClaim);
    }

    /** Where the tokens hold the subject, district, department and roles. */
    public ClaimNames names() {
        return names;
    }

    public Caller caller(Jwt jwt) {
        return names.caller(jwt.getClaims());
    }
}
