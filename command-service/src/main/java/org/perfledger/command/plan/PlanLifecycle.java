package org.perfledger.command.plan;

import static java.util.Map.entry;
import static org.perfledger.kernel.plan.PlanPhase.CLOSED;
import static org.perfledger.kernel.plan.PlanPhase.DRAFTING;
import static org.perfledger.kernel.plan.PlanPhase.IN_EXECUTION;
import static org.perfledger.kernel.plan.PlanPhase.PUBLISHED;
import static org.perfledger.kernel.plan.PlanPhase.SELF_EVALUATION_ACCEPTED;
import static org.perfledger.kernel.plan.PlanPhase.SELF_EVALUATION_RETURNED;
import static org.perfledger.kernel.plan.PlanPhase.SELF_EVALUATION_SUBMITTED;
import static org.perfledger.kernel.plan.PlanPhase.TARGETS_SUBMITTED;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.command.assessment.AssessmentCommands.ConcludeAssessment;
import org.perfledger.command.assessment.AssessmentCommands.SubmitAssessment;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
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
import org.perfledger.command.plan.PlanCommands.ReturnTargets;
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.results.RectificationCommands.CloseRectification;
import org.perfledger.command.external.ExternalEvaluationCommands.AcceptEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.CommissionEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.PublishEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReportEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReturnEvaluation;
import org.perfledger.command.results.RectificationCommands.RaiseRectification;
import org.perfledger.command.results.RectificationCommands.ReportRectification;
import org.perfledger.command.results.RectificationCommands.ReturnRectification;
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.command.warning.WarningCommands.AnswerWarning;
import org.perfledger.command.warning.WarningCommands.HoldFunds;
import org.perfledger.command.warning.WarningCommands.IssueWarning;
import org.perfledger.command.warning.WarningCommands.ResumeFunds;
import org.perfledger.command.warning.PlanFunds;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;

/**
 * The plan's lifecycle as one policy: in which phases each action may be taken, and to which phase each event moves
 * the plan (草拟 → 目标已报送 → 执行中 → 年度结束 → 自评已报送 → 退回/通过 → 已公开). Read as a table, not scattered over the
 * handlers.
 */
final class PlanLifecycle {

    /** What an action needs beside its phase: nothing, an open budget, or also funds finance does not hold back. */
    private enum Needs { NOTHING, OPEN_BUDGET, FLOWING_FUNDS }

    /** An action, the phases it may be taken in, and what else it needs. */
    private record Step(String action, List<PlanPhase> allowed, Needs needs) {

        Step(String action, List<PlanPhase> allowed) {
            this(action, allowed, Needs.NOTHING);
        }
    }

    private static Step onTheBudget(String action, List<PlanPhase> allowed) {
        return new Step(action, allowed, Needs.OPEN_BUDGET);
    }

    private static final List<PlanPhase> BEFORE_CLOSING = List.of(DRAFTING, TARGETS_SUBMITTED, IN_EXECUTION);
    private static final List<PlanPhase> ONCE_APPROVED = List.of(IN_EXECUTION, CLOSED, SELF_EVALUATION_SUBMITTED,
            SELF_EVALUATION_RETURNED, SELF_EVALUATION_ACCEPTED, PUBLISHED);

