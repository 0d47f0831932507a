package org.perfledger.query.replay;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictRegistered;
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
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.replay.CopyText.Json;

/**
 * The read models built in memory from a replay of the whole event store, then written to empty tables with COPY: what
 * a rebuild needs to go at the speed of the database rather than a statement per event. It holds the same rows, with
 * the same values, as the live projections ({@code PlanProjection}, {@code DepartmentProjection}) write one event at a
 * time; every rebuild compares the two row by row, so they cannot drift apart unseen.
 *
 * <p>Rows that change (plans, budget parts, lines, goals, indicators, target adjustments, self-evaluations,
 * calendars, schemes, departments, positions) stay in memory; rows only ever appended (budget movements,
 * completions, monitoring reports) are spooled to files on the way, so memory holds the plans, not their history.
 */
final class ReplayModel implements AutoCloseable {

    private static final String PLAN_KEY_COLUMNS = "district, department_id, fiscal_year, plan_key, ";

    private final Map<PlanId, PlanState> plans = new LinkedHashMap<>();
    private final Map<String, Object[]> calendars = new LinkedHashMap<>();
    private final List<Object[]> schemes = new ArrayList<>();
    private final List<Object[]> districts = new ArrayList<>();
    private final List<Object[]> departments = new ArrayList<>();
    private final Map<String, Object[]> positions = new HashMap<>();
    private final CopyIn.Spool movements = new CopyIn.Spool("budget_movement", PLAN_KEY_COLUMNS + "sequence_number, movement, "
            + "adjustment_no, kind, source, expenditure_class, line, amount, from_amount, to_amount, reason, "
            + "document_number, voucher, movement_date, over_budget, recorded_at, actor, correlation_id, event_id");
    private final CopyIn.Spool completions = new CopyIn.Spool("completion", PLAN_KEY_COLUMNS + "sequence_number, code, actual_text, "
            + "actual_value, narrative, as_of, evidence, achievement, recorded_at, actor");
    private final CopyIn.Spool reports = new CopyIn.Spool("monitoring_report", PLAN_KEY_COLUMNS + "period, as_of, budget, executed, "
            + "indicators, deviations, corrective_measures, submitted_at, submitted_by");
    private long applied;
    /** Events that came before an earlier event of their stream, by stream and sequence. */
    private final Map<String, TreeMap<Long, Parked>> parked = new HashMap<>();

    private record Parked(PerfLedgerEvent event, EventEnvelope envelope) {
    }

    /** One plan's changing rows. */
    private static final class PlanState {
        final Object[] key;
        String kind;
        String name;
        Json implementingUnits;
        String category;
        String attribute;
        String projectType;
        String financeDesk;
        PlanPhase phase = PlanPhase.DRAFTING;
        String targetsReview;
        String targetsNote;
        String targetsReviewedBy;
        boolean budgetOpened;
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        boolean overBudget;
        long version;
        Instant updatedAt;
        /** "dimension/part" → initial, adjusted, received, executed */
        final Map<String, BigDecimal[]> parts = new LinkedHashMap<>();
        final List<Object[]> lines = new ArrayList<>();
        final Map<Integer, String> goals = new LinkedHashMap<>();
        final Map<String, IndicatorRow> indicators = new LinkedHashMap<>();
        final Map<Integer, Object[]> adjustments = new LinkedHashMap<>();
        final Map<Integer, Object[]> evaluations = new LinkedHashMap<>();

        PlanState(PlanId plan) {
            this.key = PlanKeys.of(plan);
        }
    }

    private static final class IndicatorRow {
        int position;
        int goal;
        String level1;
        String level2;
        String name;
        BigDecimal weight;
        String targetText;
        Json targetValue;
        String actualText;
        Json actualValue;
        LocalDate asOf;
        String narrative;
        String evidence;
        String achievement;
        int completions;
    }

