package org.perfledger.command.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.perfledger.command.platform.FieldError;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.performance.Target;

/**
 * A filled-in 自评表 as read from a workbook, every value with the address of the cell it came from so that a refusal
 * can point at it. Cells that could not be read are in {@code unreadable}, their values null.
 *
 * @param sheet      the sheet's name, as Excel shows it on the tab
 * @param executionWeight the execution row's 分值, where the table prints one
 * @param tableRow   the address of the indicator table's header (一级指标), where a missing indicator is reported
 * @param sums       the table's 小计 per 一级指标 and its 合计, checked against its rows as it is read
 * @param unreadable every cell whose content broke a rule of its column, found while reading
 */
public record SelfEvaluationTable(String sheet, Cell<WanYuan> budget, Cell<WanYuan> executed,
                                  Cell<BigDecimal> executionRate, Cell<Points> executionWeight,
                                  Cell<Points> executionScore, String tableRow, List<IndicatorRow> indicators,
                                  List<SumRow> sums, Cell<TotalScore> total, Cell<Grade> grade,
                                  Cell<String> deviationAnalysis, Cell<String> improvementMeasures,
                                  Cell<String> resultsUse, Cell<String> publicationPlan, List<FieldError> unreadable) {

    public SelfEvaluationTable {
        indicators = List.copyOf(indicators);
        sums = List.copyOf(sums);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * A value and the cell it came from, e.g. {@code E12}. The value is null when the cell is empty or unreadable; the
     * address is that of the row's label when the table has no such row at all.
     */
    public record Cell<T>(String address, T value) {

        public boolean isEmpty() {
            return value == null;
        }
    }

    /**
     * A sum the table prints: a 一级指标's 小计 ({@code level1} its name) or the 合计 of the whole table (null), with
     * its 分值, its 得分 and, for a 小计, the 得分率 between them; any cell may be empty.
     */
    public record SumRow(String level1, Cell<Points> weight, Cell<Points> score, Cell<BigDecimal> rate) {
    }

    /** One row of the indicator table: 一级 / 二级 / 三级指标, 年初目标值, 实际完成值, 分值, 得分, 偏差原因. */
    public record IndicatorRow(int row, Cell<String> level1, Cell<String> level2, Cell<String> name,
                               Cell<String> target, Cell<Target> actual, Cell<Points> weight, Cell<Points> score,
                               Cell<String> reason) {
    }
}
