package org.perfledger.query.plan;

import org.perfledger.query.readmodel.PlanKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.scoring.ScoringSchemeSet;
import org.perfledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans as district finance and departments read them: budget figures with the movement trail behind them, budget
 * lines, goals and indicators with their latest completion, target adjustments, monitoring reports, self-evaluations.
 * Called once per event, in order per plan, inside the transaction that moves the plan's position.
 */
@Component
class PlanProjection implements Projection {

    private static final String KEY = PlanKeys.WHERE;
    private static final ObjectMapper JSON = EventEnvelopeCodec.mapper();

    private final JdbcTemplate jdbc;

    PlanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(PerfLedgerEvent event, EventEnvelope envelope) {
        if (event instanceof ReportingCalendarSet calendar) {
            jdbc.update("""
                    INSERT INTO reporting_calendar (district, fiscal_year, monitoring, self_evaluation_due, deviation_margin)
                    VALUES (?, ?, ?::jsonb, ?, ?)
                    ON CONFLICT (district, fiscal_year) DO UPDATE SET monitoring = EXCLUDED.monitoring,
                        self_evaluation_due = EXCLUDED.self_evaluation_due, deviation_margin = EXCLUDED.deviation_margin""",
                    calendar.district().value(), calendar.year().value(), json(calendar.monitoring()),
                    Date.valueOf(calendar.selfEvaluationDue()), calendar.deviationMargin().value());
            return;
        }
        if (event instanceof ScoringSchemeSet set) {
            jdbc.update("""
                    INSERT INTO scoring_scheme (district, fiscal_year, kind, version, scheme, set_at, set_by)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""",
                    set.district().value(), set.year().value(), set.kind().name(), set.version(), json(set.scheme()),
                    Timestamp.from(envelope.timestamp()), envelope.actor());
            return;
        }
        if (!(event instanceof PlanEvent planEvent)) {
            return;
        }
        PlanId plan = planEvent.plan();
        Timestamp at = Timestamp.from(envelope.timestamp());
        if (planEvent instanceof ProjectRegistered registered) {
            jdbc.update("""
                INSERT INTO plan (district, department_id, fiscal_year, plan_key, kind, name, implementing_units,
                                  category, attribute, project_type, finance_desk, phase, version, updated_at)
                VALUES (?, ?, ?, ?, 'PROJECT', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                with(plan, registered.name(), json(registered.implementingUnits()), registered.category().name(),
                        registered.attribute().name(), registered.type().name(), registered.financeDesk(),
                        PlanPhase.DRAFTING.name(), envelope.sequence(), at));
        } else if (planEvent instanceof DepartmentPlanStarted started) {
            jdbc.update("""
                INSERT INTO plan (district, department_id, fiscal_year, plan_key, kind, phase, version, updated_at)
                VALUES (?, ?, ?, ?, 'DEPARTMENT', ?, ?, ?)""",
                with(plan, PlanPhase.DRAFTING.name(), envelope.sequence(), at));
        } else if (planEvent instanceof BudgetOpened opened) {
            jdbc.update("UPDATE plan SET budget_opened = true, initial_budget = ?, adjusted_budget = ? WHERE " + KEY,
                    prepend(plan, opened.total().amount(), opened.total().amount()));
            opened.sources().forEach((source, amount) -> part(plan, "source", source.name(), amount));
            opened.classes().forEach((type, amount) -> part(plan, "class", type.name(), amount));
            movement(plan, envelope, "opened", null, null, null, null, null, opened.total(), null,
                    opened.total(), null, null, null, null, false);
        } else if (planEvent instanceof BudgetAdjusted adjusted) {
            jdbc.update("UPDATE plan SET adjusted_budget = ?, over_budget = executed > ? WHERE " + KEY,
                    prepend(plan, adjusted.to().amount(), adjusted.to().amount()));
            WanYuan change = adjusted.kind().direction() > 0 ? adjusted.amount() : WanYuan.ZERO.minus(adjusted.amount());
            add(plan, "source", adjusted.source().name(), "adjusted_amount", change);
            if (adjusted.expenditureClass() != null) {
                add(plan, "class", adjusted.expenditureClass().name(), "adjusted_amount", change);
            }
            movement(plan, envelope, "adjusted", adjusted.number(), adjusted.kind().name(),
                    adjusted.source().name(), adjusted.expenditureClass() == null ? null
                            : adjusted.expenditureClass().name(), null, adjusted.amount(), adjusted.from(),
                    adjusted.to(), adjusted.reason(), adjusted.documentNumber().value(), null,
                    adjusted.date(), false);
        } else if (planEvent instanceof FundsReceived funds) {
            jdbc.update("UPDATE plan SET received = ? WHERE " + KEY, prepend(plan, funds.receivedTotal().amount()));
            add(plan, "source", funds.source().name(), "received", funds.amount());
            movement(plan, envelope, "received", null, null, funds.source().name(), null, null, funds.amount(),
                    null, funds.receivedTotal(), funds.note(), null, null, funds.date(), false);
        } else if (planEvent instanceof ExpenditureRecorded spent) {
            jdbc.update("UPDATE plan SET executed = ?, over_budget = ? WHERE " + KEY,
                    prepend(plan, spent.executedTotal().amount(), spent.overBudget()));
            add(plan, "class", spent.expenditureClass().name(), "executed", spent.amount());
            if (spent.line() != null) {
                jdbc.update("UPDATE budget_line SET executed = executed + ? WHERE " + KEY + " AND name = ?",
                        append(plan, spent.amount().amount(), spent.line()));
            }
            movement(plan, envelope, "spent", null, null, null, spent.expenditureClass().name(), spent.line(),
                    spent.amount(), null, spent.executedTotal(), spent.description(), null, spent.voucher(),
                    spent.date(), spent.overBudget());
        } else if (planEvent instanceof ExpenditureCorrected corrected) {
            jdbc.update("UPDATE plan SET executed = ?, over_budget = ? WHERE " + KEY,
                    prepend(plan, corrected.executedTotal().amount(), corrected.overBudget()));
            WanYuan takenBack = WanYuan.ZERO.minus(corrected.amount());
            add(plan, "class", corrected.expenditureClass().name(), "executed", takenBack);
            if (corrected.line() != null) {
                jdbc.update("UPDATE budget_line SET executed = executed + ? WHERE " + KEY + " AND name = ?",
                        append(plan, takenBack.amount(), corrected.line()));
            }
            movement(plan, envelope, "corrected", null, null, null, corrected.expenditureClass().name(),
                    corrected.line(), corrected.amount(), null, corrected.executedTotal(), corrected.reason(), null,
                    corrected.originalVoucher(), corrected.date(), corrected.overBudget());
        } else if (planEvent instanceof BudgetLinesSet set) {
            // Spending already charged to a line stays with it when the lines are set again.
            List<Map<String, Object>> spentByLine = jdbc.queryForList(
                    "SELECT name, executed FROM budget_line WHERE " + KEY, PlanKeys.of(plan));
            jdbc.update("DELETE FROM budget_line WHERE " + KEY, PlanKeys.of(plan));
            for (int i = 0; i < set.lines().size(); i++) {
                BudgetLine line = set.lines().get(i);
                Object executed = spentByLine.stream().filter(row -> line.name().equals(row.get("name")))
                        .map(row -> row.get("executed")).findFirst().orElse(BigDecimal.ZERO);
                jdbc.update("""
                        INSERT INTO budget_line (district, department_id, fiscal_year, plan_key, position, name,
                                                 amount, executed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        with(plan, i + 1, line.name(), line.amount().amount(), executed));
            }
        } else if (planEvent instanceof GoalAdded goal) {
            jdbc.update("""
                INSERT INTO goal (district, department_id, fiscal_year, plan_key, number, text) VALUES (?, ?, ?, ?, ?, ?)""",
                with(plan, goal.number(), goal.text()));
        } else if (planEvent instanceof IndicatorTargetSet set) {
            indicator(plan, set.indicator());
        } else if (planEvent instanceof TargetsSubmitted submitted) {
            phase(plan, PlanPhase.TARGETS_SUBMITTED);
        } else if (planEvent instanceof TargetsApproved approved) {
            phase(plan, PlanPhase.IN_EXECUTION);
            review(plan, "approved", approved.comment(), envelope.actor());
        } else if (planEvent instanceof TargetsReturned returned) {
            phase(plan, PlanPhase.DRAFTING);
            review(plan, "returned", returned.reason(), envelope.actor());
        } else if (planEvent instanceof CompletionRecorded completion) {
            jdbc.update("""
                    INSERT INTO completion (district, department_id, fiscal_year, plan_key, sequence_number, code,
                                            actual_text, actual_value, narrative, as_of, evidence, achievement,
                                            recorded_at, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                    with(plan, envelope.sequence(), completion.indicator().value(), completion.actual().text(),
                            json(completion.actual().value()), completion.narrative(),
                            Date.valueOf(completion.asOf()), completion.evidence(),
                            completion.achievement() == null ? null : completion.achievement().name(), at,
                            envelope.actor()));
            jdbc.update("""
                    UPDATE indicator SET latest_actual_text = ?, latest_actual_value = ?::jsonb, latest_as_of = ?,
                           latest_narrative = ?, latest_evidence = ?, latest_achievement = ?,
                           completions = completions + 1
                     WHERE""" + " " + KEY + " AND code = ?",
                    completion.actual().text(), json(completion.actual().value()), Date.valueOf(completion.asOf()),
                    completion.narrative(), completion.evidence(),
                    completion.achievement() == null ? null : completion.achievement().name(),
                    plan.district().value(), plan.department().code().value(), plan.year().value(), PlanKeys.planKey(plan),
                    completion.indicator().value());
        } else if (planEvent instanceof MonitoringReportSubmitted report) {
            jdbc.update("""
                INSERT INTO monitoring_report (district, department_id, fiscal_year, plan_key, period, as_of, budget,
                                               executed, indicators, deviations, corrective_measures,
                                               submitted_at, submitted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
                with(plan, report.period(), Date.valueOf(report.asOf()), report.budget().amount(),
                        report.executed().amount(), json(report.indicators()), report.deviations(),
                        report.correctiveMeasures(), at, envelope.actor()));
        } else if (planEvent instanceof TargetAdjustmentRequested requested) {
            jdbc.update("""
                INSERT INTO target_adjustment (district, department_id, fiscal_year, plan_key, number, code,
                                               target_text, weight, reason, status, requested_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?)""",
                with(plan, requested.number(), requested.indicator().value(), requested.target().text(),
                        requested.weight().value(), requested.reason(), envelope.actor()));
        } else if (planEvent instanceof TargetAdjustmentApproved approved) {
            decide(plan, approved.number(), "approved", approved.comment(), envelope.actor());
            jdbc.update("""
                    UPDATE indicator SET target_text = ?, target_value = ?::jsonb, weight = ?
                     WHERE""" + " " + KEY + " AND code = ?",
                    approved.toTarget().text(), json(approved.toTarget().value()), approved.toWeight().value(),
                    plan.district().value(), plan.department().code().value(), plan.year().value(), PlanKeys.planKey(plan),
                    approved.indicator().value());
        } else if (planEvent instanceof TargetAdjustmentRejected rejected) {
            decide(plan, rejected.number(), "rejected", rejected.reason(), envelope.actor());
        } else if (planEvent instanceof YearClosed closed) {
            phase(plan, PlanPhase.CLOSED);
        } else if (planEvent instanceof SelfEvaluationSubmitted submitted) {
            jdbc.update("""
                    INSERT INTO self_evaluation (district, department_id, fiscal_year, plan_key, round, indicators,
                                                 score, grade, execution_rate, execution_score, scheme_version,
                                                 deviation_analysis, improvement_measures,
                                                 results_use, publication_plan, status, submitted_at, submitted_by)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)""",
                    with(plan, submitted.round(), json(submitted.indicators()),
                            submitted.score() == null ? null : submitted.score().value(),
                            submitted.grade() == null ? null : submitted.grade().name(),
                            submitted.executionRate(),
                            submitted.executionScore() == null ? null : submitted.executionScore().value(),
                            submitted.schemeVersion(),
                            submitted.deviationAnalysis(), submitted.improvementMeasures(),
                            submitted.resultsUse(), submitted.publicationPlan(), at, envelope.actor()));
            phase(plan, PlanPhase.SELF_EVALUATION_SUBMITTED);
        } else if (planEvent instanceof SelfEvaluationReturned returned) {
            review(plan, returned.round(), "returned", returned.reason(), envelope.actor());
            phase(plan, PlanPhase.SELF_EVALUATION_RETURNED);
        } else if (planEvent instanceof SelfEvaluationAccepted accepted) {
            review(plan, accepted.round(), "accepted", accepted.comment(), envelope.actor());
            phase(plan, PlanPhase.SELF_EVALUATION_ACCEPTED);
        } else if (planEvent instanceof SelfEvaluationPublished published) {
            jdbc.update("UPDATE self_evaluation SET published_channels = ? WHERE " + KEY
                    + " AND status = 'accepted'", prepend(plan, published.channels()));
            phase(plan, PlanPhase.PUBLISHED);
        }
        jdbc.update("UPDATE plan SET version = ?, updated_at = ? WHERE " + KEY, prepend(plan, envelope.sequence(), at));
    }

    private void indicator(PlanId plan, Indicator indicator) {
        jdbc.update("""
                INSERT INTO indicator (district, department_id, fiscal_year, plan_key, code, position, goal, level1,
                                       level2, name, weight, target_text, target_value)
                VALUES (?, ?, ?, ?, ?, (SELECT count(*) + 1 FROM indicator WHERE""" + " " + KEY + """
                ), ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (district, department_id, fiscal_year, plan_key, code) DO UPDATE
                   SET goal = EXCLUDED.goal, level1 = EXCLUDED.level1, level2 = EXCLUDED.level2, name = EXCLUDED.name,
                       weight = EXCLUDED.weight, target_text = EXCLUDED.target_text,
                       target_value = EXCLUDED.target_value""",
                concat(with(plan, indicator.code().value()), PlanKeys.of(plan), new Object[] {indicator.goal(),
                        indicator.level1().name(), indicator.level2().name(), indicator.name(),
                        indicator.weight().value(), indicator.target().text(), json(indicator.target().value())}));
    }

    private void part(PlanId plan, String dimension, String part, WanYuan initial) {
        jdbc.update("""
                INSERT INTO plan_budget_part (district, department_id, fiscal_year, plan_key, dimension, part,
                                              initial_amount, adjusted_amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                with(plan, dimension, part, initial.amount(), initial.amount()));
    }

    /** Adds to one figure of a budget part, creating the part (with nothing initial) if the budget had none. */
    private void add(PlanId plan, String dimension, String part, String column, WanYuan amount) {
        if (!List.of("adjusted_amount", "received", "executed").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.update("INSERT INTO plan_budget_part (district, department_id, fiscal_year, plan_key, dimension, part, "
                + column + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (district, department_id, fiscal_year, plan_key, dimension, part) DO UPDATE SET "
                + column + " = plan_budget_part." + column + " + EXCLUDED." + column,
                with(plan, dimension, part, amount.amount()));
    }

    private void movement(PlanId plan, EventEnvelope envelope, String movement, Integer number, String kind,
                          String source, String expenditureClass, String line, WanYuan amount, WanYuan from,
                          WanYuan to, String reason, String document, String voucher, LocalDate date,
                          boolean overBudget) {
        jdbc.update("""
                INSERT INTO budget_movement (district, department_id, fiscal_year, plan_key, sequence_number, movement,
                                             adjustment_no, kind, source, expenditure_class, line, amount, from_amount,
                                             to_amount, reason, document_number, voucher, movement_date, over_budget,
                                             recorded_at, actor, correlation_id, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                with(plan, envelope.sequence(), movement, number, kind, source, expenditureClass, line,
                        amount.amount(), from == null ? null : from.amount(), to == null ? null : to.amount(), reason,
                        document, voucher, date == null ? null : Date.valueOf(date), overBudget,
                        Timestamp.from(envelope.timestamp()), envelope.actor(), envelope.correlationId(),
                        envelope.eventId()));
    }

    private void phase(PlanId plan, PlanPhase phase) {
        jdbc.update("UPDATE plan SET phase = ? WHERE " + KEY, prepend(plan, phase.name()));
    }

    private void review(PlanId plan, String decision, String note, String actor) {
        jdbc.update("UPDATE plan SET targets_review = ?, targets_note = ?, targets_reviewed_by = ? WHERE " + KEY,
                concat(new Object[] {decision, note, actor}, PlanKeys.of(plan)));
    }

    private void decide(PlanId plan, int number, String status, String note, String actor) {
        jdbc.update("UPDATE target_adjustment SET status = ?, decision_note = ?, decided_by = ? WHERE " + KEY
                + " AND number = ?", concat(new Object[] {status, note, actor}, PlanKeys.of(plan), new Object[] {number}));
    }

    private void review(PlanId plan, int round, String status, String note, String actor) {
        jdbc.update("UPDATE self_evaluation SET status = ?, review_note = ?, reviewed_by = ? WHERE " + KEY
                + " AND round = ?", concat(new Object[] {status, note, actor}, PlanKeys.of(plan), new Object[] {round}));
    }

    /** The plan's key columns followed by the values. */
    private static Object[] with(PlanId plan, Object... values) {
        return concat(PlanKeys.of(plan), values);
    }

    /** The values followed by the plan's key columns (for UPDATE … WHERE key). */
    private static Object[] prepend(PlanId plan, Object... values) {
        return concat(values, PlanKeys.of(plan));
    }

    /** UPDATE … SET x = ? WHERE key AND part = ?: the value, the key, then the trailing values. */
    private static Object[] append(PlanId plan, Object value, Object... trailing) {
        return concat(new Object[] {value}, PlanKeys.of(plan), trailing);
    }

    private static Object[] concat(Object[]... parts) {
        List<Object> all = new ArrayList<>();
        for (Object[] part : parts) {
            all.addAll(Arrays.asList(part));
        }
        return all.toArray();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event's part could not be written as JSON", e);
        }
    }
}
