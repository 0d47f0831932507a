package org.perfledger.query.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.query.readmodel.PlanKeys;

/**
 * One plan's rows that change over the year: the plan itself, its budget parts, lines, goals, indicators, target
 * adjustments and self-evaluations. The projection changes them in memory ({@link ReadModelFold}); they are written
 * whole into empty tables (rebuilds, views as of an instant) or, when loaded from the live tables, only the rows that
 * differ from what was loaded.
 */
final class PlanRows {

    final Object[] key;
    String kind;
    String name;
    /** The implementing units as the JSON text the column holds. */
    String implementingUnits;
    String category;
    String attribute;
    String projectType;
    String financeDesk;
    PlanPhase phase = PlanPhase.DRAFTING;
    String targetsReview;
    String targetsNote;
    String targetsReviewedBy;
    boolean budgetOpened;
    /** The documents state no budget: its figures are 0 and no 执行率 is computed from them. */
    boolean budgetUnstated;
    /** the department's headcounts as stated ({category: count}), or null */
    Json staffing;
    /** a project's sub-projects as named ([name, …]), or null */
    Json subProjects;
    /** the 年度总体目标 as stated ([{fundedBy, text}, …]), or null */
    Json overallGoals;
    /** finance holding the funds back (FundsHold's name) and why, or null while they flow */
    String fundsHold;
    String fundsHoldReason;
    /** what the budget rests on: last year's result and finance's proposal (BudgetBasedOnResults), or null */
    Json budgetBasis;
    BigDecimal initial = BigDecimal.ZERO;
    BigDecimal adjusted = BigDecimal.ZERO;
    BigDecimal received = BigDecimal.ZERO;
    BigDecimal executed = BigDecimal.ZERO;
    boolean overBudget;
    long version;
    Instant updatedAt;
    /** "dimension/part" → initial, adjusted, received, executed */
    final Map<String, BigDecimal[]> parts = new LinkedHashMap<>();
    /** position, name, amount, executed */
    final List<Object[]> lines = new ArrayList<>();
    final Map<Integer, String> goals = new LinkedHashMap<>();
    /** the points printed for a goal as a whole, where they are */
    final Map<Integer, BigDecimal> goalWeights = new HashMap<>();
    /** the part of the budget a goal is for, where the documents tie it to one */
    final Map<Integer, String> goalFunds = new HashMap<>();
    final Map<String, IndicatorRow> indicators = new LinkedHashMap<>();
    /** by number: the row's columns after the plan's key, in {@link ReadModelTable#TARGET_ADJUSTMENT} order */
    final Map<Integer, Object[]> adjustments = new LinkedHashMap<>();
    /** by round: the row's columns after the plan's key, in {@link ReadModelTable#SELF_EVALUATION} order */
    final Map<Integer, Object[]> evaluations = new LinkedHashMap<>();
    /** by round: the row's columns after the plan's key, in {@link ReadModelTable#ASSESSMENT} order */
    final Map<Integer, Object[]> assessments = new LinkedHashMap<>();
    /** by number: the row's columns after the plan's key, in {@link ReadModelTable#WARNING} order */
    final Map<Integer, Object[]> warnings = new LinkedHashMap<>();
    /** by number: the row's columns after the plan's key, in {@link ReadModelTable#BUDGET_PROPOSAL} order */
    final Map<Integer, Object[]> proposals = new LinkedHashMap<>();
    /** by number: the row's columns after the plan's key, in {@link ReadModelTable#RECTIFICATION} order */
    final Map<Integer, Object[]> rectifications = new LinkedHashMap<>();
    /** by number: the row's columns after the plan's key, in {@link ReadModelTable#EVALUATION} order */
    final Map<Integer, Object[]> externalEvaluations = new LinkedHashMap<>();

    PlanRows(PlanId plan) {
        this.key = PlanKeys.of(plan);
    }

    static final class IndicatorRow {
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
        /** which way it is better where stated (Direction's name), or null */
        String direction;
        /** why it was added at the self-evaluation, or null for an indicator of the approved targets */
        String addedAtSelfEvaluation;
        /** the library indicator (指标库) it was picked from, and its version, or null */
        String libraryCode;
        Integer libraryVersion;
    }

