package org.perfledger.command.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.perfledger.command.evaluation.SelfEvaluationTable.Cell;
import org.perfledger.command.evaluation.SelfEvaluationTable.IndicatorRow;
import org.perfledger.command.evaluation.SelfEvaluationTable.SumRow;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.kernel.performance.Points;

/**
 * The sums a 自评表 prints beside its rows, held against the rows: each 一级指标's 小计 (its 分值, its 得分 and the
 * 得分率 between them) and the 合计 of the whole table, with the execution row's 分值 and 得分. A sum is derived, so
 * PerfLedger keeps none of them; one that does not add up is refused at its cell, the figure it should be named,
 * so the department corrects it (or clears it) rather than filing a table that contradicts itself.
 */
final class TableSums {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TableSums() {
    }

    /** Each sum row against the rows it adds up; every disagreement is rejected into {@code fields}. */
    static void check(List<IndicatorRow> indicators, List<SumRow> sums, Cell<Points> executionWeight,
                      Cell<Points> executionScore, RequestFields fields) {
        for (SumRow sum : sums) {
            List<IndicatorRow> rows = sum.level1() == null ? indicators : indicators.stream()
                    .filter(row -> sum.level1().equals(row.level1().value())).toList();
            String what = sum.level1() == null ? "合计" : sum.level1() + "小计";
            boolean whole = sum.level1() == null;
            BigDecimal weights = added(rows, IndicatorRow::weight, whole ? executionWeight : null);
            BigDecimal scores = added(rows, IndicatorRow::score, whole ? executionScore : null);
            agree(fields, sum.weight(), weights, what + " 分值", "the 分值 of its rows");
            agree(fields, sum.score(), scores, what + " 得分", "the 得分 of its rows");
            Cell<BigDecimal> rate = sum.rate();
            if (rate != null && rate.value() != null) {
                BigDecimal weight = sum.weight().value() != null ? sum.weight().value().value() : weights;
                BigDecimal score = sum.score().value() != null ? sum.score().value().value() : scores;
                if (weight == null || score == null || weight.signum() == 0) {
                    fields.reject(rate.address(), "workbook.sum", rate.address() + " (" + what + " 得分率): there is no "
                            + "分值 and 得分 to divide");
                } else {
                    BigDecimal expected = score.multiply(HUNDRED).divide(weight, MathContext.DECIMAL128)
                            .setScale(Math.max(rate.value().scale(), 0), RoundingMode.HALF_UP);
                    if (expected.compareTo(rate.value()) != 0) {
                        fields.reject(rate.address(), "workbook.sum", rate.address() + " (" + what + " 得分率): "
                                + rate.value().toPlainString() + "% is not " + score.toPlainString() + " ÷ "
                                + weight.toPlainString() + " = " + expected.toPlainString() + "%");
                    }
                }
            }
        }
    }

    /** The sum of the rows' points (and the execution row's), or null when a row leaves its cell empty. */
    private static BigDecimal added(List<IndicatorRow> rows, Function<IndicatorRow, Cell<Points>> column,
                                    Cell<Points> execution) {
        BigDecimal sum = BigDecimal.ZERO;
        for (IndicatorRow row : rows) {
            Points points = column.apply(row).value();
            if (points == null) {
                return null;
            }
            sum = sum.add(points.value());
        }
        if (execution != null) {
            if (execution.value() == null) {
                return null;
            }
            sum = sum.add(execution.value().value());
        }
        return sum;
    }

    private static void agree(RequestFields fields, Cell<Points> printed, BigDecimal rows, String what, String of) {
        if (printed == null || printed.value() == null) {
            return;
        }
        if (rows == null) {
            fields.reject(printed.address(), "workbook.sum", printed.address() + " (" + what + "): " + of
                    + " cannot be added up: a row leaves it empty or unreadable");
        } else if (rows.compareTo(printed.value().value()) != 0) {
            fields.reject(printed.address(), "workbook.sum", printed.address() + " (" + what + "): "
                    + printed.value() + " is not " + of + ", which add up to " + rows.stripTrailingZeros()
                    .toPlainString());
        }
    }
}
