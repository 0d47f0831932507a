package org.perfledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.rate;
import static org.perfledger.command.planning.PlanRules.text;

import org.perfledger.command.assessment.AssessmentCommands.SubmitAssessment;
import org.perfledger.command.assessment.PlanAssessment;
import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.warning.PlanFunds;
import org.perfledger.command.warning.PlanWarnings;
import org.perfledger.command.evaluation.PlanEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReportEvaluation;
import org.perfledger.command.external.PlanExternalEvaluations;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.command.library.IndicatorLibrary;
import java.util.Optional;
import org.perfledger.command.results.FinalGrade;
import org.perfledger.command.results.PlanRectifications;
import org.perfledger.command.results.PlanResults;
import org.perfledger.command.results.Proposals;
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.command.results.ResultUseRules;
import org.perfledger.command.scoring.ScoringSchemeVersions;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.command.performance.PlanMonitoring;
import org.perfledger.command.performance.PlanTargets;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.planning.PlanCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Arrays;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.CloseYear;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.command.plan.PlanCommands.ReturnTargets;
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
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
 * ({@link PlanTargets}), the monitoring rounds ({@link PlanMonitoring}), the self-evaluation
 * ({@link PlanEvaluation}), a new project's ex-ante assessment ({@link PlanAssessment}), whether finance holds its
 * funds back ({@link PlanFunds}), finance's warnings ({@link PlanWarnings}), the use of its results
 * ({@link PlanResults}), its rectification items ({@link PlanRectifications}) and the evaluations beyond its
 * self-evaluation ({@link PlanExternalEvaluations}). A command about one part is handled
 * by that part, which checks its own rules and applies its events; the root handles the lifecycle, the commands that
 * may start a plan and those that read several parts. Every command first passes the root's check of the lifecycle
 * ({@link PlanLifecycle}: its phase, an open budget, flowing funds, as the action needs), and its receipt carries the
 * version and phase the plan reached.
 *
 * <p>Its state is running totals and the indicators, so it stays small however many events the year brings; a cache
 * and a snapshot every {@value PlanConfiguration#SNAPSHOT_EVERY} events keep loading it cheap. The snapshot's layout is
 * versioned ({@link Revision}): a snapshot of another layout is passed over and the plan is loaded from its events.
 */
@Aggregate(cache = "annualPlanCache", snapshotTriggerDefinition = "annualPlanSnapshotTrigger",
        snapshotFilter = "annualPlanSnapshotFilter", commandTargetResolver = "planTargetResolver")
@Revision(AnnualPlan.SNAPSHOT_LAYOUT)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class AnnualPlan {

    /**
     * The layout of the plan's snapshot: 2 since the budget, targets and evaluation became members; 3 since the
     * monitoring rounds are a member of their own; 4 since the ex-ante assessment is; 5 since the funds' hold is; 6
     * since finance's warnings are; 7 since the results and rectifications are; 8 since the evaluations beyond the
     * self-evaluation are; 9 since each of those knows whether it is published.
     */
    public static final String SNAPSHOT_LAYOUT = "9";

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
    @AggregateMember
    private PlanAssessment assessment = new PlanAssessment();
    @AggregateMember
    private PlanFunds funds = new PlanFunds();
    @AggregateMember
    private PlanWarnings warnings = new PlanWarnings();
    @AggregateMember
    private PlanResults results = new PlanResults();
    @AggregateMember
    private PlanRectifications rectifications = new PlanRectifications();
    @AggregateMember
    private PlanExternalEvaluations external = new PlanExternalEvaluations();

    protected AnnualPlan() {
        // for Axon
    }

    // ---- what every command passes, and what it answers ------------------------------------------------------------

    /**
     * Every command to the plan, whichever part handles it: the lifecycle allows it now (checked once the plan
     * exists; a command that may start it checks after starting it), and its answer is a receipt of the plan's
     * version and phase after it, with the figures the handler returned.
     */
    @CommandHandlerInterceptor
    public Object allowedAndReceipted(PlanCommand command, InterceptorChain chain) throws Exception {
        if (plan != null && command.expectedVersion() != null && command.expectedVersion() != version) {
            // Axon checks If-Match before this for commands to an existing plan, but not for those that may create one
            throw new ConflictingAggregateVersionException(plan.aggregateId(), command.expectedVersion(), version);
        }
        if (plan != null && !(command instanceof RegisterProject)) {
            PlanLifecycle.requireAllowed(command, plan, phase, budget, funds);
        }
        Object[] facts = (Object[]) chain.proceed();
        return Receipt.of(plan.aggregateId(), version, Stream.concat(Arrays.stream(facts),
                Stream.of("phase", phase)).toArray());
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object[] handle(RegisterProject command, DepartmentDirectory departments) {
        ProjectRegistered registered = ProjectRegistration.registered(command, plan != null, departments);
        apply(registered);
        return new Object[] {"name", registered.name()};
    }

    /**
     * The department-wide plan begins with its first command; a project must be registered first. A plan that exists
     * has passed {@link #allowedAndReceipted}; one that does not has no version an {@code If-Match} could name, and
     * once started it is held to the lifecycle's rule here.
     */
    private void startIfNeeded(PlanCommand command, DepartmentDirectory departments) {
        if (plan != null) {
            return;
        }
        PlanId requested = command.plan();
        if (command.expectedVersion() != null) {
            throw new ConflictingAggregateVersionException(requested.aggregateId(), command.expectedVersion(), -1);
        }
        if (!requested.departmentWide()) {
            throw new DomainRejection(Kind.NOT_FOUND, "project.unknown", "project", "project " + requested.project()
                    + " of " + requested.department() + " is not registered for " + requested.year());
        }
        departments.requireRegistered(requested.department());
        apply(new DepartmentPlanStarted(requested));
        PlanLifecycle.requireAllowed(command, plan, phase, budget, funds);
    }

    @CommandHandler
    public Object[] handle(SubmitTargets command) {
        PlanTargets.Submission submission = targets.submission();
        apply(new TargetsSubmitted(plan, submission.goals(), submission.indicators(), submission.weight()));
        return new Object[] {"indicators", submission.indicators(), "totalWeight", submission.weight().toPlainString()};
    }

    @CommandHandler
    public Object[] handle(ApproveTargets command) {
        apply(new TargetsApproved(plan, optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return new Object[] {};
    }

    @CommandHandler
    public Object[] handle(ReturnTargets command) {
        apply(new TargetsReturned(plan, text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {};
    }

    @CommandHandler
    public Object[] handle(CloseYear command) {
        budget.requireClosable();
        targets.requireNothingPending();
        apply(new YearClosed(plan, budget.initial(), budget.adjusted(), budget.received(), budget.executed()));
        return new Object[] {"adjustedBudget", budget.adjusted(), "executed", budget.executed(), "executionRate",
                rate(budget.executed(), budget.adjusted())};
    }

    // ---- the commands that may start a plan, and those that need its other parts ----------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object[] handle(OpenBudget command, DepartmentDirectory departments, Proposals proposals) {
        startIfNeeded(command, departments);
        if (!budget.opened()) {
            assessment.requireSupportedForBudget(plan);
        }
        // last year's result decides whether, and on what, this budget is opened
        Optional<BudgetProposed> prior = budget.opened() ? Optional.empty()
                : PlanResults.priorPlan(plan).flatMap(proposals::latest);
        prior.ifPresent(proposal -> PlanResults.requireBudgetAllowed(plan, proposal));
        Object[] receipt = budget.open(plan, command);
        prior.ifPresent(proposal -> PlanResults.basedOn(plan, proposal, budget.initial()));
        return receipt;
    }

    /**
     * Next year's budget proposal from the plan's final grade, computed again: its accepted 财政重点评价's where it has
     * one, under that evaluation's scheme; otherwise its self-evaluation's, under the self-evaluation's scheme.
     */
    @CommandHandler
    public Object[] handle(ProposeBudget command, ResultUseRules rules, ScoringSchemeVersions schemes) {
        Optional<EvaluationReported> key = external.acceptedKeyEvaluation();
        Grade grade = key.isPresent() ? FinalGrade.of(plan, key.get(), targets.indicators(), budget, schemes)
                : FinalGrade.of(plan, evaluation.schemeVersion(), targets.indicators(), budget, schemes);
        return results.propose(plan, command, grade, budget.adjusted(), rules,
                key.map(EvaluationReported::number).orElse(null));
    }

    /** The evaluator's report of an evaluation commissioned from them, checked against the plan's indicators. */
    @CommandHandler
    public Object[] handle(ReportEvaluation command, ScoringSchemes schemes,
                           @MetaDataValue(EventMetadata.ACTOR) String actor) {
        return external.report(plan, command, actor, targets, schemes);
    }

    /** Finance's latest proposal drawn from this plan's result, for the next year's plan. */
    BudgetProposed latestProposal() {
        return results.latest();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object[] handle(AddGoal command, DepartmentDirectory departments) {
        startIfNeeded(command, departments);
        return targets.addGoal(plan, command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object[] handle(SetAnnualTarget command, DepartmentDirectory departments, IndicatorLibrary library) {
        startIfNeeded(command, departments);
        return targets.setTarget(plan, command, library);
    }

    @CommandHandler
    public Object[] handle(SubmitAssessment command) {
        return assessment.submit(command, budget.opened());
    }

    @CommandHandler
    public Object[] handle(SubmitMonitoringReport command, ReportingCalendars calendars) {
        return monitoring.report(plan, command, calendars, budget, targets);
    }

    @CommandHandler
    public Object[] handle(StateStaffing command) {
        apply(StaffingStatement.stated(plan, command));
        return new Object[] {"headcounts", command.headcounts()};
    }

    @CommandHandler
    public Object[] handle(StateSubProjects command) {
        apply(SubProjectsStatement.stated(plan, command));
        return new Object[] {"subProjects", command.names().size()};
    }

    @CommandHandler
    public Object[] handle(ImportSelfEvaluationTable command, ReportingCalendars calendars, ScoringSchemes schemes) {
        return evaluation.importTable(plan, command, targets, budget, calendars, schemes);
    }

    @CommandHandler
    public Object[] handle(SubmitSelfEvaluation command, ReportingCalendars calendars, ScoringSchemes schemes) {
        return evaluation.submit(plan, command, targets, calendars, schemes);
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
}
