package org.perfledger.query.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.query.scoring.Scorecards.ScorecardView;

/**
 * The sums a 自评表 prints under its indicators, as the seeds print them: a 小计 per 一级指标 (its 分值, its 得分 and the
 * 得分率 between them, HALF_UP to two decimals from the unrounded ratio) and the 合计 of the table with the execution
 * row. A sum that needs an unset 分值 or a missing score is left empty rather than made up. The import reads them back
 * and checks them against the rows.
 */
final class TableSumRows {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TableSumRows() {
    }

    /** Writes the 小计 rows and the 合计 from row {@code r}; returns the next free row. */
    static int write(Sheet sheet, int r, List<Map<String, Object>> indicators, ScorecardView card, CellStyle label,
                     CellStyle text, CellStyle number) {
        Map<String, BigDecimal[]> byLevel = new LinkedHashMap<>();
        BigDecimal[] all = {BigDecimal.ZERO, BigDecimal.ZERO};
        Scorecard.ExecutionScore execution = card == null ? null : card.scorecard().execution();
        if (execution != null) {
            all = new BigDecimal[] {execution.weight(), execution.score()};
        }
        for (Map<String, Object> indicator : indicators) {
            BigDecimal weight = (BigDecimal) indicator.get("weight");
            BigDecimal score = card == null ? null : card.scorecard().indicators().stream()
                    .filter(s -> s.code().equals(indicator.get("code"))).findFirst()
                    .map(Scorecard.IndicatorScore::score).orElse(null);
            BigDecimal[] level = byLevel.computeIfAbsent((String) indicator.get("level1"),
                    key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            add(level, weight, score);
            add(all, weight, score);
        }
        for (Map.Entry<String, BigDecimal[]> level : byLevel.entrySet()) {
            Row row = sheet.createRow(r++);
            Printing.text(row, 0, "小计", label);
            Printing.text(row, 1, IndicatorLevel1.valueOf(level.getKey()).label(), label);
            fill(row, level.getValue(), text, number, true);
        }
        Row total = sheet.createRow(r++);
        Printing.text(total, 0, "合计", label);
        Printing.text(total, 1, "", text);
        fill(total, all, text, number, false);
        return r;
    }

    /** Adds a row's points to a sum; an unknown one makes the sum unknown (null). */
    private static void add(BigDecimal[] sum, BigDecimal weight, BigDecimal score) {
        sum[0] = sum[0] == null || weight == null ? null : sum[0].add(weight);
        sum[1] = sum[1] == null || score == null ? null : sum[1].add(score);
    }

    private static void fill(Row row, BigDecimal[] sum, CellStyle text, CellStyle number, boolean withRate) {
        for (int c = 2; c <= 4; c++) {
            Printing.text(row, c, "", text);
        }
        Printing.number(row, 5, sum[0], number);
        Printing.number(row, 6, sum[1], number);
        boolean rated = withRate && sum[0] != null && sum[1] != null && sum[0].signum() > 0;
        Printing.text(row, 7, rated ? "得分率 " + sum[1].multiply(HUNDRED).divide(sum[0], MathContext.DECIMAL128)
                .setScale(2, RoundingMode.HALF_UP).toPlainString() + "%" : "", text);
    }
}
