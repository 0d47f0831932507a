package org.perfledger.command.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Reads PerfLedger's claims from a JWT. The claim names are settings so that any OIDC provider fits: Keycloak, for
 * one, puts roles under {@code realm_access.roles} and custom attributes where a mapper says.
 */
@Component
public class TokenClaims {

    private final String districtClaim;
    private final String departmentClaim;
    private final String rolesClaim;

    public TokenClaims(@Value("${perfledger.security.claims.district:district}") String districtClaim,
                       @Value("${perfledger.security.claims.department:department}") String departmentClaim,
                       @Value("${perfledger.security.claims.roles:roles}") String rolesClaim) {
        this.districtClaim = districtClaim;
        this.departmentClaim = departmentClaim;
        this.rolesClaim = rolesClaim;
    }

    public Caller caller(Jwt jwt) {
        Set<Role> roles = new LinkedHashSet<>();
        if (claim(jwt.getClaims(), rolesClaim) instanceof Collection<?> given) {
            for (Object role : given) {
                Role.of(String.valueOf(role)).ifPresent(roles::add);
            }
        }
        Object district = claim(jwt.getClaims(), districtClaim);
        Object department = claim(jwt.getClaims(), departmentClaim);
        return new Caller(jwt.getSubject(), district == null ? null : district.toString(),
                department == null ? null : department.toString(), roles);
    }

    /** A claim by name, or by a dotted path into nested claims ({@code realm_access.roles}). */
    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