    /**
     * Applies an event in its stream's order. One already applied is skipped; one that arrives before an earlier
     * event of its stream (the store's relay order follows the writing transactions, which need not follow a stream's
     * sequence) waits until the earlier ones have come.
     */
    void apply(PerfLedgerEvent event, EventEnvelope envelope) {
        Object[] position = positions.get(envelope.aggregateId());
        long last = position == null ? -1 : (long) position[2];
        if (envelope.sequence() <= last) {
            return;
        }
        if (envelope.sequence() != last + 1) {
            parked.computeIfAbsent(envelope.aggregateId(), id -> new TreeMap<>())
                    .putIfAbsent(envelope.sequence(), new Parked(event, envelope));
            return;
        }
        applyInOrder(event, envelope);
        TreeMap<Long, Parked> waiting = parked.get(envelope.aggregateId());
        long next = envelope.sequence() + 1;
        while (waiting != null && waiting.containsKey(next)) {
            Parked successor = waiting.remove(next++);
            applyInOrder(successor.event(), successor.envelope());
        }
        if (waiting != null && waiting.isEmpty()) {
            parked.remove(envelope.aggregateId());
        }
    }

    private void applyInOrder(PerfLedgerEvent event, EventEnvelope envelope) {
        if (event != null) {
            project(event, envelope);
        }
        positions.put(envelope.aggregateId(), new Object[] {envelope.aggregateId(), envelope.district(),
                envelope.sequence(), envelope.eventId(), Instant.now()});
        applied++;
    }

    /**
     * Streams whose next event never came: in a whole store that is a hole in its history (an error for a rebuild);
     * for a view as of an instant, streams cut at it.
     */
    List<String> incompleteStreams() {
        return parked.entrySet().stream().map(entry -> entry.getKey() + " lacks event "
                + ((long) positions.getOrDefault(entry.getKey(), new Object[] {null, null, -1L})[2] + 1)).toList();
    }

    long applied() {
        return applied;
    }

