package org.perfledger.command.audit;

import java.util.List;
import org.perfledger.command.audit.EventChain.DailyHead;
import org.perfledger.command.audit.EventChain.Verification;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.platform.TokenClaims;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence over the event store, for the district's auditors and finance: verify the district's hash chain
 * (the first event whose stored row was changed, deleted or reordered), and the chain's head at the end of each day,
 * to be kept outside PerfLedger and compared later.
 */
@RestController
class AuditController {

    private final EventChain chain;
    private final TokenClaims claims;

    AuditController(EventChain chain, TokenClaims claims) {
        this.chain = chain;
        this.claims = claims;
    }

    @GetMapping("/api/v1/districts/{district}/event-chain/verification")
    Verification verify(@PathVariable("district") String district, @AuthenticationPrincipal Jwt jwt) {
        requireAuditor(district, jwt);
        return chain.verify(district);
    }

    @GetMapping("/api/v1/districts/{district}/event-chain/heads")
    List<DailyHead> heads(@PathVariable("district") String district, @AuthenticationPrincipal Jwt jwt) {
        requireAuditor(district, jwt);
        return chain.dailyHeads(district);
    }

    private void requireAuditor(String district, Jwt jwt) {
        Caller caller = claims.caller(jwt);
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (!district.equals(caller.district())) {
            throw new DomainRejection(Kind.FORBIDDEN, "tenant.mismatch", "district", "the token is for district "
                    + caller.district() + ", not " + district);
        }
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.DISTRICT_FINANCE)) {
            throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", "Authorization", "the event chain is for the "
                    + "district's auditors and finance; the token's roles are " + caller.roles());
        }
    }
}
