package org.perfledger.query.projection;

import java.util.Arrays;
import java.util.List;

/**
 * The tables the projection writes, each with its columns in the order a row of the model holds them and the columns
 * that key a row. One description serves the live writes (changed rows upserted), the rebuild's COPY and the loads.
 */
public enum ReadModelTable {

    PLAN("plan", Keys.PLAN + "kind, name, implementing_units, category, attribute, project_type, finance_desk, phase, "
            + "budget_opened, initial_budget, adjusted_budget, received, executed, over_budget, version, updated_at, "
            + "targets_review, targets_note, targets_reviewed_by, budget_unstated, staffing, sub_projects, "
            + "overall_goals, funds_hold, funds_hold_reason, budget_basis", Keys.PLAN),
    BUDGET_PART("plan_budget_part", Keys.PLAN + "dimension, part, initial_amount, adjusted_amount, received, executed",
            Keys.PLAN + "dimension, part"),
    BUDGET_LINE("budget_line", Keys.PLAN + "position, name, amount, executed", Keys.PLAN + "name"),
    GOAL("goal", Keys.PLAN + "number, text, weight, funded_by", Keys.PLAN + "number"),
    INDICATOR("indicator", Keys.PLAN + "code, position, goal, level1, level2, name, weight, target_text, target_value, "
            + "latest_actual_text, latest_actual_value, latest_as_of, latest_narrative, latest_evidence, "
            + "latest_achievement, completions, direction, added_at_self_evaluation, library_code, library_version",
            Keys.PLAN + "code"),
    TARGET_ADJUSTMENT("target_adjustment", Keys.PLAN + "number, code, target_text, weight, reason, status, "
            + "decision_note, requested_by, decided_by", Keys.PLAN + "number"),
    SELF_EVALUATION("self_evaluation", Keys.PLAN + "round, indicators, score, grade, deviation_analysis, "
            + "improvement_measures, results_use, publication_plan, status, review_note, submitted_at, submitted_by, "
            + "reviewed_by, published_channels, execution_rate, execution_score, scheme_version, printed, published_at",
            Keys.PLAN + "round"),
    ASSESSMENT("assessment", Keys.PLAN + "round, statements, submitted_at, submitted_by, conclusion, total, scores, "
            + "weights, scheme_version, opinion, assessor, concluded_at, concluded_by", Keys.PLAN + "round"),
    WARNING("plan_warning", Keys.PLAN + "number, level, text, respond_by, issued_at, issued_by, response, answered_at, "
            + "answered_by", Keys.PLAN + "number"),
    BUDGET_PROPOSAL("budget_proposal", Keys.PLAN + "number, grade, rules_version, rule_action, base, rule_proposed, "
            + "action, proposed, override_reason, drawn_at, drawn_by, evaluation", Keys.PLAN + "number"),
    RECTIFICATION("rectification", Keys.PLAN + "number, issue, owner, deadline, raised_at, raised_by, status, measures, "
            + "evidence, reported_at, reported_by, return_reason, close_note, closed_at, closed_by", Keys.PLAN + "number"),
    EVALUATION("plan_evaluation", Keys.PLAN + "number, type, evaluator, evaluator_name, agency, due, focus, "
            + "commissioned_at, commissioned_by, status, scheme_version, executed, verified, findings, problems, "
            + "suggestions, reported_at, return_reason, decision_note, decided_at, decided_by, published_channels, "
            + "published_at, published_by", Keys.PLAN + "number"),
    BUDGET_MOVEMENT("budget_movement", Keys.PLAN + "sequence_number, movement, adjustment_no, kind, source, "
            + "expenditure_class, line, amount, from_amount, to_amount, reason, document_number, voucher, "
            + "movement_date, over_budget, recorded_at, actor, correlation_id, event_id, parts", null),
    COMPLETION("completion", Keys.PLAN + "sequence_number, code, actual_text, actual_value, narrative, as_of, evidence, "
            + "achievement, recorded_at, actor", null),
    MONITORING_REPORT("monitoring_report", Keys.PLAN + "period, as_of, budget, executed, indicators, deviations, "
            + "corrective_measures, submitted_at, submitted_by", null),
    REPORTING_CALENDAR("reporting_calendar", "district, fiscal_year, monitoring, self_evaluation_due, deviation_margin",
            "district, fiscal_year"),
    SCORING_SCHEME("scoring_scheme", "district, fiscal_year, kind, version, scheme, set_at, set_by", null),
    ASSESSMENT_SCHEME("assessment_scheme", "district, fiscal_year, version, weights, source, set_at, set_by", null),
    LIBRARY_INDICATOR("library_indicator", "district, code, version, kind, sector, level1, level2, name, unit, "
            + "direction, basis, guidance, defined_at, defined_by", null),
    LIBRARY_RETIREMENT("library_retirement", "district, code, reason, retired_at, retired_by", null),
    RESULT_USE_RULES("result_use_rules", "district, fiscal_year, version, rules, source, set_at, set_by", null),
    MONITORING_THRESHOLDS("monitoring_thresholds", "district, fiscal_year, version, yellow, red, source, set_at, set_by",
            null),
    DISTRICT("district", "district, name, registered_at, registered_by", null),
    DEPARTMENT("department", "district, department_id, name, registered_at, registered_by", null),
    POSITION("projection_position", "aggregate_id, district, last_sequence, last_event_id, updated_at", "aggregate_id");

    /** The tables a plan's rows live in and are loaded from, in the order they are written. */
    public static final List<ReadModelTable> OF_A_PLAN = List.of(PLAN, BUDGET_PART, BUDGET_LINE, GOAL, INDICATOR,
            TARGET_ADJUSTMENT, SELF_EVALUATION, ASSESSMENT, WARNING, BUDGET_PROPOSAL, RECTIFICATION,
            EVALUATION);

    private final String table;
    private final List<String> columns;
    private final List<String> keys;

    ReadModelTable(String table, String columns, String keys) {
        this.table = table;
        this.columns = split(columns);
        this.keys = keys == null ? List.of() : split(keys);
    }

    private static List<String> split(String columns) {
        return Arrays.stream(columns.split(",")).map(String::trim).filter(column -> !column.isEmpty()).toList();
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The columns that key a row; empty for tables whose rows are only ever appended. */
    public List<String> keys() {
        return keys;
    }

    public boolean appendOnly() {
        return keys.isEmpty();
    }

    /** The columns in SQL, comma separated. */
    public String columnList() {
        return String.join(", ", columns);
    }

    private static final class Keys {
        static final String PLAN = "district, department_id, fiscal_year, plan_key, ";
    }
}
