package org.perfledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.plan.PlanRules.optionalText;
import static org.perfledger.command.plan.PlanRules.rate;
import static org.perfledger.command.plan.PlanRules.text;

import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.planning.PlanCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
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
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;

/**
 * One plan for one fiscal year: a department's department-wide plan (部门整体) or one of its projects (项目), one
 * consistency boundary. The root holds the plan's identity, its phase and the lifecycle from drafting to publication;
 * its parts are aggregate members beside it: the budget ({@link PlanBudget}), the goals and indicators
 * ({@link PlanTargets}) and the self-evaluation ({@link PlanEvaluation}). Each command is checked against the phase
 * here and handed to its part, which checks its own rules and applies its events; the receipt carries the version the
 * plan reached.
 *
 * <p>Its state is running totals and the indicators, so it stays small however many events the year brings; a cache
 * and a snapshot every {@value PlanConfiguration#SNAPSHOT_EVERY} events keep loading it cheap. The snapshot's layout is
 * versioned ({@link Revision}): a snapshot of another layout is passed over and the plan is loaded from its events.
 */
@Aggregate(cache = "annualPlanCache", snapshotTriggerDefinition = "annualPlanSnapshotTrigger",
        snapshotFilter = "annualPlanSnapshotFilter", commandTargetResolver = "planTargetResolver")
