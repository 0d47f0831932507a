package org.perfledger.kernel.event;

import org.perfledger.kernel.assessment.AssessmentEvents;
import org.perfledger.kernel.warning.WarningEvents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfledger.kernel.budget.BudgetEvents;
import org.perfledger.kernel.evaluation.EvaluationEvents;
import org.perfledger.kernel.library.LibraryEvents;
import org.perfledger.kernel.results.RectificationEvents;
import org.perfledger.kernel.external.ExternalEvaluationEvents;
import org.perfledger.kernel.results.ResultEvents;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.performance.PerformanceEvents;
import org.perfledger.kernel.plan.PlanEvents;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/** Every event type of the published language, by stable name. A type not listed here cannot be stored or read. */
public final class EventCatalog {

    private static final List<Class<? extends PerfLedgerEvent>> TYPES = List.of(
            DistrictRegistered.class,
            DepartmentRegistered.class,
            PlanEvents.ProjectRegistered.class,
            PlanEvents.DepartmentPlanStarted.class,
            PlanEvents.StaffingStated.class,
            PlanEvents.SubProjectsStated.class,
            AssessmentEvents.AssessmentSchemeSet.class,
            AssessmentEvents.AssessmentSubmitted.class,
            AssessmentEvents.AssessmentConcluded.class,
            WarningEvents.FundsHeld.class,
            WarningEvents.FundsResumed.class,
            WarningEvents.WarningIssued.class,
            WarningEvents.WarningAnswered.class,
            WarningEvents.MonitoringThresholdsSet.class,
            LibraryEvents.LibraryIndicatorDefined.class,
            LibraryEvents.LibraryIndicatorRetired.class,
            ResultEvents.ResultUseRulesSet.class,
            ResultEvents.BudgetProposed.class,
            ResultEvents.BudgetBasedOnResults.class,
            RectificationEvents.RectificationRaised.class,
            RectificationEvents.RectificationReported.class,
            RectificationEvents.RectificationReturned.class,
            RectificationEvents.RectificationClosed.class,
            ExternalEvaluationEvents.EvaluationCommissioned.class,
            ExternalEvaluationEvents.EvaluationReported.class,
            ExternalEvaluationEvents.EvaluationReturned.class,
            ExternalEvaluationEvents.EvaluationAccepted.class,
            ExternalEvaluationEvents.EvaluationPublished.class,
            PlanEvents.TargetsSubmitted.class,
            PlanEvents.TargetsApproved.class,
            PlanEvents.TargetsReturned.class,
            PlanEvents.YearClosed.class,
            BudgetEvents.BudgetOpened.class,
            BudgetEvents.BudgetAdjusted.class,
            BudgetEvents.BudgetAdjustmentNoted.class,
            BudgetEvents.FundsReceived.class,
            BudgetEvents.ExpenditureRecorded.class,
            BudgetEvents.ExpenditureCorrected.class,
            BudgetEvents.SpendingBySourceStated.class,
            BudgetEvents.BudgetLinesSet.class,
            PerformanceEvents.OverallGoalsStated.class,
            PerformanceEvents.GoalAdded.class,
            PerformanceEvents.IndicatorTargetSet.class,
            PerformanceEvents.IndicatorAddedAtSelfEvaluation.class,
            PerformanceEvents.CompletionRecorded.class,
            PerformanceEvents.MonitoringReportSubmitted.class,
            PerformanceEvents.TargetAdjustmentRequested.class,
            PerformanceEvents.TargetAdjustmentApproved.class,
            PerformanceEvents.TargetAdjustmentRejected.class,
            EvaluationEvents.ReportingCalendarSet.class,
            EvaluationEvents.SelfEvaluationSubmitted.class,
            EvaluationEvents.SelfEvaluationReturned.class,
            EvaluationEvents.SelfEvaluationAccepted.class,
            EvaluationEvents.SelfEvaluationPublished.class,
            ScoringSchemeSet.class);

    private static final Map<String, Class<? extends PerfLedgerEvent>> BY_NAME;

    static {
        Map<String, Class<? extends PerfLedgerEvent>> byName = new LinkedHashMap<>();
        for (Class<? extends PerfLedgerEvent> type : TYPES) {
            EventType annotation = annotationOf(type);
            if (byName.put(annotation.name(), type) != null) {
                throw new IllegalStateException("two event types are named " + annotation.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private EventCatalog() {
    }

    public static List<Class<? extends PerfLedgerEvent>> types() {
        return TYPES;
    }

    public static Optional<Class<? extends PerfLedgerEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean contains(Class<?> type) {
        return TYPES.contains(type);
    }

    public static String nameOf(Class<?> type) {
        return annotationOf(type).name();
    }

    public static int versionOf(Class<?> type) {
        return annotationOf(type).version();
    }

    private static EventType annotationOf(Class<?> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not an event type: it has no @EventType");
        }
        return annotation;
    }
}
