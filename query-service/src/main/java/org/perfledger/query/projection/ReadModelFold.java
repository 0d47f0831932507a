package org.perfledger.query.projection;

import java.math.BigDecimal;
import java.time.Instant;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSchemeSet;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.results.ResultEvents.ResultUseRulesSet;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoalsStated;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorAddedAtSelfEvaluation;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.StaffingStated;
import org.perfledger.kernel.plan.PlanEvents.SubProjectsStated;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.scoring.ScoringSchemeSet;
import org.perfledger.query.projection.PlanRows.IndicatorRow;

/**
 * The read models as a function of the events: each event changes rows of the {@link ReadModel} in memory, and
 * nothing here touches a database. The live consumers, the rebuilds and the views as of an instant all fold events
 * through this one class, so the read models are written in one place.
 */
final class ReadModelFold {

    private ReadModelFold() {
    }

    static void apply(PerfLedgerEvent event, EventEnvelope envelope, ReadModel model) {
        Instant at = envelope.timestamp();
        if (event instanceof DistrictRegistered registered) {
            model.append(ReadModelTable.DISTRICT, registered.district().value(), registered.name(), at,
                    envelope.actor());
        } else if (event instanceof DepartmentRegistered registered) {
            model.append(ReadModelTable.DEPARTMENT, registered.district().value(),
                    registered.department().code().value(), registered.name(), at, envelope.actor());
        } else if (event instanceof ReportingCalendarSet calendar) {
            model.calendar(new Object[] {calendar.district().value(), calendar.year().value(),
                    Json.of(calendar.monitoring()), calendar.selfEvaluationDue(), calendar.deviationMargin().value()});
        } else if (event instanceof ScoringSchemeSet set) {
            model.append(ReadModelTable.SCORING_SCHEME, set.district().value(), set.year().value(), set.kind().name(),
                    set.version(), Json.of(set.scheme()), at, envelope.actor());
        } else if (event instanceof AssessmentSchemeSet set) {
            model.append(ReadModelTable.ASSESSMENT_SCHEME, set.district().value(), set.year().value(), set.version(),
                    Json.of(set.weights()), set.source(), at, envelope.actor());
        } else if (event instanceof LibraryIndicatorDefined defined) {
            model.append(ReadModelTable.LIBRARY_INDICATOR, defined.district().value(), defined.code().value(),
                    defined.version(), defined.kind().name(), defined.sector(), defined.level1().name(),
                    defined.level2().name(), defined.name(), defined.unit(), defined.direction().name(),
                    defined.basis().name(), defined.guidance(), at, envelope.actor());
        } else if (event instanceof LibraryIndicatorRetired retired) {
            model.append(ReadModelTable.LIBRARY_RETIREMENT, retired.district().value(), retired.code().value(),
                    retired.reason(), at, envelope.actor());
        } else if (event instanceof ResultUseRulesSet set) {
            model.append(ReadModelTable.RESULT_USE_RULES, set.district().value(), set.year().value(), set.version(),
                    Json.of(set.rules()), set.source(), at, envelope.actor());
        } else if (event instanceof MonitoringThresholdsSet set) {
            model.append(ReadModelTable.MONITORING_THRESHOLDS, set.district().value(), set.year().value(),
                    set.version(), set.yellow().value(), set.red().value(), set.source(), at, envelope.actor());
        } else if (event instanceof PlanEvent planEvent) {
            PlanRows plan = plan(planEvent, model);
            if (plan == null) {
                return; // an event of a plan never started changes nothing
            }
            applyToPlan(planEvent, envelope, plan, model);
            plan.version = envelope.sequence();
            plan.updatedAt = at;
        }
    }

