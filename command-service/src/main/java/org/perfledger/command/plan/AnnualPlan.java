package org.perfledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.rate;
import static org.perfledger.command.planning.PlanRules.text;

import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.evaluation.PlanEvaluation;
import org.perfledger.command.performance.PlanMonitoring;
import org.perfledger.command.performance.PlanTargets;
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
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.budget.SpendingBySource;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.AddIndicatorAtSelfEvaluation;
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
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
import org.perfledger.command.performance.OverallGoals;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.scoring.ScoringSchemes;
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

    /**
     * The layout of the plan's snapshot: 2 since the budget, targets and evaluation became members; 3 since the
     * monitoring rounds are a member of their own.
     */
    public static final String SNAPSHOT_LAYOUT = "3";

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
    private PlanMonitoring monitoring = new PlanMonitoring();
    @AggregateMember
    private PlanEvaluation evaluation = new PlanEvaluation();

    protected AnnualPlan() {
        // for Axon
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterProject command, DepartmentDirectory departments) {
        ProjectRegistered registered = ProjectRegistration.registered(command, plan != null, departments);
        apply(registered);
        return receipt("name", registered.name(), "phase", phase);
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
        requireAllowed(command);
        PlanTargets.Submission submission = targets.submission();
        apply(new TargetsSubmitted(plan, submission.goals(), submission.indicators(), submission.weight()));
        return receipt("phase", phase, "indicators", submission.indicators(), "totalWeight",
                submission.weight().toPlainString());
    }

    @CommandHandler
    public Receipt handle(ApproveTargets command) {
        requireAllowed(command);
        apply(new TargetsApproved(plan, optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return receipt("phase", phase);
    }

    @CommandHandler
    public Receipt handle(ReturnTargets command) {
        requireAllowed(command);
        apply(new TargetsReturned(plan, text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return receipt("phase", phase);
    }

    @CommandHandler
    public Receipt handle(CloseYear command) {
        requireAllowed(command);
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
        requireAllowed(command);
        return receipt(budget.open(plan, command));
    }

    @CommandHandler
    public Receipt handle(AdjustBudget command) {
        budget.requireOpened("adjust the budget");
        requireAllowed(command);
        return receipt(budget.adjust(plan, command));
    }

    @CommandHandler
    public Receipt handle(NoteBudgetAdjustment command) {
        budget.requireOpened("note an adjustment");
        requireAllowed(command);
        return receipt(budget.note(plan, command));
    }

    @CommandHandler
    public Receipt handle(StateSpendingBySource command) {
        requireAllowed(command);
        SpendingBySourceStated stated = SpendingBySource.stated(plan, command, budget);
        apply(stated);
        return receipt("total", stated.total(), "executed", stated.executed());
    }

    @CommandHandler
    public Receipt handle(RecordFundsReceived command) {
        budget.requireOpened("record funds received");
        requireAllowed(command);
        return receipt(budget.receive(plan, command));
    }

    @CommandHandler
    public Receipt handle(RecordExpenditure command) {
        budget.requireOpened("record an expenditure");
        requireAllowed(command);
        return receipt(budget.spend(plan, command));
    }

    @CommandHandler
    public Receipt handle(CorrectExpenditure command) {
        budget.requireOpened("correct an expenditure");
        requireAllowed(command);
        return receipt(budget.correct(plan, command));
    }

    @CommandHandler
    public Receipt handle(SetBudgetLines command) {
        budget.requireOpened("set the budget lines");
        requireAllowed(command);
        return receipt(budget.setLines(plan, command));
    }

    // ---- goals, indicators, completions, monitoring, target adjustments -------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(AddGoal command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requireAllowed(command);
        return receipt(targets.addGoal(plan, command));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(SetAnnualTarget command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        requireAllowed(command);
        return receipt(targets.setTarget(plan, command));
    }

    @CommandHandler
    public Receipt handle(AddIndicatorAtSelfEvaluation command) {
        requireAllowed(command);
        return receipt(targets.addAtSelfEvaluation(plan, command));
    }

    @CommandHandler
    public Receipt handle(RecordCompletion command) {
        requireAllowed(command);
        return receipt(targets.recordCompletion(plan, command));
    }

    @CommandHandler
    public Receipt handle(SubmitMonitoringReport command, ReportingCalendars calendars) {
        requireAllowed(command);
        return receipt(monitoring.report(plan, command, calendars, budget, targets));
    }

    @CommandHandler
    public Receipt handle(RequestTargetAdjustment command) {
        requireAllowed(command);
        return receipt(targets.requestAdjustment(plan, command));
    }

    @CommandHandler
    public Receipt handle(ApproveTargetAdjustment command) {
        requireAllowed(command);
        return receipt(targets.approveAdjustment(plan, command));
    }

    @CommandHandler
    public Receipt handle(RejectTargetAdjustment command) {
        requireAllowed(command);
        return receipt(targets.rejectAdjustment(plan, command));
    }

    @CommandHandler
    public Receipt handle(StateStaffing command) {
        requireAllowed(command);
        apply(StaffingStatement.stated(plan, command));
        return receipt("headcounts", command.headcounts());
    }

    @CommandHandler
    public Receipt handle(StateOverallGoals command) {
        requireAllowed(command);
        apply(OverallGoals.stated(plan, command));
        return receipt("overallGoals", command.goals().size());
    }

    @CommandHandler
    public Receipt handle(StateSubProjects command) {
        requireAllowed(command);
        apply(SubProjectsStatement.stated(plan, command));
        return receipt("subProjects", command.names().size());
    }

    // ---- the self-evaluation --------------------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(ImportSelfEvaluationTable command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requireAllowed(command);
        return receipt(with(evaluation.importTable(plan, command, targets, budget, calendars, schemes),
                "phase", phase));
    }

    @CommandHandler
    public Receipt handle(SubmitSelfEvaluation command, ReportingCalendars calendars, ScoringSchemes schemes) {
        requireAllowed(command);
        return receipt(with(evaluation.submit(plan, command, targets, calendars, schemes), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(ReturnSelfEvaluation command) {
        requireAllowed(command);
        return receipt(with(evaluation.giveBack(plan, command), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(AcceptSelfEvaluation command) {
        requireAllowed(command);
        return receipt(with(evaluation.accept(plan, command), "phase", phase));
    }

    @CommandHandler
    public Receipt handle(PublishSelfEvaluation command) {
        requireAllowed(command);
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

    /** Every other event of the plan moves its version, and its phase where the lifecycle says so. */
    @EventSourcingHandler
    void on(PlanEvent event, @SequenceNumber long sequence) {
        phase = PlanLifecycle.after(event, phase);
        version = sequence;
    }

    private void requireAllowed(PlanCommand command) {
        PlanLifecycle.requireAllowed(command, phase);
    }

    private static Object[] with(Object[] facts, Object... more) {
        return Stream.concat(Arrays.stream(facts), Arrays.stream(more)).toArray();
    }

    private Receipt receipt(Object... facts) {
        return Receipt.of(plan.aggregateId(), version, facts);
    }
}