@Revision(AnnualPlan.SNAPSHOT_LAYOUT)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AnnualPlan {

    /** The layout of the plan's snapshot: 2 since the budget, targets and evaluation became members. */
    public static final String SNAPSHOT_LAYOUT = "2";

    @AggregateIdentifier
    private String id;
    private PlanId plan;
    private PlanPhase phase;
    private long version;

    @AggregateMember
    private PlanBudget budget = new PlanBudget();
    @AggregateMember
    private PlanTargets targets = new PlanTargets();
    @AggregateMember
    private PlanEvaluation evaluation = new PlanEvaluation();

    protected AnnualPlan() {
        // for Axon
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

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
        String name = text("name", command.name(), PlanLimits.MAX_NAME);
        if (command.implementingUnits().size() > 20) {
            throw new DomainRejection(Kind.RULE, "list.length", "implementingUnits",
                    "a project has at most 20 implementing units");
        }
        for (int i = 0; i < command.implementingUnits().size(); i++) {
            text("implementingUnits[" + i + "]", command.implementingUnits().get(i), PlanLimits.MAX_SHORT_TEXT);
        }
        String desk = optionalText("financeDesk", command.financeDesk(), PlanLimits.MAX_SHORT_TEXT);
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

    @CommandHandler
    public Receipt handle(SubmitTargets command) {
        requirePhase("submit the targets", PlanPhase.DRAFTING);
        PlanTargets.Submission submission = targets.submission();
        apply(new TargetsSubmitted(plan, submission.goals(), submission.indicators(), submission.weight()));
        return receipt("phase", phase, "indicators", submission.indicators(), "totalWeight",
                submission.weight().toPlainString());
    }

    @CommandHandler
    public Receipt handle(ApproveTargets command) {
        requirePhase("approve the targets", PlanPhase.TARGETS_SUBMITTED);
        apply(new TargetsApproved(plan, optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return receipt("phase", phase);
    }

    @CommandHandler
    public Receipt handle(ReturnTargets command) {
        requirePhase("return the targets", PlanPhase.TARGETS_SUBMITTED);
        apply(new TargetsReturned(plan, text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return receipt("phase", phase);
    }

    @CommandHandler
    public Receipt handle(CloseYear command) {
        requirePhase("close the year", PlanPhase.IN_EXECUTION);
        budget.requireClosable();
        targets.requireNothingPending();
        apply(new YearClosed(plan, budget.initial(), budget.adjusted(), budget.received(), budget.executed()));
        return receipt("phase", phase, "adjustedBudget", budget.adjusted(), "executed", budget.executed(),
                "executionRate", rate(budget.executed(), budget.adjusted()));
    }

    // ---- the budget -----------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(OpenBudget command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("open the budget", PlanPhase.DRAFTING, PlanPhase.TARGETS_SUBMITTED, PlanPhase.IN_EXECUTION);
        return receipt(budget.open(plan, command));
    }

    @CommandHandler
    public Receipt handle(AdjustBudget command) {
        budget.requireOpened("adjust the budget");
        requirePhase("adjust the budget", PlanPhase.IN_EXECUTION);
        return receipt(budget.adjust(plan, command));
    }

    @CommandHandler
    public Receipt handle(RecordFundsReceived command) {
        budget.requireOpened("record funds received");
        requirePhase("record funds received", PlanPhase.IN_EXECUTION);
        return receipt(budget.receive(plan, command));
    }

    @CommandHandler
    public Receipt handle(RecordExpenditure command) {
        budget.requireOpened("record an expenditure");
        requirePhase("record an expenditure", PlanPhase.IN_EXECUTION);
        return receipt(budget.spend(plan, command));
    }

    @CommandHandler
    public Receipt handle(CorrectExpenditure command) {
        budget.requireOpened("correct an expenditure");
        requirePhase("correct an expenditure", PlanPhase.IN_EXECUTION);
        return receipt(budget.correct(plan, command));
    }

    @CommandHandler
    public Receipt handle(SetBudgetLines command) {
        budget.requireOpened("set the budget lines");
        requirePhase("set the budget lines", PlanPhase.DRAFTING, PlanPhase.TARGETS_SUBMITTED, PlanPhase.IN_EXECUTION);
        return receipt(budget.setLines(plan, command));
    }

    // ---- goals, indicators, completions, monitoring, target adjustments -------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(AddGoal command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("add a goal", PlanPhase.DRAFTING);
        return receipt(targets.addGoal(plan, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(SetAnnualTarget command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requirePhase("set a target", PlanPhase.DRAFTING);
        return receipt(targets.setTarget(plan, command));
    }

    @CommandHandler
    public Receipt handle(RecordCompletion command) {
        requirePhase("record a completion", PlanPhase.IN_EXECUTION, PlanPhase.CLOSED,
                PlanPhase.SELF_EVALUATION_RETURNED);
        return receipt(targets.recordCompletion(plan, command));
    }

    @CommandHandler
    public Receipt handle(SubmitMonitoringReport command, ReportingCalendars calendars) {
        requirePhase("submit a monitoring report", PlanPhase.IN_EXECUTION);
        return receipt(targets.reportMonitoring(plan, command, calendars, budget));
    }

    @CommandHandler
    public Receipt handle(RequestTargetAdjustment command) {
        requirePhase("request a target adjustment", PlanPhase.IN_EXECUTION);
        return receipt(targets.requestAdjustment(plan, command));
    }

    @CommandHandler
    public Receipt handle(ApproveTargetAdjustment command) {
        requirePhase("approve a target adjustment", PlanPhase.IN_EXECUTION);
        return receipt(targets.approveAdjustment(plan, command));
    }

    @CommandHandler
    public Receipt handle(RejectTargetAdjustment command) {
        requirePhase("reject a target adjustment", PlanPhase.IN_EXECUTION);
        return receipt(targets.rejectAdjustment(plan, command));
    }

    // ---- the self-evaluation --------------------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(ImportSelfEvaluationTable command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requirePhase("import the self-evaluation table", PlanPhase.CLOSED, PlanPhase.SELF_EVALUATION_RETURNED);
        return receipt(with(evaluation.importTable(plan, command, targets, budget, calendars, schemes),
                "phase", phase));
    }

    @CommandHandler
    public Receipt handle(SubmitSelfEvaluation command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requirePhase("submit the self-evaluation", PlanPhase.CLOSED, PlanPhase.SELF_EVALUATION_RETURNED);
        return receipt(with(evaluation.submit(plan, command, targets, calendars, schemes), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(ReturnSelfEvaluation command) {
        requirePhase("return the self-evaluation", PlanPhase.SELF_EVALUATION_SUBMITTED);
        return receipt(with(evaluation.giveBack(plan, command), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(AcceptSelfEvaluation command) {
        requirePhase("accept the self-evaluation", PlanPhase.SELF_EVALUATION_SUBMITTED);
        return receipt(with(evaluation.accept(plan, command), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(PublishSelfEvaluation command) {
        requirePhase("publish the self-evaluation", PlanPhase.SELF_EVALUATION_ACCEPTED);
        return receipt(with(evaluation.publish(plan, command), "phase", phase));
    }

    // ---- identity, phase and version ------------------------------------------------------------------------------

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

    /** Every other event of the plan moves its version; the members keep what it says. */
    @EventSourcingHandler
    void on(PlanEvent event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(TargetsSubmitted event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.TARGETS_SUBMITTED, sequence);
    }

    @EventSourcingHandler
    void on(TargetsApproved event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.IN_EXECUTION, sequence);
    }

    @EventSourcingHandler
    void on(TargetsReturned event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.DRAFTING, sequence);
    }

    @EventSourcingHandler
    void on(YearClosed event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.CLOSED, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.SELF_EVALUATION_SUBMITTED, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationReturned event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.SELF_EVALUATION_RETURNED, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationAccepted event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.SELF_EVALUATION_ACCEPTED, sequence);
    }

    @EventSourcingHandler
    void on(SelfEvaluationPublished event, @SequenceNumber long sequence) {
        moveTo(PlanPhase.PUBLISHED, sequence);
    }

    private void moveTo(PlanPhase next, long sequence) {
        phase = next;
        version = sequence;
    }

    private void requirePhase(String action, PlanPhase... allowed) {
        PlanRules.requirePhase(phase, action, allowed);
    }

    private static Object[] with(Object[] facts, Object... more) {
        return Stream.concat(Arrays.stream(facts), Arrays.stream(more)).toArray();
    }

    private Receipt receipt(Object... facts) {
        return Receipt.of(plan.aggregateId(), version, facts);
    }
}