    /** The plan's rows of one table, each in the table's column order, the plan's key first. */
    List<Object[]> rows(ReadModelTable table) {
        List<Object[]> rows = new ArrayList<>();
        switch (table) {
            case PLAN -> rows.add(row(kind, name, implementingUnits, category, attribute, projectType, financeDesk,
                    phase.name(), budgetOpened, initial, adjusted, received, executed, overBudget, version, updatedAt,
                    targetsReview, targetsNote, targetsReviewedBy, budgetUnstated, staffing, subProjects,
                    overallGoals, fundsHold, fundsHoldReason, budgetBasis));
            case BUDGET_PART -> parts.forEach((part, figures) -> rows.add(row(part.substring(0, part.indexOf('/')),
                    part.substring(part.indexOf('/') + 1), figures[0], figures[1], figures[2], figures[3])));
            case BUDGET_LINE -> lines.forEach(line -> rows.add(row(line)));
            case GOAL -> goals.forEach((number, text) -> rows.add(row(number, text, goalWeights.get(number),
                    goalFunds.get(number))));
            case INDICATOR -> indicators.forEach((code, i) -> rows.add(row(code, i.position, i.goal, i.level1,
                    i.level2, i.name, i.weight, i.targetText, i.targetValue, i.actualText, i.actualValue, i.asOf,
                    i.narrative, i.evidence, i.achievement, i.completions, i.direction, i.addedAtSelfEvaluation,
                    i.libraryCode, i.libraryVersion)));
            case TARGET_ADJUSTMENT -> adjustments.values().forEach(row -> rows.add(row(row)));
            case SELF_EVALUATION -> evaluations.values().forEach(row -> rows.add(row(row)));
            case ASSESSMENT -> assessments.values().forEach(row -> rows.add(row(row)));
            case WARNING -> warnings.values().forEach(row -> rows.add(row(row)));
            case BUDGET_PROPOSAL -> proposals.values().forEach(row -> rows.add(row(row)));
            case RECTIFICATION -> rectifications.values().forEach(row -> rows.add(row(row)));
            case EVALUATION -> externalEvaluations.values().forEach(row -> rows.add(row(row)));
            default -> throw new IllegalArgumentException(table + " holds no rows of a plan");
        }
        return rows;
    }

    /** Takes one row loaded from a table (in its column order, the plan's key first) into the plan's state. */
    void load(ReadModelTable table, Object[] row) {
        Object[] v = Arrays.copyOfRange(row, key.length, row.length);
        switch (table) {
            case PLAN -> {
                kind = (String) v[0];
                name = (String) v[1];
                implementingUnits = (String) v[2];
                category = (String) v[3];
                attribute = (String) v[4];
                projectType = (String) v[5];
                financeDesk = (String) v[6];
                phase = PlanPhase.valueOf((String) v[7]);
                budgetOpened = (Boolean) v[8];
                initial = (BigDecimal) v[9];
                adjusted = (BigDecimal) v[10];
                received = (BigDecimal) v[11];
                executed = (BigDecimal) v[12];
                overBudget = (Boolean) v[13];
                version = (Long) v[14];
                updatedAt = (Instant) v[15];
                targetsReview = (String) v[16];
                targetsNote = (String) v[17];
                targetsReviewedBy = (String) v[18];
                budgetUnstated = (Boolean) v[19];
                staffing = (Json) v[20];
                subProjects = (Json) v[21];
                overallGoals = (Json) v[22];
                fundsHold = (String) v[23];
                fundsHoldReason = (String) v[24];
                budgetBasis = (Json) v[25];
            }
            case BUDGET_PART -> parts.put(v[0] + "/" + v[1], new BigDecimal[] {(BigDecimal) v[2], (BigDecimal) v[3],
                    (BigDecimal) v[4], (BigDecimal) v[5]});
            case BUDGET_LINE -> lines.add(v);
            case GOAL -> {
                goals.put((Integer) v[0], (String) v[1]);
                if (v[2] != null) {
                    goalWeights.put((Integer) v[0], (BigDecimal) v[2]);
                }
                if (v[3] != null) {
                    goalFunds.put((Integer) v[0], (String) v[3]);
                }
            }
            case INDICATOR -> {
                IndicatorRow i = new IndicatorRow();
                i.position = (Integer) v[1];
                i.goal = (Integer) v[2];
                i.level1 = (String) v[3];
                i.level2 = (String) v[4];
                i.name = (String) v[5];
                i.weight = (BigDecimal) v[6];
                i.targetText = (String) v[7];
                i.targetValue = (Json) v[8];
                i.actualText = (String) v[9];
                i.actualValue = (Json) v[10];
                i.asOf = (LocalDate) v[11];
                i.narrative = (String) v[12];
                i.evidence = (String) v[13];
                i.achievement = (String) v[14];
                i.completions = (Integer) v[15];
                i.direction = (String) v[16];
                i.addedAtSelfEvaluation = (String) v[17];
                i.libraryCode = (String) v[18];
                i.libraryVersion = (Integer) v[19];
                indicators.put((String) v[0], i);
            }
            case TARGET_ADJUSTMENT -> adjustments.put((Integer) v[0], v);
            case SELF_EVALUATION -> evaluations.put((Integer) v[0], v);
            case ASSESSMENT -> assessments.put((Integer) v[0], v);
            case WARNING -> warnings.put((Integer) v[0], v);
            case BUDGET_PROPOSAL -> proposals.put((Integer) v[0], v);
            case RECTIFICATION -> rectifications.put((Integer) v[0], v);
            case EVALUATION -> externalEvaluations.put((Integer) v[0], v);
            default -> throw new IllegalArgumentException(table + " holds no rows of a plan");
        }
    }

    private Object[] row(Object... values) {
        Object[] row = Arrays.copyOf(key, key.length + values.length);
        System.arraycopy(values, 0, row, key.length, values.length);
        return row;
    }
}