    private void project(PerfLedgerEvent event, EventEnvelope envelope) {
        Instant at = envelope.timestamp();
        if (event instanceof DistrictRegistered registered) {
            districts.add(new Object[] {registered.district().value(), registered.name(), at, envelope.actor()});
            return;
        }
        if (event instanceof DepartmentRegistered registered) {
            departments.add(new Object[] {registered.district().value(), registered.department().code().value(),
                    registered.name(), at, envelope.actor()});
            return;
        }
        if (event instanceof ReportingCalendarSet calendar) {
            calendars.put(calendar.district().value() + "/" + calendar.year().value(), new Object[] {
                    calendar.district().value(), calendar.year().value(), Json.of(calendar.monitoring()),
                    calendar.selfEvaluationDue(), calendar.deviationMargin().value()});
            return;
        }
        if (event instanceof ScoringSchemeSet set) {
            schemes.add(new Object[] {set.district().value(), set.year().value(), set.kind().name(), set.version(),
                    Json.of(set.scheme()), at, envelope.actor()});
            return;
        }
        if (!(event instanceof PlanEvent planEvent)) {
            return;
        }
        PlanId id = planEvent.plan();
        if (planEvent instanceof ProjectRegistered registered) {
            PlanState plan = new PlanState(id);
            plan.kind = "PROJECT";
            plan.name = registered.name();
            plan.implementingUnits = Json.of(registered.implementingUnits());
            plan.category = registered.category().name();
            plan.attribute = registered.attribute().name();
            plan.projectType = registered.type().name();
            plan.financeDesk = registered.financeDesk();
            plans.put(id, plan);
        } else if (planEvent instanceof DepartmentPlanStarted) {
            PlanState plan = new PlanState(id);
            plan.kind = "DEPARTMENT";
            plans.put(id, plan);
        }
        PlanState plan = plans.get(id);
        if (plan == null) {
            return; // as the live UPDATEs of a plan not started: nothing to change
        }
        if (planEvent instanceof BudgetOpened opened) {
            plan.budgetOpened = true;
            plan.initial = opened.total().amount();
            plan.adjusted = opened.total().amount();
            opened.sources().forEach((source, amount) -> plan.parts.put("source/" + source.name(),
                    new BigDecimal[] {amount.amount(), amount.amount(), BigDecimal.ZERO, BigDecimal.ZERO}));
            opened.classes().forEach((type, amount) -> plan.parts.put("class/" + type.name(),
                    new BigDecimal[] {amount.amount(), amount.amount(), BigDecimal.ZERO, BigDecimal.ZERO}));
            movement(plan, envelope, "opened", null, null, null, null, null, opened.total(), null, opened.total(),
                    null, null, null, null, false);
        } else if (planEvent instanceof BudgetAdjusted adjusted) {
            plan.adjusted = adjusted.to().amount();
            plan.overBudget = plan.executed.compareTo(adjusted.to().amount()) > 0;
            BigDecimal change = adjusted.kind().direction() > 0 ? adjusted.amount().amount()
                    : adjusted.amount().amount().negate();
            add(plan, "source/" + adjusted.source().name(), 1, change);
            if (adjusted.expenditureClass() != null) {
                add(plan, "class/" + adjusted.expenditureClass().name(), 1, change);
            }
            movement(plan, envelope, "adjusted", adjusted.number(), adjusted.kind().name(), adjusted.source().name(),
                    adjusted.expenditureClass() == null ? null : adjusted.expenditureClass().name(), null,
                    adjusted.amount(), adjusted.from(), adjusted.to(), adjusted.reason(),
                    adjusted.documentNumber().value(), null, adjusted.date(), false);
        } else if (planEvent instanceof FundsReceived funds) {
            plan.received = funds.receivedTotal().amount();
            add(plan, "source/" + funds.source().name(), 2, funds.amount().amount());
            movement(plan, envelope, "received", null, null, funds.source().name(), null, null, funds.amount(), null,
                    funds.receivedTotal(), funds.note(), null, null, funds.date(), false);
        } else if (planEvent instanceof ExpenditureRecorded spent) {
            plan.executed = spent.executedTotal().amount();
            plan.overBudget = spent.overBudget();
            add(plan, "class/" + spent.expenditureClass().name(), 3, spent.amount().amount());
            charge(plan, spent.line(), spent.amount().amount());
            movement(plan, envelope, "spent", null, null, null, spent.expenditureClass().name(), spent.line(),
                    spent.amount(), null, spent.executedTotal(), spent.description(), null, spent.voucher(),
                    spent.date(), spent.overBudget());
        } else if (planEvent instanceof ExpenditureCorrected corrected) {
            plan.executed = corrected.executedTotal().amount();
            plan.overBudget = corrected.overBudget();
            add(plan, "class/" + corrected.expenditureClass().name(), 3, corrected.amount().amount().negate());
            charge(plan, corrected.line(), corrected.amount().amount().negate());
            movement(plan, envelope, "corrected", null, null, null, corrected.expenditureClass().name(),
                    corrected.line(), corrected.amount(), null, corrected.executedTotal(), corrected.reason(), null,
                    corrected.originalVoucher(), corrected.date(), corrected.overBudget());
        } else if (planEvent instanceof BudgetLinesSet set) {
            // spending already charged to a line stays with it when the lines are set again
            Map<String, BigDecimal> spentByLine = new HashMap<>();
            plan.lines.forEach(line -> spentByLine.putIfAbsent((String) line[1], (BigDecimal) line[3]));
            plan.lines.clear();
            for (int i = 0; i < set.lines().size(); i++) {
                BudgetLine line = set.lines().get(i);
                plan.lines.add(new Object[] {i + 1, line.name(), line.amount().amount(),
                        spentByLine.getOrDefault(line.name(), BigDecimal.ZERO)});
            }
        } else if (planEvent instanceof GoalAdded goal) {
            plan.goals.put(goal.number(), goal.text());
        } else if (planEvent instanceof IndicatorTargetSet set) {
            indicator(plan, set.indicator());
        } else if (planEvent instanceof TargetsSubmitted) {
            plan.phase = PlanPhase.TARGETS_SUBMITTED;
        } else if (planEvent instanceof TargetsApproved approved) {
            plan.phase = PlanPhase.IN_EXECUTION;
            plan.targetsReview = "approved";
            plan.targetsNote = approved.comment();
            plan.targetsReviewedBy = envelope.actor();
        } else if (planEvent instanceof TargetsReturned returned) {
            plan.phase = PlanPhase.DRAFTING;
            plan.targetsReview = "returned";
            plan.targetsNote = returned.reason();
            plan.targetsReviewedBy = envelope.actor();
        } else if (planEvent instanceof CompletionRecorded completion) {
            String achievement = completion.achievement() == null ? null : completion.achievement().name();
            Json value = Json.of(completion.actual().value());
            completions.row(plan.key, envelope.sequence(), completion.indicator().value(), completion.actual().text(),
                    value, completion.narrative(), completion.asOf(), completion.evidence(), achievement, at,
                    envelope.actor());
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
        } else if (planEvent instanceof MonitoringReportSubmitted report) {
            reports.row(plan.key, report.period(), report.asOf(), report.budget(), report.executed(),
                    Json.of(report.indicators()), report.deviations(), report.correctiveMeasures(), at,
                    envelope.actor());
        } else if (planEvent instanceof TargetAdjustmentRequested requested) {
            plan.adjustments.put(requested.number(), new Object[] {requested.number(), requested.indicator().value(),
                    requested.target().text(), requested.weight().value(), requested.reason(), "requested", null,
                    envelope.actor(), null});
        } else if (planEvent instanceof TargetAdjustmentApproved approved) {
            decide(plan, approved.number(), "approved", approved.comment(), envelope.actor());
            IndicatorRow indicator = plan.indicators.get(approved.indicator().value());
            if (indicator != null) {
                indicator.targetText = approved.toTarget().text();
                indicator.targetValue = Json.of(approved.toTarget().value());
                indicator.weight = approved.toWeight().value();
            }
        } else if (planEvent instanceof TargetAdjustmentRejected rejected) {
            decide(plan, rejected.number(), "rejected", rejected.reason(), envelope.actor());
        } else if (planEvent instanceof YearClosed) {
            plan.phase = PlanPhase.CLOSED;
        } else if (planEvent instanceof SelfEvaluationSubmitted submitted) {
            plan.evaluations.put(submitted.round(), new Object[] {submitted.round(), Json.of(submitted.indicators()),
                    submitted.score() == null ? null : submitted.score().value(),
                    submitted.grade() == null ? null : submitted.grade().name(), submitted.deviationAnalysis(),
                    submitted.improvementMeasures(), submitted.resultsUse(), submitted.publicationPlan(), "submitted",
                    null, at, envelope.actor(), null, null, submitted.executionRate(),
                    submitted.executionScore() == null ? null : submitted.executionScore().value(),
                    submitted.schemeVersion()});
            plan.phase = PlanPhase.SELF_EVALUATION_SUBMITTED;
        } else if (planEvent instanceof SelfEvaluationReturned returned) {
            review(plan, returned.round(), "returned", returned.reason(), envelope.actor());
            plan.phase = PlanPhase.SELF_EVALUATION_RETURNED;
        } else if (planEvent instanceof SelfEvaluationAccepted accepted) {
            review(plan, accepted.round(), "accepted", accepted.comment(), envelope.actor());
            plan.phase = PlanPhase.SELF_EVALUATION_ACCEPTED;
        } else if (planEvent instanceof SelfEvaluationPublished published) {
            plan.evaluations.values().stream().filter(row -> "accepted".equals(row[8]))
                    .forEach(row -> row[13] = published.channels());
            plan.phase = PlanPhase.PUBLISHED;
        }
        plan.version = envelope.sequence();
        plan.updatedAt = at;
    }

