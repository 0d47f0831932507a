package org.perfledger.command.budget;

import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentCode;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.InvalidValueException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's budget for a year. Responses carry the budget's version as an ETag; an adjustment sent with
 * {@code If-Match} is refused with 409 if someone else changed the budget in between.
 */
@RestController
@RequestMapping("/api/v1/districts/{district}/departments/{department}/budgets/{year}")
class BudgetController {

    private final CommandSender commands;

    BudgetController(CommandSender commands) {
        this.commands = commands;
    }

    record OpenRequest(String initialAmount) {
    }

    record AdjustRequest(String newAmount, String reason, String documentNumber) {
    }

    record BudgetResponse(String district, String department, int year, WanYuan from, WanYuan to, long version,
                          String correlationId) {
    }

    @PostMapping
    ResponseEntity<BudgetResponse> open(RequestMetadata request, @PathVariable("department") String department,
                                        @PathVariable("year") String year, @RequestBody OpenRequest body) {
        RequestFields fields = new RequestFields();
        DepartmentId id = departmentId(fields, request, department);
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        WanYuan amount = fields.parse("initialAmount", body.initialAmount(), WanYuan::parseNonNegative);
        fields.throwIfInvalid();

        BudgetChange change = commands.send(new OpenDepartmentBudget(id, fiscalYear, amount), request);
        return ResponseEntity.created(URI.create(path(id, fiscalYear)))
                .eTag(etag(change.version()))
                .body(response(id, fiscalYear, change, request));
    }

    @PostMapping("/adjustments")
    ResponseEntity<BudgetResponse> adjust(RequestMetadata request, @PathVariable("department") String department,
                                          @PathVariable("year") String year,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody AdjustRequest body) {
        RequestFields fields = new RequestFields();
        DepartmentId id = departmentId(fields, request, department);
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        WanYuan amount = fields.parse("newAmount", body.newAmount(), WanYuan::parseNonNegative);
        String reason = fields.text("reason", body.reason(), DepartmentBudget.MAX_REASON_LENGTH);
        DocumentNumber document = fields.parse("documentNumber", body.documentNumber(), DocumentNumber::new);
        Long expectedVersion = ifMatch == null ? null : fields.parse(HttpHeaders.IF_MATCH, ifMatch, BudgetController::version);
        fields.throwIfInvalid();

        try {
            BudgetChange change = commands.send(
                    new AdjustDepartmentBudget(id, fiscalYear, amount, reason, document, expectedVersion), request);
            return ResponseEntity.created(URI.create(path(id, fiscalYear) + "/adjustments/" + change.version()))
                    .eTag(etag(change.version()))
                    .body(response(id, fiscalYear, change, request));
        } catch (AggregateNotFoundException e) {
            throw new DomainRejection(Kind.NOT_FOUND, "budget.not-opened", "year",
                    "the " + fiscalYear + " budget of " + id + " has not been opened");
        }
    }

    private static DepartmentId departmentId(RequestFields fields, RequestMetadata request, String department) {
        DepartmentCode code = fields.parse("department", department, DepartmentCode::new);
        return code == null ? null : new DepartmentId(request.district(), code);
    }

    private static BudgetResponse response(DepartmentId id, FiscalYear year, BudgetChange change, RequestMetadata request) {
        return new BudgetResponse(id.district().value(), id.code().value(), year.value(), change.from(), change.to(),
                change.version(), request.correlationId());
    }

    private static String path(DepartmentId id, FiscalYear year) {
        return "/api/v1/districts/" + id.district() + "/departments/" + id.code() + "/budgets/" + year;
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long version(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // fall through to the rule below
        }
        throw new InvalidValueException("if-match.format",
                "If-Match must be the budget's version as an ETag, e.g. \"3\"");
    }
}