    private static PlanRows plan(PlanEvent event, ReadModel model) {
        PlanId id = event.plan();
        if (event instanceof ProjectRegistered registered) {
            PlanRows plan = model.startPlan(id);
            plan.kind = "PROJECT";
            plan.name = registered.name();
            plan.implementingUnits = Json.of(registered.implementingUnits()).text();
            // null where the project's documents do not say; several types as their names, comma-separated
            plan.category = registered.category() == null ? null : registered.category().name();
            plan.attribute = registered.attribute() == null ? null : registered.attribute().name();
            plan.projectType = registered.types().isEmpty() ? null
                    : String.join(",", registered.types().stream().map(Enum::name).toList());
            plan.financeDesk = registered.financeDesk();
            return plan;
        }
        if (event instanceof DepartmentPlanStarted) {
            PlanRows plan = model.startPlan(id);
            plan.kind = "DEPARTMENT";
            return plan;
        }
        return model.plan(id);
    }

    private static void applyToPlan(PlanEvent event, EventEnvelope envelope, PlanRows plan, ReadModel model) {
        if (BudgetFold.apply(event, envelope, plan, model) || CycleFold.apply(event, envelope, plan)) {
            return;
        }
        if (event instanceof StaffingStated staffing) {
            plan.staffing = Json.of(staffing.headcounts());
        } else if (event instanceof SubProjectsStated subProjects) {
            plan.subProjects = Json.of(subProjects.names());
        } else if (event instanceof OverallGoalsStated overall) {
            plan.overallGoals = Json.of(overall.goals());
        } else if (event instanceof GoalAdded goal) {
            plan.goals.put(goal.number(), goal.text());
            if (goal.weight() != null) {
                plan.goalWeights.put(goal.number(), goal.weight().value());
            }
            if (goal.fundedBy() != null) {
                plan.goalFunds.put(goal.number(), goal.fundedBy());
            }
        } else if (event instanceof IndicatorTargetSet set) {
            indicator(plan, set.indicator());
        } else if (event instanceof IndicatorAddedAtSelfEvaluation added) {
            indicator(plan, added.indicator()).addedAtSelfEvaluation = added.reason();
        } else if (event instanceof TargetsSubmitted) {
            plan.phase = PlanPhase.TARGETS_SUBMITTED;
        } else if (event instanceof TargetsApproved approved) {
            plan.phase = PlanPhase.IN_EXECUTION;
            targetsReviewed(plan, "approved", approved.comment(), envelope);
        } else if (event instanceof TargetsReturned returned) {
            plan.phase = PlanPhase.DRAFTING;
            targetsReviewed(plan, "returned", returned.reason(), envelope);
        } else if (event instanceof CompletionRecorded completion) {
            completion(completion, envelope, plan, model);
        } else if (event instanceof MonitoringReportSubmitted report) {
            model.append(ReadModelTable.MONITORING_REPORT, plan.key, report.period(), report.asOf(), report.budget(),
                    report.executed(), Json.of(report.indicators()), report.deviations(), report.correctiveMeasures(),
                    envelope.timestamp(), envelope.actor());
        } else if (event instanceof TargetAdjustmentRequested requested) {
            plan.adjustments.put(requested.number(), new Object[] {requested.number(), requested.indicator().value(),
                    requested.target().text(), points(requested.weight()), requested.reason(), "requested", null,
                    envelope.actor(), null});
        } else if (event instanceof TargetAdjustmentApproved approved) {
            decide(plan, approved.number(), "approved", approved.comment(), envelope.actor());
            IndicatorRow indicator = plan.indicators.get(approved.indicator().value());
            if (indicator != null) {
                indicator.targetText = approved.toTarget().text();
                indicator.targetValue = Json.of(approved.toTarget().value());
                indicator.weight = points(approved.toWeight());
            }
        } else if (event instanceof TargetAdjustmentRejected rejected) {
            decide(plan, rejected.number(), "rejected", rejected.reason(), envelope.actor());
        } else if (event instanceof YearClosed) {
            plan.phase = PlanPhase.CLOSED;
        } else if (event instanceof SelfEvaluationSubmitted submitted) {
            plan.evaluations.put(submitted.round(), new Object[] {submitted.round(), Json.of(submitted.indicators()),
                    submitted.score() == null ? null : submitted.score().value(),
                    submitted.grade() == null ? null : submitted.grade().name(), submitted.deviationAnalysis(),
                    submitted.improvementMeasures(), submitted.resultsUse(), submitted.publicationPlan(), "submitted",
                    null, envelope.timestamp(), envelope.actor(), null, null, submitted.executionRate(),
                    submitted.executionScore() == null ? null : submitted.executionScore().value(),
                    submitted.schemeVersion(), Json.of(submitted.printed()), null});
            plan.phase = PlanPhase.SELF_EVALUATION_SUBMITTED;
        } else if (event instanceof SelfEvaluationReturned returned) {
            evaluationReviewed(plan, returned.round(), "returned", returned.reason(), envelope.actor());
            plan.phase = PlanPhase.SELF_EVALUATION_RETURNED;
        } else if (event instanceof SelfEvaluationAccepted accepted) {
            evaluationReviewed(plan, accepted.round(), "accepted", accepted.comment(), envelope.actor());
            plan.phase = PlanPhase.SELF_EVALUATION_ACCEPTED;
        } else if (event instanceof SelfEvaluationPublished published) {
            plan.evaluations.values().stream().filter(row -> "accepted".equals(row[8])).forEach(row -> {
                row[13] = published.channels();
                row[18] = envelope.timestamp();
            });
            plan.phase = PlanPhase.PUBLISHED;
        }
    }