    private static void indicator(PlanState plan, Indicator set) {
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
        row.weight = set.weight().value();
        row.targetText = set.target().text();
        row.targetValue = Json.of(set.target().value());
    }

    /** Adds to one figure of a budget part (1 adjusted, 2 received, 3 executed), making the part if need be. */
    private static void add(PlanState plan, String part, int figure, BigDecimal amount) {
        BigDecimal[] figures = plan.parts.computeIfAbsent(part, key -> new BigDecimal[] {BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        figures[figure] = figures[figure].add(amount);
    }

    private static void charge(PlanState plan, String line, BigDecimal amount) {
        if (line != null) {
            plan.lines.stream().filter(row -> line.equals(row[1]))
                    .forEach(row -> row[3] = ((BigDecimal) row[3]).add(amount));
        }
    }

    private static void decide(PlanState plan, int number, String status, String note, String actor) {
        Object[] row = plan.adjustments.get(number);
        if (row != null) {
            row[5] = status;
            row[6] = note;
            row[8] = actor;
        }
    }

    private static void review(PlanState plan, int round, String status, String note, String actor) {
        Object[] row = plan.evaluations.get(round);
        if (row != null) {
            row[8] = status;
            row[9] = note;
            row[12] = actor;
        }
    }

    private void movement(PlanState plan, EventEnvelope envelope, String movement, Integer number, String kind,
                          String source, String expenditureClass, String line, WanYuan amount, WanYuan from,
                          WanYuan to, String reason, String document, String voucher, LocalDate date,
                          boolean overBudget) {
        movements.row(plan.key, envelope.sequence(), movement, number, kind, source, expenditureClass, line, amount,
                from, to, reason, document, voucher, date, overBudget, envelope.timestamp(), envelope.actor(),
                envelope.correlationId(), envelope.eventId());
    }

    /** Writes every table of the model into the schema's empty tables. */
    void writeTo(Connection connection, String schema) throws SQLException, IOException {
        CopyIn.table(connection, schema, "plan", PLAN_KEY_COLUMNS + "kind, name, implementing_units, category, attribute, "
                + "project_type, finance_desk, phase, budget_opened, initial_budget, adjusted_budget, received, "
                + "executed, over_budget, version, updated_at, targets_review, targets_note, targets_reviewed_by",
                rows -> plans.values().forEach(plan -> rows.row(
                        plan.key, plan.kind, plan.name, plan.implementingUnits, plan.category, plan.attribute,
                        plan.projectType, plan.financeDesk, plan.phase.name(), plan.budgetOpened, plan.initial,
                        plan.adjusted, plan.received, plan.executed, plan.overBudget, plan.version, plan.updatedAt,
                        plan.targetsReview, plan.targetsNote, plan.targetsReviewedBy)));
        CopyIn.table(connection, schema, "plan_budget_part", PLAN_KEY_COLUMNS + "dimension, part, initial_amount, "
                + "adjusted_amount, received, executed", rows -> plans.values().forEach(plan -> plan.parts.forEach(
                        (part, figures) -> rows.row(plan.key, part.substring(0, part.indexOf('/')),
                                part.substring(part.indexOf('/') + 1), figures[0], figures[1], figures[2],
                                figures[3]))));
        CopyIn.table(connection, schema, "budget_line", PLAN_KEY_COLUMNS + "position, name, amount, executed",
                rows -> plans.values().forEach(plan -> plan.lines.forEach(line -> rows.row(plan.key, line))));
        CopyIn.table(connection, schema, "goal", PLAN_KEY_COLUMNS + "number, text", rows -> plans.values().forEach(
                plan -> plan.goals.forEach((number, text) -> rows.row(plan.key, number, text))));
        CopyIn.table(connection, schema, "indicator", PLAN_KEY_COLUMNS + "code, position, goal, level1, level2, name, weight, "
                + "target_text, target_value, latest_actual_text, latest_actual_value, latest_as_of, "
                + "latest_narrative, latest_evidence, latest_achievement, completions", rows -> plans.values()
                .forEach(plan -> plan.indicators.forEach((code, row) -> rows.row(plan.key, code, row.position,
                        row.goal, row.level1, row.level2, row.name, row.weight, row.targetText, row.targetValue,
                        row.actualText, row.actualValue, row.asOf, row.narrative, row.evidence, row.achievement,
                        row.completions))));
        CopyIn.table(connection, schema, "target_adjustment", PLAN_KEY_COLUMNS + "number, code, target_text, weight, reason, "
                + "status, decision_note, requested_by, decided_by", rows -> plans.values().forEach(
                        plan -> plan.adjustments.values().forEach(row -> rows.row(plan.key, row))));
        CopyIn.table(connection, schema, "self_evaluation", PLAN_KEY_COLUMNS + "round, indicators, score, grade, "
                + "deviation_analysis, improvement_measures, results_use, publication_plan, status, review_note, "
                + "submitted_at, submitted_by, reviewed_by, published_channels, execution_rate, execution_score, "
                + "scheme_version", rows -> plans.values().forEach(
                        plan -> plan.evaluations.values().forEach(row -> rows.row(plan.key, row))));
        CopyIn.table(connection, schema, "reporting_calendar", "district, fiscal_year, monitoring, self_evaluation_due, "
                + "deviation_margin", rows -> calendars.values().forEach(rows::row));
        CopyIn.table(connection, schema, "scoring_scheme", "district, fiscal_year, kind, version, scheme, set_at, set_by",
                rows -> schemes.forEach(rows::row));
        CopyIn.table(connection, schema, "district", "district, name, registered_at, registered_by",
                rows -> districts.forEach(rows::row));
        CopyIn.table(connection, schema, "department", "district, department_id, name, registered_at, registered_by",
                rows -> departments.forEach(rows::row));
        CopyIn.table(connection, schema, "projection_position", "aggregate_id, district, last_sequence, last_event_id, "
                + "updated_at", rows -> positions.values().forEach(rows::row));
        for (CopyIn.Spool spool : List.of(movements, completions, reports)) {
            spool.copyInto(connection, schema);
        }
    }

    @Override
    public void close() {
        for (CopyIn.Spool spool : List.of(movements, completions, reports)) {
            spool.delete();
        }
    }
}
