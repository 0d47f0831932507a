package org.perfledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.evaluation.ReportingCalendars;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.ApproveTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.RejectTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RequestTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.CloseYear;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.command.plan.PlanCommands.ReturnTargets;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * One plan for one fiscal year: a department's department-wide plan (部门整体) or one of its projects (项目). It holds
 * what one self-evaluation table holds — the budget from 年初预算 to 执行数, the goals and indicators with their
 * targets and completions — and walks the year's lifecycle from drafting to publication.
 *
 * <p>One aggregate per plan keeps each rule (e.g. "no spending after the year is closed") inside one consistency
 * boundary. Its state is a handful of running totals and the indicators, so it stays small however many events the
 * year brings; a cache and a snapshot every {@value PlanConfiguration#SNAPSHOT_EVERY} events keep loading it cheap.
 */
@Aggregate(cache = "annualPlanCache", snapshotTriggerDefinition = "annualPlanSnapshotTrigger",
        commandTargetResolver = "planTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AnnualPlan {

    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT_TEXT = 100;
    public static final int MAX_REASON = 500;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_LONG_TEXT = 5000;
    public static final int MAX_LIST = 100;

    /** An indicator with its latest completion. */
    public record IndicatorState(Indicator indicator, Target latestActual, LocalDate latestAsOf,
                                 Achievement latestAchievement) {
    }

    /** A target adjustment waiting for finance's decision. */
    public record PendingAdjustment(int number, IndicatorCode indicator, Target target, Points weight) {
    }

    @AggregateIdentifier
    private String id;
    private PlanId plan;
    private PlanPhase phase;
    private long version;

    private boolean budgetOpened;
    private WanYuan initialBudget = WanYuan.ZERO;
    private WanYuan adjustedBudget = WanYuan.ZERO;
    private WanYuan received = WanYuan.ZERO;
    private WanYuan executed = WanYuan.ZERO;
    private int adjustments;
    private List<BudgetLine> lines = new ArrayList<>();
    /** Spending so far by expenditure class and by 项目支出明细 line: what a correction may take back. */
    private Map<ExpenditureClass, WanYuan> executedByClass = new TreeMap<>();
    private Map<String, WanYuan> executedByLine = new TreeMap<>();

    private int goals;
    private Map<String, IndicatorState> indicators = new LinkedHashMap<>();
    private Set<String> reportedPeriods = new HashSet<>();
    private int adjustmentRequests;
    private Map<Integer, PendingAdjustment> pendingAdjustments = new TreeMap<>();
    private int evaluationRound;

    protected AnnualPlan() {
        // for Axon
    }

    // ---- organisation ---------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterProject command, DepartmentDirectory departments) {
        if (plan != null) {
            throw new DomainRejection(Kind.CONFLICT, "project.already-registered", "code",
                    "project " + command.plan().project() + " of " + command.plan().department() + " is already "
                            + "registered for " + command.plan().year());
        }
        if (command.plan().departmentWide()) {
            throw new DomainRejection(Kind.RULE, "project.code-required", "code", "a project needs a code");
        }
        departments.requireRegistered(command.plan().department());
        String name = text("name", command.name(), MAX_NAME);
        if (command.implementingUnits().size() > 20) {
            throw new DomainRejection(Kind.RULE, "list.length", "implementingUnits",
                    "a project has at most 20 implementing units");
        }
        for (int i = 0; i < command.implementingUnits().size(); i++) {
            text("implementingUnits[" + i + "]", command.implementingUnits().get(i), MAX_SHORT_TEXT);
        }
        String desk = optionalText("financeDesk", command.financeDesk(), MAX_SHORT_TEXT);
        apply(new ProjectRegistered(command.plan(), name, command.implementingUnits(), command.category(),
                command.attribute(), command.type(), desk));
        return receipt("name", name, "phase", phase);
    }

    /**
     * The department-wide plan begins with its first command; a project must be registered first. Axon checks
     * {@code If-Match} only for commands to an existing aggregate, so the commands that may create one check it here.
     */
    private void startIfNeeded(PlanCommand command, DepartmentDirectory departments) {
        PlanId requested = command.plan();
        if (command.expectedVersion() != null && (plan == null || command.expectedVersion() != version)) {
            throw new ConflictingAggregateVersionException(requested.aggregateId(), command.expectedVersion(),
                    plan == null ? -1 : version);
        }
        if (plan != null) {
            return;
        }
        if (!requested.departmentWide()) {
            throw new DomainRejection(Kind.NOT_FOUND, "project.unknown", "project", "project " + requested.project()
                    + " of " + requested.department() + " is not registered for " + requested.year());
        }
        departments.requireRegistered(requested.department());
        apply(new DepartmentPlanStarted(requested));
    }

    // ---- budget ---------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(OpenBudget command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("open the budget", PlanPhase.DRAFTING, PlanPhase.TARGETS_SUBMITTED, PlanPhase.IN_EXECUTION);
        if (budgetOpened) {
            throw new DomainRejection(Kind.CONFLICT, "budget.already-opened", "sources", "the " + plan.year()
                    + " budget of " + plan + " is already open at " + initialBudget + "; change it by adjustments");
        }
        if (command.sources().isEmpty()) {
            throw new DomainRejection(Kind.RULE, "budget.sources-required", "sources",
                    "the initial budget needs at least one funding source with its amount");
        }
        command.sources().forEach((source, amount) -> nonNegative("sources." + source.name(), amount));
        WanYuan total = sum("sources", command.sources().values());
        if (!command.classes().isEmpty()) {
            if (!plan.departmentWide()) {
                throw new DomainRejection(Kind.RULE, "budget.classes-project", "classes",
                        "a project's budget is all 项目支出; only a department-wide budget is split into classes");
            }
            command.classes().forEach((type, amount) -> nonNegative("classes." + type.name(), amount));
            WanYuan classTotal = sum("classes", command.classes().values());
            if (!classTotal.equals(total)) {
                throw new DomainRejection(Kind.RULE, "budget.classes-sum", "classes", "the classes sum to "
                        + classTotal + " but the funding sources to " + total + "; they must agree");
            }
        }
        apply(new BudgetOpened(plan, command.sources(), command.classes(), total));
        return receipt("initialBudget", total);
    }

    @CommandHandler
    public Receipt handle(AdjustBudget command) {
        requireBudget("adjust the budget");
        requirePhase("adjust the budget", PlanPhase.IN_EXECUTION);
        positive("amount", command.amount());
        String reason = text("reason", command.reason(), MAX_REASON);
        requireInYear("date", command.date());
        ExpenditureClass type = classFor(command.expenditureClass(), false);
        WanYuan from = adjustedBudget;
        WanYuan to = command.kind().direction() > 0 ? total("amount", from, command.amount())
                : from.minus(command.amount());
        if (to.isNegative()) {
            throw new DomainRejection(Kind.RULE, "budget.negative", "amount", "调减 " + command.amount()
                    + " would take the budget of " + from + " below zero");
        }
        FundingSource source = command.source() != null ? command.source() : command.kind().defaultSource();
        apply(new BudgetAdjusted(plan, adjustments + 1, command.kind(), source, type, command.amount(), from, to,
                reason, command.documentNumber(), command.date()));
        return receipt("number", adjustments, "kind", command.kind(), "from", from, "to", to);
    }

    @CommandHandler
    public Receipt handle(RecordFundsReceived command) {
        requireBudget("record funds received");
        requirePhase("record funds received", PlanPhase.IN_EXECUTION);
        positive("amount", command.amount());
        requireInYear("date", command.date());
        String note = optionalText("note", command.note(), MAX_REASON);
        FundingSource source = command.source() != null ? command.source() : FundingSource.GENERAL_PUBLIC_BUDGET;
        WanYuan total = total("amount", received, command.amount());
        apply(new FundsReceived(plan, command.amount(), source, command.date(), note, total));
        return receipt("receivedTotal", total, "receiptRate", rate(total, adjustedBudget));
    }

    @CommandHandler
    public Receipt handle(RecordExpenditure command) {
        requireBudget("record an expenditure");
        requirePhase("record an expenditure", PlanPhase.IN_EXECUTION);
        positive("amount", command.amount());
        requireInYear("date", command.date());
        ExpenditureClass type = classFor(command.expenditureClass(), true);
        if (command.line() != null && lines.stream().noneMatch(line -> line.name().equals(command.line()))) {
            throw new DomainRejection(Kind.RULE, "expenditure.unknown-line", "line", "'" + command.line()
                    + "' is not a line of the 项目支出明细; the lines are "
                    + lines.stream().map(BudgetLine::name).toList());
        }
        String description = text("description", command.description(), MAX_REASON);
        String voucher = optionalText("voucher", command.voucher(), MAX_SHORT_TEXT);
        WanYuan total = total("amount", executed, command.amount());
        boolean over = total.compareTo(adjustedBudget) > 0;
        if (over && !command.overBudgetConfirmed()) {
            // a slip of a digit is caught here; spending past the budget is recorded only when someone says so
            throw new DomainRejection(Kind.RULE, "expenditure.over-budget", "overBudgetConfirmed", "this expenditure "
                    + "takes spending to " + total + " 万元, past the budget of " + adjustedBudget + " 万元"
                    + (adjustedBudget.isZero() ? "" : " (执行率 " + rate(total, adjustedBudget) + "%)")
                    + ": confirm it to record it");
        }
        apply(new ExpenditureRecorded(plan, command.amount(), command.date(), type, command.line(), description,
                voucher, total, adjustedBudget, over));
        return receipt("executedTotal", total, "budget", adjustedBudget, "executionRate", rate(total, adjustedBudget),
                "overBudget", over);
    }

    @CommandHandler
    public Receipt handle(CorrectExpenditure command) {
        requireBudget("correct an expenditure");
        requirePhase("correct an expenditure", PlanPhase.IN_EXECUTION);
        positive("amount", command.amount());
        requireInYear("date", command.date());
        ExpenditureClass type = classFor(command.expenditureClass(), true);
        String reason = text("reason", command.reason(), MAX_REASON);
        String voucher = text("originalVoucher", command.originalVoucher(), MAX_SHORT_TEXT);
        WanYuan spentInClass = executedByClass.getOrDefault(type, WanYuan.ZERO);
        if (command.amount().compareTo(spentInClass) > 0) {
            throw new DomainRejection(Kind.RULE, "correction.more-than-spent", "amount", "only " + spentInClass
                    + " was spent as " + type.label() + "; a correction cannot take back " + command.amount());
        }
        if (command.line() != null) {
            WanYuan spentOnLine = executedByLine.get(command.line());
            if (spentOnLine == null || command.amount().compareTo(spentOnLine) > 0) {
                throw new DomainRejection(Kind.RULE, "correction.more-than-spent", "line", "only "
                        + (spentOnLine == null ? WanYuan.ZERO : spentOnLine) + " was charged to '" + command.line()
                        + "'; a correction cannot take back " + command.amount());
            }
        }
        WanYuan total = executed.minus(command.amount());
        boolean over = total.compareTo(adjustedBudget) > 0;
        apply(new ExpenditureCorrected(plan, command.amount(), command.date(), type, command.line(), reason, voucher,
                total, adjustedBudget, over));
        return receipt("executedTotal", total, "budget", adjustedBudget, "executionRate", rate(total, adjustedBudget),
                "overBudget", over);
    }

    @CommandHandler
    public Receipt handle(SetBudgetLines command) {
        requireBudget("set the budget lines");
        requirePhase("set the budget lines", PlanPhase.DRAFTING, PlanPhase.TARGETS_SUBMITTED, PlanPhase.IN_EXECUTION);
        if (command.lines().isEmpty() || command.lines().size() > MAX_LIST) {
            throw new DomainRejection(Kind.RULE, "budget.lines-count", "lines",
                    "the 项目支出明细 has 1 to " + MAX_LIST + " lines");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            BudgetLine line = command.lines().get(i);
            nonNegative("lines[" + i + "].amount", line.amount());
            if (!names.add(line.name())) {
                throw new DomainRejection(Kind.RULE, "budget.lines-duplicate", "lines[" + i + "].name",
                        "the line '" + line.name() + "' is listed twice");
            }
        }
        WanYuan total = sum("lines", command.lines().stream().map(BudgetLine::amount).toList());
        if (!total.equals(adjustedBudget)) {
            throw new DomainRejection(Kind.RULE, "budget.lines-sum", "lines", "the lines sum to " + total
                    + " but the budget is " + adjustedBudget + "; the 项目支出明细 must add up to the budget");
        }
        apply(new BudgetLinesSet(plan, command.lines(), total));
        return receipt("total", total);
    }

    // ---- goals and targets ----------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(AddGoal command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("add a goal", PlanPhase.DRAFTING);
        String text = text("text", command.text(), MAX_TEXT);
        apply(new GoalAdded(plan, goals + 1, text));
        return receipt("goal", goals);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(SetAnnualTarget command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("set a target", PlanPhase.DRAFTING);
        if (command.goal() < 1 || command.goal() > goals) {
            throw new DomainRejection(Kind.RULE, "indicator.unknown-goal", "goal", goals == 0
                    ? "add an annual goal (年度目标) before its indicators"
                    : "goal must be one of the plan's goals, 1 to " + goals + "; got " + command.goal());
        }
        IndicatorCode code = command.code() != null ? command.code() : nextCode(command.goal());
        Indicator indicator;
        try {
            indicator = new Indicator(code, command.goal(), command.level1(), command.level2(), command.name(),
                    command.weight(), command.target());
        } catch (InvalidValueException e) {
            throw DomainRejection.brokenRule(e.rule().startsWith("indicator.level") ? "level2" : "name", e);
        }
        IndicatorState existing = indicators.get(code.value());
        if (existing != null && existing.indicator().equals(indicator)) {
            return receipt("indicator", code, "changed", false);
        }
        apply(new IndicatorTargetSet(plan, indicator));
        return receipt("indicator", code, "changed", true);
    }

    @CommandHandler
    public Receipt handle(SubmitTargets command) {
        requirePhase("submit the targets", PlanPhase.DRAFTING);
        if (indicators.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "targets.no-indicators", "indicators",
                    "there are no indicators to submit; set the annual targets first");
        }
        Set<Integer> measured = indicators.values().stream().map(state -> state.indicator().goal())
                .collect(Collectors.toSet());
        for (int goal = 1; goal <= goals; goal++) {
            if (!measured.contains(goal)) {
                throw new DomainRejection(Kind.RULE, "targets.goal-without-indicator", "goals",
                        "annual goal " + goal + " has no indicator; every goal needs at least one");
            }
        }
        BigDecimal weight = indicators.values().stream().map(state -> state.indicator().weight().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        apply(new TargetsSubmitted(plan, goals, indicators.size(), weight));
        return receipt("phase", phase, "indicators", indicators.size(), "totalWeight", weight.toPlainString());
    }

    @CommandHandler
    public Receipt handle(ApproveTargets command) {
        requirePhase("approve the targets", PlanPhase.TARGETS_SUBMITTED);
        apply(new TargetsApproved(plan, optionalText("comment", command.comment(), MAX_REASON)));
        return receipt("phase", phase);
    }

    @CommandHandler
    public Receipt handle(ReturnTargets command) {
        requirePhase("return the targets", PlanPhase.TARGETS_SUBMITTED);
        apply(new TargetsReturned(plan, text("reason", command.reason(), MAX_REASON)));
        return receipt("phase", phase);
    }

    // ---- the year in execution ------------------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RecordCompletion command) {
        requirePhase("record a completion", PlanPhase.IN_EXECUTION, PlanPhase.CLOSED,
                PlanPhase.SELF_EVALUATION_RETURNED);
        IndicatorState state = indicator("indicator", command.indicator());
        requireInYear("asOf", command.asOf());
        if (state.latestAsOf() != null && command.asOf().isBefore(state.latestAsOf())) {
            throw new DomainRejection(Kind.RULE, "completion.before-latest", "asOf", "a completion of "
                    + command.indicator() + " as of " + state.latestAsOf() + " is already recorded; completions are "
                    + "cumulative, so a new one cannot be dated earlier");
        }
        if (!command.asPrinted()) {
            TargetValue.kindMismatch(state.indicator().target().value(), command.actual().value()).ifPresent(reason -> {
                throw new DomainRejection(Kind.RULE, "completion.kind-mismatch", "value", "'" + command.actual().text()
                        + "' is no 实际完成值 of '" + state.indicator().target().text() + "': " + reason
                        + " (words go in the narrative)");
            });
        }
        if (command.achievement() != null && !(state.indicator().target().value() instanceof TargetValue.Qualitative)) {
            throw new DomainRejection(Kind.RULE, "completion.achievement-quantitative", "achievement",
                    "indicator " + command.indicator() + " has a numeric target; it is judged from its value");
        }
        String narrative = optionalText("narrative", command.narrative(), MAX_TEXT);
        String evidence = optionalText("evidence", command.evidence(), MAX_REASON);
        apply(new CompletionRecorded(plan, command.indicator(), command.actual(), narrative, command.asOf(), evidence,
                command.achievement()));
        Deviation deviation = Deviation.of(state.indicator().target().value(), command.actual().value(),
                command.achievement());
        return receipt("indicator", command.indicator(), "outcome", deviation.outcome(),
                "deviationRate", deviation.rate() == null ? null : deviation.rate().rounded(2).toPlainString());
    }

    @CommandHandler
    public Receipt handle(SubmitMonitoringReport command, ReportingCalendars calendars) {
        requirePhase("submit a monitoring report", PlanPhase.IN_EXECUTION);
        String period = text("period", command.period(), MAX_SHORT_TEXT);
        if (calendars.monitoringPeriod(plan.district(), plan.year(), period).isEmpty()) {
            throw new DomainRejection(Kind.RULE, "monitoring.unscheduled", "period", "district finance has not "
                    + "scheduled a monitoring round '" + period + "' for " + plan.year());
        }
        if (reportedPeriods.contains(period)) {
            throw new DomainRejection(Kind.CONFLICT, "monitoring.already-submitted", "period",
                    "the monitoring report for '" + period + "' was already submitted");
        }
        requireInYear("asOf", command.asOf());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.indicators().size(); i++) {
            IndicatorProgress progress = command.indicators().get(i);
            String field = "indicators[" + i + "]";
            indicator(field + ".indicator", progress.indicator());
            if (!seen.add(progress.indicator().value())) {
                throw new DomainRejection(Kind.RULE, "monitoring.duplicate-indicator", field + ".indicator",
                        "indicator " + progress.indicator() + " is listed twice");
            }
            optionalText(field + ".latestActual", progress.latestActual(), MAX_TEXT);
            optionalText(field + ".deviation", progress.deviation(), MAX_TEXT);
            optionalText(field + ".correctiveMeasure", progress.correctiveMeasure(), MAX_TEXT);
        }
        apply(new MonitoringReportSubmitted(plan, period, command.asOf(), adjustedBudget, executed,
                command.indicators(), optionalText("deviations", command.deviations(), MAX_LONG_TEXT),
                optionalText("correctiveMeasures", command.correctiveMeasures(), MAX_LONG_TEXT)));
        return receipt("period", period, "executionRate", rate(executed, adjustedBudget));
    }

    @CommandHandler
    public Receipt handle(RequestTargetAdjustment command) {
        requirePhase("request a target adjustment", PlanPhase.IN_EXECUTION);
        IndicatorState state = indicator("indicator", command.indicator());
        if (pendingAdjustments.values().stream().anyMatch(p -> p.indicator().equals(command.indicator()))) {
            throw new DomainRejection(Kind.CONFLICT, "target-adjustment.pending", "indicator", "a target adjustment "
                    + "of " + command.indicator() + " is already waiting for district finance");
        }
        Points weight = command.weight() != null ? command.weight() : state.indicator().weight();
        if (command.target().equals(state.indicator().target()) && weight.equals(state.indicator().weight())) {
            throw new DomainRejection(Kind.RULE, "target-adjustment.unchanged", "target",
                    "the requested target and weight are the ones already approved");
        }
        String reason = text("reason", command.reason(), MAX_REASON);
        apply(new TargetAdjustmentRequested(plan, adjustmentRequests + 1, command.indicator(), command.target(),
                weight, reason));
        return receipt("number", adjustmentRequests, "indicator", command.indicator());
    }

    @CommandHandler
    public Receipt handle(ApproveTargetAdjustment command) {
        requirePhase("approve a target adjustment", PlanPhase.IN_EXECUTION);
        PendingAdjustment pending = pending(command.number());
        Indicator current = indicators.get(pending.indicator().value()).indicator();
        apply(new TargetAdjustmentApproved(plan, pending.number(), pending.indicator(), current.target(),
                pending.target(), current.weight(), pending.weight(),
                optionalText("comment", command.comment(), MAX_REASON)));
        return receipt("number", pending.number(), "indicator", pending.indicator(), "target", pending.target());
    }

    @CommandHandler
    public Receipt handle(RejectTargetAdjustment command) {
        requirePhase("reject a target adjustment", PlanPhase.IN_EXECUTION);
        PendingAdjustment pending = pending(command.number());
        apply(new TargetAdjustmentRejected(plan, pending.number(), pending.indicator(),
                text("reason", command.reason(), MAX_REASON)));
        return receipt("number", pending.number(), "indicator", pending.indicator());
    }

    @CommandHandler
    public Receipt handle(CloseYear command) {
        requirePhase("close the year", PlanPhase.IN_EXECUTION);
        if (!budgetOpened) {
            throw new DomainRejection(Kind.RULE, "year.no-budget", null,
                    "the plan has no budget; open it before closing the year");
        }
        if (!pendingAdjustments.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "year.pending-adjustments", null, "target adjustment(s) "
                    + pendingAdjustments.keySet() + " still wait for a decision; approve or reject them first");
        }
        if (!lines.isEmpty() && !sum("lines", lines.stream().map(BudgetLine::amount).toList()).equals(adjustedBudget)) {
            throw new DomainRejection(Kind.RULE, "year.lines-unbalanced", "lines", "the 项目支出明细 sums to "
                    + sum("lines", lines.stream().map(BudgetLine::amount).toList()) + " but the budget is now "
                    + adjustedBudget + "; set the lines again before closing");
        }
        apply(new YearClosed(plan, initialBudget, adjustedBudget, received, executed));
        return receipt("phase", phase, "adjustedBudget", adjustedBudget, "executed", executed,
                "executionRate", rate(executed, adjustedBudget));
    }

    // ---- self-evaluation ------------------------------------------------------------------------------------------

    /**
     * A filled-in 自评表 at once: every cell that disagrees with the plan or breaks a rule is refused together with its
     * address, and then nothing is recorded; otherwise its new actuals and the self-evaluation are one transaction.
     */
    @CommandHandler
    public Receipt handle(ImportSelfEvaluationTable command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requirePhase("import the self-evaluation table", PlanPhase.CLOSED, PlanPhase.SELF_EVALUATION_RETURNED);
        requireInYear("asOf", command.asOf());
        String file = optionalText("file", command.file(), MAX_SHORT_TEXT);
        SelfEvaluationImport.Outcome outcome = SelfEvaluationImport.check(plan, command.table(), indicators.values(),
                adjustedBudget, executed, calendars.deviationMargin(plan.district(), plan.year()), command.asOf());
        if (!outcome.errors().isEmpty()) {
            throw DomainRejection.ofAll(Kind.RULE, "self-evaluation-import.invalid", outcome.errors().size()
                    + " problem(s) in sheet " + command.table().sheet() + "; nothing was imported",
                    outcome.errors());
        }
        String evidence = "自评表" + (file == null ? "" : " " + file);
        for (SelfEvaluationImport.Completion completion : outcome.completions()) {
            apply(new CompletionRecorded(plan, completion.indicator(), completion.actual(),
                    "自评表导入（单元格 " + completion.cell() + "）", command.asOf(), evidence, completion.achievement()));
        }
        handle(outcome.submission(), calendars, schemes);
        return receipt("completions", outcome.completions().size(), "indicators",
                outcome.submission().indicators().size(), "round", evaluationRound, "phase", phase);
    }

    @CommandHandler
    public Receipt handle(SubmitSelfEvaluation command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requirePhase("submit the self-evaluation", PlanPhase.CLOSED, PlanPhase.SELF_EVALUATION_RETURNED);
        Map<String, IndicatorEvaluation> given = new LinkedHashMap<>();
        for (int i = 0; i < command.indicators().size(); i++) {
            IndicatorEvaluation evaluation = command.indicators().get(i);
            String field = "indicators[" + i + "]";
            indicator(field + ".indicator", evaluation.indicator());
            if (given.put(evaluation.indicator().value(), evaluation) != null) {
                throw new DomainRejection(Kind.RULE, "self-evaluation.duplicate-indicator", field + ".indicator",
                        "indicator " + evaluation.indicator() + " is listed twice");
            }
            optionalText(field + ".deviationReason", evaluation.deviationReason(), MAX_TEXT);
        }
        Percentage margin = calendars.deviationMargin(plan.district(), plan.year());
        List<String> missing = new ArrayList<>();
        boolean anyDeviation = false;
        for (IndicatorState state : indicators.values()) {
            Deviation deviation = Deviation.of(state.indicator().target().value(),
                    state.latestActual() == null ? null : state.latestActual().value(), state.latestAchievement());
            IndicatorEvaluation evaluation = given.get(state.indicator().code().value());
            boolean explained = evaluation != null && evaluation.deviationReason() != null
                    && !evaluation.deviationReason().isBlank();
            anyDeviation |= deviation.needsReason(margin);
            if (deviation.needsReason(margin) && !explained) {
                missing.add(state.indicator().code() + " (" + describe(deviation, margin) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "self-evaluation.deviation-reason-required", "indicators",
                    "a deviation reason (偏差原因) is required for " + String.join("; ", missing));
        }
        // 偏差大或目标未完成原因分析: required as soon as one indicator needed a reason.
        String analysis = anyDeviation
                ? text("deviationAnalysis", command.deviationAnalysis(), MAX_LONG_TEXT)
                : optionalText("deviationAnalysis", command.deviationAnalysis(), MAX_LONG_TEXT);
        Integer schemeVersion = schemes.currentVersion(plan.district(), plan.year(), EvaluationKind.of(plan));
        apply(new SelfEvaluationSubmitted(plan, evaluationRound + 1, command.indicators(), command.score(),
                command.grade(), command.executionRate(), command.executionScore(), schemeVersion, analysis,
                text("improvementMeasures", command.improvementMeasures(), MAX_LONG_TEXT),
                text("resultsUse", command.resultsUse(), MAX_LONG_TEXT),
                text("publicationPlan", command.publicationPlan(), MAX_LONG_TEXT)));
        return receipt("round", evaluationRound, "phase", phase, "schemeVersion", schemeVersion);
    }

    @CommandHandler
    public Receipt handle(ReturnSelfEvaluation command) {
        requirePhase("return the self-evaluation", PlanPhase.SELF_EVALUATION_SUBMITTED);
        apply(new SelfEvaluationReturned(plan, evaluationRound, text("reason", command.reason(), MAX_REASON)));
        return receipt("round", evaluationRound, "phase", phase);
    }

    @CommandHandler
    public Receipt handle(AcceptSelfEvaluation command) {
        requirePhase("accept the self-evaluation", PlanPhase.SELF_EVALUATION_SUBMITTED);
        apply(new SelfEvaluationAccepted(plan, evaluationRound,
                optionalText("comment", command.comment(), MAX_REASON)));
        return receipt("round", evaluationRound, "phase", phase);
    }

    @CommandHandler
    public Receipt handle(PublishSelfEvaluation command) {
        requirePhase("publish the self-evaluation", PlanPhase.SELF_EVALUATION_ACCEPTED);
        apply(new SelfEvaluationPublished(plan, text("channels", command.channels(), MAX_REASON)));
        return receipt("phase", phase);
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ProjectRegistered event, @SequenceNumber long sequence) {
        start(event.plan(), sequence);
    }

    @EventSourcingHandler
    void on(DepartmentPlanStarted event, @SequenceNumber long sequence) {
        start(event.plan(), sequence);
    }

    private void start(PlanId started, long sequence) {
        id = started.aggregateId();
        plan = started;
        phase = PlanPhase.DRAFTING;
        version = sequence;
    }

    @EventSourcingHandler
    void on(BudgetOpened event, @SequenceNumber long sequence) {
        budgetOpened = true;
        initialBudget = event.total();
        adjustedBudget = event.total();
        version = sequence;
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event, @SequenceNumber long sequence) {
        adjustments = event.number();
        adjustedBudget = event.to();
        version = sequence;
    }

    @EventSourcingHandler
    void on(FundsReceived event, @SequenceNumber long sequence) {
        received = event.receivedTotal();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event, @SequenceNumber long sequence) {
        tally(event.executedTotal(), event.expenditureClass(), event.line(), event.amount());
        version = sequence;
    }

    @EventSourcingHandler
    void on(ExpenditureCorrected event, @SequenceNumber long sequence) {
        tally(event.executedTotal(), event.expenditureClass(), event.line(), WanYuan.ZERO.minus(event.amount()));
        version = sequence;
    }

    private void tally(WanYuan total, ExpenditureClass type, String line, WanYuan change) {
        executed = total;
        executedByClass.merge(type, change, WanYuan::plus);
        if (line != null) {
            executedByLine.merge(line, change, WanYuan::plus);
        }
    }

    @EventSourcingHandler
    void on(BudgetLinesSet event, @SequenceNumber long sequence) {
        lines = new ArrayList<>(event.lines());
        version = sequence;
    }

    @EventSourcingHandler
    void on(GoalAdded event, @SequenceNumber long sequence) {
        goals = event.number();
        version = sequence;
    }

    @EventSourcingHandler
    void on(IndicatorTargetSet event, @SequenceNumber long sequence) {
        indicators.put(event.indicator().code().value(), new IndicatorState(event.indicator(), null, null, null));
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetsSubmitted event, @SequenceNumber long sequence) {
        phase = PlanPhase.TARGETS_SUBMITTED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetsApproved event, @SequenceNumber long sequence) {
        phase = PlanPhase.IN_EXECUTION;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetsReturned event, @SequenceNumber long sequence) {
        phase = PlanPhase.DRAFTING;
        version = sequence;
    }

    @EventSourcingHandler
    void on(CompletionRecorded event, @SequenceNumber long sequence) {
        IndicatorState state = indicators.get(event.indicator().value());
        indicators.put(event.indicator().value(),
                new IndicatorState(state.indicator(), event.actual(), event.asOf(), event.achievement()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(MonitoringReportSubmitted event, @SequenceNumber long sequence) {
        reportedPeriods.add(event.period());
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetAdjustmentRequested event, @SequenceNumber long sequence) {
        adjustmentRequests = event.number();
        pendingAdjustments.put(event.number(),
                new PendingAdjustment(event.number(), event.indicator(), event.target(), event.weight()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetAdjustmentApproved event, @SequenceNumber long sequence) {
        pendingAdjustments.remove(event.number());
        IndicatorState state = indicators.get(event.indicator().value());
        indicators.put(event.indicator().value(), new IndicatorState(
                state.indicator().withTarget(event.toTarget(), event.toWeight()), state.latestActual(),
                state.latestAsOf(), state.latestAchievement()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetAdjustmentRejected event, @SequenceNumber long sequence) {
        pendingAdjustments.remove(event.number());
        version = sequence;
    }

    @EventSourcingHandler
    void on(YearClosed event, @SequenceNumber long sequence) {
        phase = PlanPhase.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event, @SequenceNumber long sequence) {
        evaluationRound = event.round();
        phase = PlanPhase.SELF_EVALUATION_SUBMITTED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SelfEvaluationReturned event, @SequenceNumber long sequence) {
        phase = PlanPhase.SELF_EVALUATION_RETURNED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SelfEvaluationAccepted event, @SequenceNumber long sequence) {
        phase = PlanPhase.SELF_EVALUATION_ACCEPTED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SelfEvaluationPublished event, @SequenceNumber long sequence) {
        phase = PlanPhase.PUBLISHED;
        version = sequence;
    }

    // ---- rules shared by the handlers -----------------------------------------------------------------------------

    private void requirePhase(String action, PlanPhase... allowed) {
        if (Arrays.asList(allowed).contains(phase)) {
            return;
        }
        throw new DomainRejection(Kind.CONFLICT, "plan.phase", null, "cannot " + action + ": the plan is "
                + phase.label() + " (" + phase + "); that is possible only when it is "
                + Arrays.stream(allowed).map(p -> p.label() + " (" + p + ")").collect(Collectors.joining(" or ")));
    }

    private void requireBudget(String action) {
        if (!budgetOpened) {
            throw new DomainRejection(Kind.RULE, "budget.not-opened", null,
                    "cannot " + action + ": the plan's budget has not been opened");
        }
    }

    private void requireInYear(String field, LocalDate date) {
        if (date == null) {
            throw new DomainRejection(Kind.RULE, "date.required", field, field + " is required");
        }
        if (!plan.year().contains(date)) {
            throw new DomainRejection(Kind.RULE, "date.outside-year", field, field + " must fall within the fiscal "
                    + "year " + plan.year() + " (" + plan.year().firstDay() + " to " + plan.year().lastDay()
                    + "), got " + date);
        }
    }

    /** A project's money is all 项目支出; a department-wide plan names the class where it must. */
    private ExpenditureClass classFor(ExpenditureClass given, boolean required) {
        if (!plan.departmentWide()) {
            if (given != null && given != ExpenditureClass.PROJECT) {
                throw new DomainRejection(Kind.RULE, "expenditure.class-project", "expenditureClass",
                        "a project's money is all 项目支出 (PROJECT); got " + given.label());
            }
            return ExpenditureClass.PROJECT;
        }
        if (given == null && required) {
            throw new DomainRejection(Kind.RULE, "expenditure.class-required", "expenditureClass", "a department-wide"
                    + " expenditure names its class: 人员经费 (PERSONNEL), 公用经费 (PUBLIC_FUNDS) or 项目支出 (PROJECT)");
        }
        return given;
    }

    private IndicatorState indicator(String field, IndicatorCode code) {
        IndicatorState state = code == null ? null : indicators.get(code.value());
        if (state == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "indicator.unknown", field, "the plan has no indicator "
                    + code + "; its indicators are " + indicators.keySet());
        }
        return state;
    }

    private PendingAdjustment pending(int number) {
        PendingAdjustment pending = pendingAdjustments.get(number);
        if (pending == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "target-adjustment.unknown", "number", "no target adjustment "
                    + number + " is waiting for a decision; waiting: " + pendingAdjustments.keySet());
        }
        return pending;
    }

    private IndicatorCode nextCode(int goal) {
        int n = 1;
        while (indicators.containsKey("G" + goal + "." + n)) {
            n++;
        }
        return new IndicatorCode("G" + goal + "." + n);
    }

    static String describe(Deviation deviation, Percentage margin) {
        return switch (deviation.outcome()) {
            case UNKNOWN -> deviation.reason();
            case NOT_MET -> "target not met" + (deviation.rate() == null ? ""
                    : ", 偏差率 " + deviation.rate().rounded(2).toPlainString() + "%");
            case MET -> "偏差率 " + deviation.rate().rounded(2).toPlainString() + "% is beyond the margin of "
                    + margin.value().toPlainString() + "%";
        };
    }

    private static String text(String field, String value, int maxLength) {
        try {
            return Checks.requireText(value, field, maxLength);
        } catch (InvalidValueException e) {
            throw DomainRejection.brokenRule(field, e);
        }
    }

    private static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isEmpty() ? null : text(field, value, maxLength);
    }

    private static void positive(String field, WanYuan amount) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new DomainRejection(Kind.RULE, "money.positive", field, field + " must be more than 0");
        }
    }

    private static void nonNegative(String field, WanYuan amount) {
        if (amount == null || amount.isNegative()) {
            throw new DomainRejection(Kind.RULE, "money.non-negative", field, field + " must not be negative");
        }
    }

    private static WanYuan sum(String field, Collection<WanYuan> amounts) {
        WanYuan total = WanYuan.ZERO;
        for (WanYuan amount : amounts) {
            total = total(field, total, amount);
        }
        return total;
    }

    /** A running total that must stay an amount the ledger can hold (13 integer digits), or the command is refused. */
    private static WanYuan total(String field, WanYuan sofar, WanYuan amount) {
        try {
            return sofar.plus(amount);
        } catch (InvalidValueException e) {
            throw new DomainRejection(Kind.RULE, "money.total-range", field, "adding " + amount + " to " + sofar
                    + " would leave the range of amounts in 万元 (at most " + WanYuan.MAX_INTEGER_DIGITS
                    + " integer digits)");
        }
    }

    /** 执行率 / 到位率 as the tables print them, or null when the budget is 0 (flagged, not 100%). */
    private static String rate(WanYuan part, WanYuan whole) {
        return whole.isZero() ? null : Percentage.ofRatio(part, whole).rounded(2).toPlainString();
    }

    private Receipt receipt(Object... facts) {
        return Receipt.of(plan.aggregateId(), version, facts);
    }
}
