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
 * @param tableRow   the address of the indicator table's header (一级指标), where a missing indicator is reported
 * @param unreadable every cell whose content broke a rule of its column, found while reading
 */
public record SelfEvaluationTable(String sheet, Cell<WanYuan> budget, Cell<WanYuan> executed,
                                  Cell<BigDecimal> executionRate, Cell<Points> executionScore, String tableRow,
                                  List<IndicatorRow> indicators, Cell<TotalScore> total, Cell<Grade> grade,
                                  Cell<String> deviationAnalysis, Cell<String> improvementMeasures,
                                  Cell<String> resultsUse, Cell<String> publicationPlan, List<FieldError> unreadable) {

    public SelfEvaluationTable {
        indicators = List.copyOf(indicators);
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

    /** One row of the indicator table: 一级 / 二级 / 三级指标, 年初目标值, 实际完成值, 分值, 得分, 偏差原因. */
    public record IndicatorRow(int row, Cell<String> level1, Cell<String> level2, Cell<String> name,
                               Cell<String> target, Cell<Target> actual, Cell<Points> weight, Cell<Points> score,
                               Cell<String> reason) {
    }
}
