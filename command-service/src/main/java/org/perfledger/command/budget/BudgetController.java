package org.perfledger.command.budget;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import org.perfledger.command.planning.PlanLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.AdjustmentPart;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's budget: the initial appropriation by funding source, adjustments with reason and 文号, funds received,
 * spending and its corrections (红字冲销), and the 项目支出明细. Amounts travel as decimal strings in 万元 ("149.60").
 */
@RestController
class BudgetController {

    private final CommandSender commands;

    BudgetController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code unstated}: the plan's documents state no budget at all; then no sources or classes are given. */
    record OpenRequest(Map<String, String> sources, Map<String, String> classes, Boolean unstated) {
    }

    /**
     * {@code parts}: the items it is made of, where its documents itemise it; they add up to {@code amount}.
     * {@code amountUnstated}: the documents name the adjustment but print no amount; then no amount, source, class,
     * 文号 or parts are sent, only what it touched ({@code items}), why, and the document it rests on as named
     * ({@code authority}, optional).
     */
    record AdjustRequest(String kind, String amount, String source, String expenditureClass, String reason,
                         String documentNumber, String date, List<ItemRequest> parts, Boolean amountUnstated,
                         List<String> items, String authority) {
    }

    /** {@code undated}: the source states no date (a year's total); then no {@code date} is sent. */
    record FundsRequest(String amount, String source, String date, Boolean undated, String note) {
    }

    /**
     * {@code overBudgetConfirmed}: the sender confirms spending that takes the plan past its budget; {@code undated}:
     * the source states no date (a year's total), and no {@code date} is sent.
     */
    record ExpenditureRequest(String amount, String date, Boolean undated, String expenditureClass, String line,
                              String description, String voucher, Boolean overBudgetConfirmed) {
    }

    record CorrectionRequest(String amount, String date, String expenditureClass, String line, String reason,
                             String originalVoucher) {
    }

    /** What a spending entry and its correction share: how much, when, which class and which line. */
    private record Charge(WanYuan amount, LocalDate date, ExpenditureClass type, String line) {

        static Charge parse(RequestFields fields, String amount, String date, Boolean undated, String type,
                            String line) {
            return new Charge(fields.parse("amount", amount, WanYuan::parseNonNegative),
                    fields.dateUnlessUndated("date", date, undated),
                    fields.optionalLabel("expenditureClass", type, ExpenditureClass.class),
                    fields.optionalText("line", line, BudgetLine.MAX_NAME_LENGTH));
        }
    }

    /** A budget line, or a part of an adjustment: what it is and how much. */
    record ItemRequest(String name, String amount) {
    }

    record LinesRequest(List<ItemRequest> lines) {
    }

    @PostMapping({DEPARTMENT + "/budget", PROJECT + "/budget"})
    ResponseEntity<Map<String, Object>> open(RequestMetadata request, PlanTarget target,
                                             @RequestBody OpenRequest body) {
        RequestFields fields = new RequestFields();
        Map<FundingSource, WanYuan> sources = BudgetFields.amounts(fields, "sources", body.sources(),
                FundingSource.class);
        Map<ExpenditureClass, WanYuan> classes = BudgetFields.amounts(fields, "classes", body.classes(),
                ExpenditureClass.class);
        boolean unstated = Boolean.TRUE.equals(body.unstated());
        if (!unstated && (body.sources() == null || body.sources().isEmpty())) {
            fields.reject("sources", "required", "sources is required: the initial budget by funding source, e.g. "
                    + "{\"一般公共预算财政拨款\": \"149.60\"}");
        }
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new OpenBudget(target.plan(), sources, classes, unstated,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget");
    }

    /** {@code bySource}: funding source (its label, 一般公共预算财政拨款, or its code) → what was spent from it. */
    record SpendingBySourceRequest(Map<String, String> bySource) {
    }

    @PutMapping({DEPARTMENT + "/budget/spending-by-source", PROJECT + "/budget/spending-by-source"})
    ResponseEntity<Map<String, Object>> spendingBySource(RequestMetadata request, PlanTarget target,
                                                         @RequestBody SpendingBySourceRequest body) {
        RequestFields fields = new RequestFields();
        fields.required("bySource", body.bySource());
        Map<FundingSource, WanYuan> bySource = BudgetFields.amounts(fields, "bySource", body.bySource(),
                FundingSource.class);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new StateSpendingBySource(target.plan(), bySource,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/budget/adjustments", PROJECT + "/budget/adjustments"})
    ResponseEntity<Map<String, Object>> adjust(RequestMetadata request, PlanTarget target,
                                               @RequestBody AdjustRequest body) {
        if (Boolean.TRUE.equals(body.amountUnstated())) {
            return note(request, target, body);
        }
        RequestFields fields = new RequestFields();
        AdjustmentKind kind = fields.label("kind", body.kind(), AdjustmentKind.class);
        WanYuan amount = fields.parse("amount", body.amount(), WanYuan::parseNonNegative);
        FundingSource source = fields.optionalLabel("source", body.source(), FundingSource.class);
        ExpenditureClass type = fields.optionalLabel("expenditureClass", body.expenditureClass(),
                ExpenditureClass.class);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        DocumentNumber document = fields.parse("documentNumber", body.documentNumber(), DocumentNumber::new);
        // the day of the adjustment's 批复, or none where the documents do not say
        LocalDate date = fields.optionalDate("date", body.date());
        List<AdjustmentPart> parts = body.parts() == null ? List.of()
                : BudgetFields.items(fields, "parts", body.parts(), AdjustmentPart::new);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new AdjustBudget(target.plan(), kind, amount, source, type, reason, document,
                date, parts, target.expectedVersion()), request);
        return PlanResponses.created(receipt, request,
                PlanPaths.of(target) + "/budget/adjustments/" + receipt.facts().get("number"));
    }

    /** An adjustment the documents name without its amount: kept as they state it, no figure changed. */
    private ResponseEntity<Map<String, Object>> note(RequestMetadata request, PlanTarget target, AdjustRequest body) {
        RequestFields fields = new RequestFields();
        AdjustmentKind kind = fields.label("kind", body.kind(), AdjustmentKind.class);
        Map<String, Object> stated = new LinkedHashMap<>();
        stated.put("amount", body.amount());
        stated.put("source", body.source());
        stated.put("expenditureClass", body.expenditureClass());
        stated.put("documentNumber", body.documentNumber());
        stated.put("parts", body.parts());
        stated.forEach((field, value) -> {
            if (value != null) {
                fields.reject(field, "amount.unstated", "an adjustment whose amount the documents do not state has no "
                        + field + "; name what it touched in items and the document it rests on in authority");
            }
        });
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        String authority = fields.optionalText("authority", body.authority(), PlanLimits.MAX_REASON);
        LocalDate date = fields.optionalDate("date", body.date());
        List<String> items = new ArrayList<>();
        List<String> named = body.items() == null ? List.of() : body.items();
        for (int i = 0; i < named.size(); i++) {
            items.add(fields.text("items[" + i + "]", named.get(i), BudgetLine.MAX_NAME_LENGTH));
        }
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new NoteBudgetAdjustment(target.plan(), kind, items, reason, authority, date,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget");
    }

    @PostMapping({DEPARTMENT + "/budget/receipts", PROJECT + "/budget/receipts"})
    ResponseEntity<Map<String, Object>> receive(RequestMetadata request, PlanTarget target,
                                                @RequestBody FundsRequest body) {
        RequestFields fields = new RequestFields();
        WanYuan amount = fields.parse("amount", body.amount(), WanYuan::parseNonNegative);
        FundingSource source = fields.optionalLabel("source", body.source(), FundingSource.class);
        LocalDate date = fields.dateUnlessUndated("date", body.date(), body.undated());
        String note = fields.optionalText("note", body.note(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new RecordFundsReceived(target.plan(), amount, source, date, note,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget");
    }

    @PostMapping({DEPARTMENT + "/budget/expenditures", PROJECT + "/budget/expenditures"})
    ResponseEntity<Map<String, Object>> spend(RequestMetadata request, PlanTarget target,
                                              @RequestBody ExpenditureRequest body) {
        RequestFields fields = new RequestFields();
        Charge charge = Charge.parse(fields, body.amount(), body.date(), body.undated(), body.expenditureClass(),
                body.line());
        String description = fields.text("description", body.description(), PlanLimits.MAX_REASON);
        String voucher = fields.optionalText("voucher", body.voucher(), PlanLimits.MAX_SHORT_TEXT);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new RecordExpenditure(target.plan(), charge.amount(), charge.date(),
                charge.type(), charge.line(), description, voucher, Boolean.TRUE.equals(body.overBudgetConfirmed()),
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget");
    }

    @PostMapping({DEPARTMENT + "/budget/expenditure-corrections", PROJECT + "/budget/expenditure-corrections"})
    ResponseEntity<Map<String, Object>> correct(RequestMetadata request, PlanTarget target,
                                                @RequestBody CorrectionRequest body) {
        RequestFields fields = new RequestFields();
        Charge charge = Charge.parse(fields, body.amount(), body.date(), false, body.expenditureClass(), body.line());
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        String voucher = fields.text("originalVoucher", body.originalVoucher(), PlanLimits.MAX_SHORT_TEXT);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new CorrectExpenditure(target.plan(), charge.amount(), charge.date(),
                charge.type(), charge.line(), reason, voucher, target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget");
    }

    @PutMapping({DEPARTMENT + "/budget/lines", PROJECT + "/budget/lines"})
    ResponseEntity<Map<String, Object>> lines(RequestMetadata request, PlanTarget target,
                                              @RequestBody LinesRequest body) {
        RequestFields fields = new RequestFields();
        List<ItemRequest> given = fields.required("lines", body.lines());
        List<BudgetLine> lines = given == null ? List.of()
                : BudgetFields.items(fields, "lines", given, BudgetLine::new);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new SetBudgetLines(target.plan(), lines, target.expectedVersion()),
                request), request);
    }
}
