package org.perfledger.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.plan.PlanView.Coded;
import org.perfledger.query.readmodel.RowJson;

/** The read model's columns as the plan's document shows them: money, rates, codes with labels, instants, JSON. */
final class PlanColumns {

    private PlanColumns() {
    }

    /** A rate as the tables print it, HALF_UP to two decimals from the unrounded ratio; null over a zero budget. */
    static String rate(WanYuan part, WanYuan whole) {
        return whole.isZero() ? null : Percentage.ofRatio(part, whole).rounded(2).toPlainString();
    }

    static <E extends Enum<E> & Labelled> Coded coded(E value) {
        return new Coded(value.name(), value.label());
    }

    static WanYuan money(ResultSet row, int column) throws SQLException {
        return new WanYuan(row.getBigDecimal(column));
    }

    static WanYuan money(ResultSet row, String column) throws SQLException {
        return new WanYuan(row.getBigDecimal(column));
    }

    static WanYuan nullableMoney(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : new WanYuan(value);
    }

    /** A timestamp column as an instant, or null. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** A JSON column as a tree, or null. */
    static JsonNode json(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : RowJson.tree(text);
    }

    static List<String> units(String json) {
        return json == null ? List.of() : List.of(RowJson.read(json, String[].class));
    }

    static Object[] append(Object[] key, Object value) {
        Object[] all = Arrays.copyOf(key, key.length + 1);
        all[key.length] = value;
        return all;
    }

    /** A project's 项目类型 as the read model keeps them, their names comma-separated. */
    static List<Coded> types(String names) {
        return names == null || names.isEmpty() ? List.of()
                : Arrays.stream(names.split(",")).map(name -> coded(ProjectType.valueOf(name))).toList();
    }
}
