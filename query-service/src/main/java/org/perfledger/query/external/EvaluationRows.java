package org.perfledger.query.external;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The evaluations beyond the self-evaluation as the read model holds them: the SQL of this slice, in one place. */
@Component
class EvaluationRows {

    private static final String COLUMNS = "department_id, fiscal_year, plan_key, number, type, evaluator, "
            + "evaluator_name, agency, due, focus, commissioned_at, commissioned_by, status, scheme_version, executed, "
            + "verified::text AS verified, findings, problems, suggestions, reported_at, return_reason, decision_note, "
            + "decided_at, decided_by, published_channels, published_at, (SELECT p.name FROM plan p WHERE p.district = e.district AND p.department_id = "
            + "e.department_id AND p.fiscal_year = e.fiscal_year AND p.plan_key = e.plan_key) AS plan_name, "
            + "(SELECT d.name FROM department d WHERE d.district = e.district AND d.department_id = e.department_id) "
            + "AS department_name";

    private final JdbcTemplate jdbc;

    EvaluationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One evaluation: whom it was commissioned from, its report and the commissioner's decision. */
    record Row(String department, int year, String planKey, int number, String type, String evaluator,
               String evaluatorName, String agency, LocalDate due, String focus, Instant commissionedAt,
               String commissionedBy, String status, Integer schemeVersion, BigDecimal executed,
               List<VerifiedIndicator> verified, String findings, String problems, String suggestions,
               Instant reportedAt, String returnReason, String decisionNote, Instant decidedAt, String decidedBy,
               String publishedChannels, Instant publishedAt, String planName, String departmentName) {

        boolean reported() {
            return schemeVersion != null;
        }
    }

    /** The plan's evaluations, by number. */
    List<Row> ofPlan(PlanId plan) {
        return jdbc.query("SELECT " + COLUMNS + " FROM plan_evaluation e WHERE " + PlanKeys.WHERE + " ORDER BY number",
                EvaluationRows::row, PlanKeys.of(plan));
    }

    /**
     * The evaluations of a district a reader sees, of one year or ({@code year} null) every year: every one
     * ({@code department} and {@code evaluator} null), a department's, or those commissioned from an evaluator; by
     * year (newest first) and due day; at most {@value #MOST}.
     */
    List<Row> visible(String district, Integer year, String department, String evaluator) {
        return jdbc.query("SELECT " + COLUMNS + " FROM plan_evaluation e WHERE district = ? "
                + "AND (?::integer IS NULL OR fiscal_year = ?) AND (?::text IS NULL OR department_id = ?) "
                + "AND (?::text IS NULL OR evaluator = ?) ORDER BY fiscal_year DESC, due, department_id, plan_key, "
                + "number LIMIT " + MOST, EvaluationRows::row, district, year, year, department, department, evaluator,
                evaluator);
    }

    /** The district's evaluations of the year published (绩效评价结果公开), by department, plan and number. */
    List<Row> published(String district, int year) {
        return jdbc.query("SELECT " + COLUMNS + " FROM plan_evaluation e WHERE district = ? AND fiscal_year = ? "
                + "AND published_at IS NOT NULL ORDER BY department_id, plan_key, number LIMIT " + MOST,
                EvaluationRows::row, district, year);
    }

    /** The years of the district with evaluations published, with how many each. */
    Map<Integer, Integer> publishedYears(String district) {
        Map<Integer, Integer> years = new TreeMap<>();
        jdbc.query("SELECT fiscal_year, count(*) FROM plan_evaluation WHERE district = ? AND published_at IS NOT NULL "
                + "GROUP BY fiscal_year", (row, n) -> years.put(row.getInt(1), row.getInt(2)), district);
        return years;
    }

    /** The most evaluations one list holds. */
    static final int MOST = 1000;

    private static Row row(ResultSet row, int n) throws SQLException {
        String verified = row.getString("verified");
        return new Row(row.getString("department_id"), row.getInt("fiscal_year"), row.getString("plan_key"),
                row.getInt("number"), row.getString("type"), row.getString("evaluator"),
                row.getString("evaluator_name"), row.getString("agency"), row.getObject("due", LocalDate.class),
                row.getString("focus"), instant(row, "commissioned_at"), row.getString("commissioned_by"),
                row.getString("status"), (Integer) row.getObject("scheme_version"), row.getBigDecimal("executed"),
                verified == null ? List.of() : List.of(RowJson.read(verified, VerifiedIndicator[].class)),
                row.getString("findings"), row.getString("problems"), row.getString("suggestions"),
                instant(row, "reported_at"), row.getString("return_reason"), row.getString("decision_note"),
                instant(row, "decided_at"), row.getString("decided_by"), row.getString("published_channels"),
                instant(row, "published_at"), row.getString("plan_name"),
                row.getString("department_name"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
