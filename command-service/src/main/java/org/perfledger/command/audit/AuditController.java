package org.perfledger.command.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.command.audit.EventChain.DailyHead;
import org.perfledger.command.audit.EventChain.Verification;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.platform.TokenClaims;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Tamper evidence over the event store, for the district's auditors and finance: verify the district's hash chain
 * (the first event whose stored row was changed, deleted or reordered), and the chain's head at the end of each day,
 * to be kept outside PerfLedger and compared later.
 */
@RestController
class AuditController {

    private final EventChain chain;
    private final EventLog log;
    private final EventLogTransfer transfer;
    private final EventLogExport exports;
    private final TokenClaims claims;
    private final ZoneId businessZone;

    AuditController(EventChain chain, EventLog log, EventLogTransfer transfer, EventLogExport exports,
                    TokenClaims claims,
                    @Value("${perfledger.audit.chain-day-zone:Asia/Shanghai}")
                    String businessZone) {
        this.businessZone = ZoneId.of(businessZone);
        this.chain = chain;
        this.log = log;
        this.transfer = transfer;
        this.exports = exports;
        this.claims = claims;
    }

    /**
     * The district's event log as a file (JSON Lines, {@code application/x-ndjson}): every stored field of every
     * event with its link in the hash chain, for all years (the whole chain) or one year. For the district's auditors
     * and finance, and the platform's operators.
     */
    @GetMapping(value = "/api/v1/districts/{district}/event-log.jsonl", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> export(@PathVariable("district") String district,
                                                 @RequestParam(value = "year", required = false) String year,
                                                 @AuthenticationPrincipal Jwt jwt) {
        Caller caller = requireAuditor(district, jwt);
        DistrictId id = DistrictId.of(district);
        FiscalYear fiscalYear = DomainRejection.checked("year", () -> year == null ? null : FiscalYear.parse(year));
        String file = "perfledger-" + district + "-" + (year == null ? "all-years" : year) + "-event-log.jsonl";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(out -> exports.export(id, fiscalYear, caller.subject(), out));
    }

    /**
     * Imports a district's exported event log into this PerfLedger, which holds nothing of the district yet: the
     * platform's operators move or restore a district with it. 201 with what was stored; 409 when the district has
     * events here; 422 naming the line and rule of a file that does not check out, and then nothing is stored.
     */
    @PostMapping(value = "/api/v1/districts/{district}/event-log.jsonl", consumes = {NDJSON, "application/jsonl",
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<EventLogTransfer.Imported> importLog(@PathVariable("district") String district,
                                                        HttpServletRequest request,
                                                        @AuthenticationPrincipal Jwt jwt) throws IOException {
        Caller caller = claims.caller(jwt);
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", "Authorization", "an event log is imported "
                    + "by the platform's operators (PLATFORM_ADMIN); the token's roles are " + caller.roles());
        }
        DistrictId id = DomainRejection.checked("district", () -> DistrictId.of(district));
        return ResponseEntity.status(HttpStatus.CREATED).body(transfer.importLog(id, request.getInputStream(),
                caller.subject()));
    }

    /**
     * The district's events in the order of its chain, optionally one department's, one year's, one plan's
     * ({@code plan} is a project code or {@code department}); paged by chain position ({@code after}, {@code next}).
     * Department staff read their own department only.
     */
    private static final String NDJSON = "application/x-ndjson";

    @GetMapping("/api/v1/districts/{district}/event-log")
    EventLog.Page eventLog(@PathVariable("district") String district,
                           @RequestParam(value = "department", required = false) String department,
                           @RequestParam(value = "year", required = false) Integer year,
                           @RequestParam(value = "plan", required = false) String plan,
                           @RequestParam(value = "after", defaultValue = "0") long after,
                           @RequestParam(value = "size", defaultValue = "100") int size,
                           @RequestParam(value = "order", defaultValue = "chain") String order,
                           @RequestParam(value = "from", required = false) String from,
                           @RequestParam(value = "to", required = false) String to,
                           @RequestParam(value = "type", required = false) List<String> types,
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
        return log.read(new EventLog.Scope(district, scope, year, plan), filter(order, from, to, types), after, size);
    }

    /**
     * The log's filter: {@code order} chain (oldest first) or newest; {@code from} and {@code to} are days
     * (YYYY-MM-DD, both included) in the business zone; {@code type} names event types of the catalog.
     */
    private EventLog.Filter filter(String order, String from, String to, List<String> types) {
        if (!order.equals("chain") && !order.equals("newest")) {
            throw new DomainRejection(Kind.RULE, "event-log.order", "order", "order is chain or newest, got '"
                    + (order.length() > 20 ? order.substring(0, 20) + "…" : order) + "'");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new DomainRejection(Kind.RULE, "event-log.date-range", "to", "to (" + last + ") is before from ("
                    + first + ")");
        }
        List<String> named = types == null ? List.of() : types;
        if (named.size() > EventCatalog.types().size()) {
            throw new DomainRejection(Kind.RULE, "list.length", "type", "at most " + EventCatalog.types().size()
                    + " event types");
        }
        for (String type : named) {
            if (EventCatalog.classOf(type).isEmpty()) {
                throw new DomainRejection(Kind.RULE, "event-log.type", "type", "no event type is named '"
                        + (type.length() > 40 ? type.substring(0, 40) + "…" : type) + "'");
            }
        }
        return new EventLog.Filter(order.equals("newest"), first == null ? null : first.atStartOfDay(businessZone)
                .toInstant(), last == null ? null : last.plusDays(1).atStartOfDay(businessZone).toInstant(),
                Set.copyOf(named));
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DomainRejection(Kind.RULE, "date.format", field, "a day is written YYYY-MM-DD, got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
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

    private Caller requireAuditor(String district, Jwt jwt) {
        Caller caller = claims.caller(jwt);
        if (caller.has(Role.PLATFORM_ADMIN)) {
            return caller;
        }
        requireDistrict(district, caller);
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.DISTRICT_FINANCE)) {
            throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", "Authorization", "the event chain is for the "
                    + "district's auditors and finance; the token's roles are " + caller.roles());
        }
        return caller;
    }
}
