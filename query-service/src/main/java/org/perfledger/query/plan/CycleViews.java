package org.perfledger.query.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.warning.WarningLevel;
import org.perfledger.query.plan.PlanView.AssessmentView;
import org.perfledger.query.plan.PlanView.ProposalView;
import org.perfledger.query.plan.PlanView.Results;
import org.perfledger.query.plan.PlanView.WarningView;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parts of a plan's document around its year (see {@link PlanViews}): the ex-ante assessment round by round,
 * finance's warnings with their answers, the use of the plan's result (proposals for next year's budget, and what
 * its own budget rests on) and its rectification items.
 */
final class CycleViews {

    private static final String KEY = PlanKeys.WHERE;

    private final JdbcTemplate jdbc;

    CycleViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WarningView> warnings(Object[] key) {
        return jdbc.query("SELECT * FROM plan_warning WHERE " + KEY + " ORDER BY number", (row, n) -> new WarningView(
                row.getInt("number"), PlanColumns.coded(WarningLevel.valueOf(row.getString("level"))), row.getString("text"),
                row.getObject("respond_by", LocalDate.class), PlanColumns.instant(row, "issued_at"), row.getString("issued_by"),
                row.getString("response"), PlanColumns.instant(row, "answered_at"), row.getString("answered_by")), key);
    }

    List<AssessmentView> assessments(Object[] key) {
        return jdbc.query("SELECT * FROM assessment WHERE " + KEY + " ORDER BY round", (row, n) -> new AssessmentView(
                row.getInt("round"), PlanColumns.json(row, "statements"), PlanColumns.instant(row, "submitted_at"),
                row.getString("submitted_by"), row.getString("conclusion"), row.getBigDecimal("total"),
                PlanColumns.json(row, "scores"), PlanColumns.json(row, "weights"), (Integer) row.getObject("scheme_version"),
                row.getString("opinion"), row.getString("assessor"), PlanColumns.instant(row, "concluded_at"),
                row.getString("concluded_by")), key);
    }

    /** Finance's proposals for next year from the plan's grade, and last year's result its budget rests on. */
    Results results(Object[] key, String basis) {
        List<ProposalView> proposals = jdbc.query("SELECT * FROM budget_proposal WHERE " + KEY + " ORDER BY number",
                (row, n) -> new ProposalView(row.getInt("number"),
                        PlanColumns.coded(Grade.valueOf(row.getString("grade"))), row.getInt("rules_version"),
                        row.getString("rule_action"), row.getBigDecimal("base"), row.getBigDecimal("rule_proposed"),
                        row.getString("action"), row.getBigDecimal("proposed"), row.getString("override_reason"),
                        PlanColumns.instant(row, "drawn_at"), row.getString("drawn_by"),
                        (Integer) row.getObject("evaluation")), key);
        return new Results(basis == null ? null : RowJson.tree(basis), proposals);
    }

    /** The plan's rectification items (整改事项), by number, each with its report and finance's decision. */
    List<Map<String, Object>> rectifications(Object[] key) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT number, issue, owner, deadline, raised_at, raised_by, "
                + "status, measures, evidence, reported_at, reported_by, return_reason, close_note, closed_at, closed_by "
                + "FROM rectification WHERE " + KEY + " ORDER BY number", key);
        rows.forEach(row -> row.put("deadline", ((java.sql.Date) row.get("deadline")).toLocalDate()));
        return rows;
    }
}
