package org.perfledger.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.warning.WarningLevel;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a department's dashboard shows beside its plans, read for the whole department-year at once, one query a
 * table, and handed out by plan: a dashboard costs the same few round trips whatever its number of plans.
 */
final class DashboardRows {

    /** An indicator as the read model holds it. */
    record Indicator(String code, String name, BigDecimal weight, String target, String latestActual,
                     LocalDate latestAsOf, TargetValue targetValue, TargetValue latestValue, Achievement achievement) {
    }

    /** A target adjustment waiting for finance. */
    record PendingAdjustment(int number, String code) {
    }

    /** A warning of finance still waiting for the department's answer. */
    record UnansweredWarning(int number, WarningLevel level, LocalDate respondBy) {
    }

    /** A rectification item (整改事项) waiting for the department's report. */
    record OpenRectification(int number, String issue, LocalDate deadline) {
    }

    private final Map<String, List<Indicator>> indicators = new HashMap<>();
    private final Map<String, Set<String>> reasons = new HashMap<>();
    private final Map<String, List<PendingAdjustment>> adjustments = new HashMap<>();
    private final Map<String, List<UnansweredWarning>> warnings = new HashMap<>();
    private final Map<String, List<OpenRectification>> rectifications = new HashMap<>();

    private DashboardRows() {
    }

    static DashboardRows read(JdbcTemplate jdbc, String district, String department, FiscalYear year) {
        DashboardRows rows = new DashboardRows();
        Object[] key = {district, department, year.value()};
        String where = " WHERE district = ? AND department_id = ? AND fiscal_year = ?";
        jdbc.query("SELECT plan_key, code, name, weight, target_text, latest_actual_text, latest_as_of, target_value, "
                + "latest_actual_value, latest_achievement FROM indicator" + where + " ORDER BY plan_key, position",
                (ResultSet row) -> {
                    rows.indicators.computeIfAbsent(row.getString(1), plan -> new ArrayList<>()).add(indicator(row));
                }, key);
        // the latest self-evaluation of each plan, for the indicators it gave a 偏差原因 for
        jdbc.query("SELECT DISTINCT ON (plan_key) plan_key, indicators::text FROM self_evaluation" + where
                + " ORDER BY plan_key, round DESC", (ResultSet row) -> {
                    rows.reasons.put(row.getString(1), withReasons(row.getString(2)));
                }, key);
        jdbc.query("SELECT plan_key, number, code FROM target_adjustment" + where + " AND status = 'requested' "
                + "ORDER BY plan_key, number", (ResultSet row) -> {
                    rows.adjustments.computeIfAbsent(row.getString(1), plan -> new ArrayList<>())
                            .add(new PendingAdjustment(row.getInt(2), row.getString(3)));
                }, key);
        jdbc.query("SELECT plan_key, number, level, respond_by FROM plan_warning" + where + " AND response IS NULL "
                + "ORDER BY plan_key, number", (ResultSet row) -> {
                    rows.warnings.computeIfAbsent(row.getString(1), plan -> new ArrayList<>()).add(
                            new UnansweredWarning(row.getInt(2), WarningLevel.valueOf(row.getString(3)),
                                    row.getObject(4, LocalDate.class)));
                }, key);
        jdbc.query("SELECT plan_key, number, issue, deadline FROM rectification" + where + " AND status = 'open' "
                + "ORDER BY plan_key, number", (ResultSet row) -> {
                    rows.rectifications.computeIfAbsent(row.getString(1), plan -> new ArrayList<>()).add(
                            new OpenRectification(row.getInt(2), row.getString(3), row.getObject(4, LocalDate.class)));
                }, key);
        return rows;
    }

    List<Indicator> indicators(String plan) {
        return indicators.getOrDefault(plan, List.of());
    }

    /** The indicators the plan's latest self-evaluation gave a 偏差原因 for. */
    Set<String> reasonsGiven(String plan) {
        return reasons.getOrDefault(plan, Set.of());
    }

    List<PendingAdjustment> pendingAdjustments(String plan) {
        return adjustments.getOrDefault(plan, List.of());
    }

    List<UnansweredWarning> unansweredWarnings(String plan) {
        return warnings.getOrDefault(plan, List.of());
    }

    List<OpenRectification> openRectifications(String plan) {
        return rectifications.getOrDefault(plan, List.of());
    }

    private static Indicator indicator(ResultSet row) throws SQLException {
        return new Indicator(row.getString(2), row.getString(3), row.getBigDecimal(4), row.getString(5),
                row.getString(6), row.getObject(7, LocalDate.class), value(row.getString(8)), value(row.getString(9)),
                row.getString(10) == null ? null : Achievement.valueOf(row.getString(10)));
    }

    private static Set<String> withReasons(String indicators) {
        Set<String> given = new HashSet<>();
        try {
            for (JsonNode node : EventEnvelopeCodec.mapper().readTree(indicators)) {
                if (node.hasNonNull("deviationReason") && !node.get("deviationReason").asText().isBlank()) {
                    given.add(node.get("indicator").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return given;
    }

    private static TargetValue value(String json) {
        return json == null ? null : RowJson.read(json, TargetValue.class);
    }
}