    private static final Map<Class<? extends PlanCommand>, Step> STEPS = Map.ofEntries(
            entry(SubmitTargets.class, new Step("submit the targets", List.of(DRAFTING))),
            entry(ApproveTargets.class, new Step("approve the targets", List.of(TARGETS_SUBMITTED))),
            entry(ReturnTargets.class, new Step("return the targets", List.of(TARGETS_SUBMITTED))),
            entry(CloseYear.class, new Step("close the year", List.of(IN_EXECUTION))),
            // the year's headcounts, until the self-evaluation that reports them is submitted
            entry(StateStaffing.class, new Step("state the headcounts", List.of(DRAFTING, TARGETS_SUBMITTED,
                    IN_EXECUTION, CLOSED, SELF_EVALUATION_RETURNED))),
            entry(StateSubProjects.class, new Step("name the sub-projects", List.of(DRAFTING, TARGETS_SUBMITTED,
                    IN_EXECUTION, CLOSED, SELF_EVALUATION_RETURNED))),
            entry(StateOverallGoals.class, new Step("state the overall goals", List.of(DRAFTING, TARGETS_SUBMITTED,
                    IN_EXECUTION, CLOSED, SELF_EVALUATION_RETURNED))),
            // a new project's ex-ante assessment comes before its budget (which the assessment checks)
            entry(SubmitAssessment.class, new Step("submit the ex-ante assessment", BEFORE_CLOSING)),
            entry(ConcludeAssessment.class, new Step("conclude the ex-ante assessment", BEFORE_CLOSING)),
            entry(OpenBudget.class, new Step("open the budget", BEFORE_CLOSING)),
            entry(SetBudgetLines.class, onTheBudget("set the budget lines", BEFORE_CLOSING)),
            entry(AdjustBudget.class, onTheBudget("adjust the budget", List.of(IN_EXECUTION))),
            entry(NoteBudgetAdjustment.class, onTheBudget("note an adjustment", List.of(IN_EXECUTION))),
            // no receipt while finance holds the funds back (暂缓拨付 / 停止拨付)
            entry(RecordFundsReceived.class, new Step("record funds received", List.of(IN_EXECUTION),
                    Needs.FLOWING_FUNDS)),
            // 决算 by source: printed once the year's spending is known, until the self-evaluation reporting it is in
            entry(StateSpendingBySource.class, new Step("state the spending by funding source", List.of(IN_EXECUTION,
                    CLOSED, SELF_EVALUATION_RETURNED))),
            entry(RecordExpenditure.class, onTheBudget("record an expenditure", List.of(IN_EXECUTION))),
            entry(CorrectExpenditure.class, onTheBudget("correct an expenditure", List.of(IN_EXECUTION))),
            // finance holds a plan's funds back during the year, and lets them flow again
            entry(HoldFunds.class, new Step("hold the funds", List.of(IN_EXECUTION))),
            entry(ResumeFunds.class, new Step("resume the funds", List.of(IN_EXECUTION))),
            // finance warns a plan during the year; the department answers, also once the year is closed
            entry(IssueWarning.class, new Step("issue a warning", List.of(IN_EXECUTION))),
            entry(AnswerWarning.class, new Step("answer a warning", List.of(IN_EXECUTION, CLOSED))),
            entry(AddGoal.class, new Step("add a goal", List.of(DRAFTING))),
            entry(SetAnnualTarget.class, new Step("set a target", List.of(DRAFTING))),
            entry(AddIndicatorAtSelfEvaluation.class, new Step("add an indicator at the self-evaluation",
                    List.of(CLOSED, SELF_EVALUATION_RETURNED))),
            entry(RecordCompletion.class, new Step("record a completion", List.of(IN_EXECUTION, CLOSED,
                    SELF_EVALUATION_RETURNED))),
            entry(SubmitMonitoringReport.class, new Step("submit a monitoring report", List.of(IN_EXECUTION))),
            entry(RequestTargetAdjustment.class, new Step("request a target adjustment", List.of(IN_EXECUTION))),
            entry(ApproveTargetAdjustment.class, new Step("approve a target adjustment", List.of(IN_EXECUTION))),
            entry(RejectTargetAdjustment.class, new Step("reject a target adjustment", List.of(IN_EXECUTION))),
            entry(ImportSelfEvaluationTable.class, new Step("import the self-evaluation table", List.of(CLOSED,
                    SELF_EVALUATION_RETURNED))),
            entry(SubmitSelfEvaluation.class, new Step("submit the self-evaluation", List.of(CLOSED,
                    SELF_EVALUATION_RETURNED))),
            entry(ReturnSelfEvaluation.class, new Step("return the self-evaluation",
                    List.of(SELF_EVALUATION_SUBMITTED))),
            entry(AcceptSelfEvaluation.class, new Step("accept the self-evaluation",
                    List.of(SELF_EVALUATION_SUBMITTED))),
            entry(PublishSelfEvaluation.class, new Step("publish the self-evaluation",
                    List.of(SELF_EVALUATION_ACCEPTED))),
            // next year's budget from the final grade, once finance has accepted the self-evaluation
            entry(ProposeBudget.class, new Step("propose next year's budget", List.of(SELF_EVALUATION_ACCEPTED,
                    PUBLISHED))),
            // 整改: what monitoring, the self-evaluation or an evaluation finds, once the targets are approved
            entry(RaiseRectification.class, new Step("raise a rectification item", ONCE_APPROVED)),
            entry(ReportRectification.class, new Step("report a rectification", ONCE_APPROVED)),
            entry(ReturnRectification.class, new Step("return a rectification report", ONCE_APPROVED)),
            entry(CloseRectification.class, new Step("close a rectification item", ONCE_APPROVED)),
            // 部门评价 and 财政重点评价: of a plan whose targets are approved, during the year or after it
            entry(CommissionEvaluation.class, new Step("commission an evaluation", ONCE_APPROVED)),
            entry(ReportEvaluation.class, new Step("report an evaluation", ONCE_APPROVED)),
            entry(ReturnEvaluation.class, new Step("return an evaluation report", ONCE_APPROVED)),
            entry(AcceptEvaluation.class, new Step("accept an evaluation report", ONCE_APPROVED)),
            entry(PublishEvaluation.class, new Step("publish an evaluation", ONCE_APPROVED)));

    private static final Map<Class<? extends PlanEvent>, PlanPhase> MOVES = Map.of(
            TargetsSubmitted.class, TARGETS_SUBMITTED,
            TargetsApproved.class, IN_EXECUTION,
            TargetsReturned.class, DRAFTING,
            YearClosed.class, CLOSED,
            SelfEvaluationSubmitted.class, SELF_EVALUATION_SUBMITTED,
            SelfEvaluationReturned.class, SELF_EVALUATION_RETURNED,
            SelfEvaluationAccepted.class, SELF_EVALUATION_ACCEPTED,
            SelfEvaluationPublished.class, PUBLISHED);

    private PlanLifecycle() {
    }

    /**
     * Whether the plan allows the command now: an action on the budget needs it open (asked first, so that a plan
     * without a budget hears that), every action its phase, and a receipt funds that finance does not hold back.
     *
     * @throws org.perfledger.command.platform.DomainRejection when the budget is not open (422), the plan's phase
     *     does not allow the action (409) or finance holds the funds back (409)
     */
    static void requireAllowed(PlanCommand command, PlanId plan, PlanPhase phase, PlanBudget budget, PlanFunds funds) {
        Step step = STEPS.get(command.getClass());
        if (step == null) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " has no place in the lifecycle");
        }
        if (step.needs() != Needs.NOTHING) {
            budget.requireOpened(step.action());
        }
        PlanRules.requirePhase(phase, step.action(), step.allowed().toArray(PlanPhase[]::new));
        if (step.needs() == Needs.FLOWING_FUNDS) {
            funds.requireFlowing(plan);
        }
    }

    /** The phase after the event: where it moves the plan, or where the plan was. */
    static PlanPhase after(PlanEvent event, PlanPhase phase) {
        return MOVES.getOrDefault(event.getClass(), phase);
    }

    /** The commands the lifecycle places, for the test that every plan command has its place. */
    static Set<Class<? extends PlanCommand>> placed() {
        return STEPS.keySet();
    }
}