    private static void completion(CompletionRecorded completion, EventEnvelope envelope, PlanRows plan,
                                   ReadModel model) {
        String achievement = completion.achievement() == null ? null : completion.achievement().name();
        Json value = Json.of(completion.actual().value());
        model.append(ReadModelTable.COMPLETION, plan.key, envelope.sequence(), completion.indicator().value(),
                completion.actual().text(), value, completion.narrative(), completion.asOf(), completion.evidence(),
                achievement, envelope.timestamp(), envelope.actor());
        IndicatorRow indicator = plan.indicators.get(completion.indicator().value());
        if (indicator != null) {
            indicator.actualText = completion.actual().text();
            indicator.actualValue = value;
            indicator.asOf = completion.asOf();
            indicator.narrative = completion.narrative();
            indicator.evidence = completion.evidence();
            indicator.achievement = achievement;
            indicator.completions++;
        }
    }

    private static IndicatorRow indicator(PlanRows plan, Indicator set) {
        IndicatorRow row = plan.indicators.get(set.code().value());
        if (row == null) {
            row = new IndicatorRow();
            row.position = plan.indicators.size() + 1;
            plan.indicators.put(set.code().value(), row);
        }
        row.goal = set.goal();
        row.level1 = set.level1().name();
        row.level2 = set.level2().name();
        row.name = set.name();
        row.weight = points(set.weight());
        row.targetText = set.target().text();
        row.targetValue = Json.of(set.target().value());
        row.direction = set.direction() == null ? null : set.direction().name();
        row.libraryCode = set.library() == null ? null : set.library().code().value();
        row.libraryVersion = set.library() == null ? null : set.library().version();
        return row;
    }

    /** A weight's points, or null where none is set. */
    private static BigDecimal points(Points weight) {
        return weight == null ? null : weight.value();
    }

    private static void targetsReviewed(PlanRows plan, String decision, String note, EventEnvelope envelope) {
        plan.targetsReview = decision;
        plan.targetsNote = note;
        plan.targetsReviewedBy = envelope.actor();
    }

    private static void decide(PlanRows plan, int number, String status, String note, String actor) {
        Object[] row = plan.adjustments.get(number);
        if (row != null) {
            row[5] = status;
            row[6] = note;
            row[8] = actor;
        }
    }

    private static void evaluationReviewed(PlanRows plan, int round, String status, String note, String actor) {
        Object[] row = plan.evaluations.get(round);
        if (row != null) {
            row[8] = status;
            row[9] = note;
            row[12] = actor;
        }
    }
}
