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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence over the event store, for the district's auditors and finance: verify the district's hash chain
 * (the first event whose stored row was changed, deleted or reordered), and the chain's head at the end of each day,
 * to be kept outside PerfLedger and compared later.
 */
@RestController
class AuditController {

    private final EventChain chain;
    private final EventLog log;
    private final TokenClaims claims;

    AuditController(EventChain chain, EventLog log, TokenClaims claims) {
        this.chain = chain;
        this.log = log;
        this.claims = claims;
    }

    /**
     * The district's events in the order of its chain, optionally one department's, one year's, one plan's
     * ({@code plan} is a project code or {@code department}); paged by chain position ({@code after}, {@code next}).
     * Department staff read their own department only.
     */
    @GetMapping("/api/v1/districts/{district}/event-log")
    EventLog.Page eventLog(@PathVariable("district") String district,
                           @RequestParam(value = "department", required = false) String department,
                           @RequestParam(value = "year", required = false) Integer year,
                           @RequestParam(value = "plan", required = false) String plan,
                           @RequestParam(value = "after", defaultValue = "0") long after,
                           @RequestParam(value = "size", defaultValue = "100") int size,
                           @AuthenticationPrincipal Jwt jwt) {
        Caller caller = claims.caller(jwt);
        String scope = department;
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            requireDistrict(district, caller);
            if (!caller.has(Role.AUDITOR) && !caller.has(Role.DISTRICT_FINANCE)) {
                if (caller.department() == null || department != null && !department.equals(caller.department())) {
                    throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", "department", "department staff read "
                            + "the event log of their own department only");
                }
                scope = caller.department();
            }
        }
        if (size < 1 || size > EventLog.MAX_PAGE || after < 0) {
            throw new DomainRejection(Kind.RULE, "page.range", "size", "size is 1 to " + EventLog.MAX_PAGE
                    + " and after is 0 or more");
        }
        if (plan != null && (scope == null || year == null)) {
            throw new DomainRejection(Kind.RULE, "event-log.plan-scope", "plan", "a plan is named within a "
                    + "department and a year: give department and year too");
        }
        return log.read(new EventLog.Scope(district, scope, year, plan), after, size);
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

    private static void requireDistrict(String district, Caller caller) {
        if (!district.equals(caller.district())) {
            throw new DomainRejection(Kind.FORBIDDEN, "tenant.mismatch", "district", "the token is for district "
                    + caller.district() + ", not " + district);
        }
    }

    private void requireAuditor(String district, Jwt jwt) {
        Caller caller = claims.caller(jwt);
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return;
        }
        requireDistrict(district, caller);
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.DISTRICT_FINANCE)) {
            throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", "Authorization", "the event chain is for the "
                    + "district's auditors and finance; the token's roles are " + caller.roles());
        }
    }
}
