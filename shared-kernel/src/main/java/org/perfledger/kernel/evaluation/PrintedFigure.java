package org.perfledger.kernel.evaluation;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * A figure a self-evaluation prints beyond its scores, kept as printed (at its printed precision) so that it can be
 * checked: against the plan's own facts (资金到位率, the 偏差率 of 执行率, a 一级指标's 小计, the 合计 of 分值, the
 * execution row's 分值, the 执行数 or the 调整后预算 it prints), or against the other figures it prints beside it (a sum
 * and its parts, a quotient and its numerator and denominator, as a narrative's "占全年任务118%" of 434 / 367).
 *
 * @param label   what the document calls it, for the reader ("资金到位率", "CD.3.1 占全年任务")
 * @param kind    how it is checked
 * @param subject the 一级指标 a 小计 belongs to; null for the other kinds
 * @param value   the figure as printed (a percentage in percent); travels as a decimal string, so its printed
 *                decimals survive every JSON round trip (93.00 stays 93.00)
 * @param parts   the printed figures it is made of: the parts of a {@link Kind#SUM}, the numerator and denominator of a
 *                {@link Kind#QUOTIENT}; empty for the other kinds
 */
public record PrintedFigure(String label, Kind kind, String subject,
                            @JsonSerialize(using = ToStringSerializer.class) BigDecimal value,
                            @JsonSerialize(contentUsing = ToStringSerializer.class) List<BigDecimal> parts) {

    public static final int MAX_LABEL = 100;
    public static final int MAX_PARTS = 20;
    /** A self-evaluation prints at most this many figures of its own. */
    public static final int MAX_FIGURES = 200;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

    /** How a printed figure is checked. */
    public enum Kind {
        /** 资金到位率: 到位 ÷ 调整后预算 × 100. */
        FUNDING_RATE,
        /** The 偏差率 of 执行率: 执行率 − 100, as a percentage of the 100% target. */
        EXECUTION_DEVIATION,
        /** A 一级指标's 小计 of 分值: the 分值 set for its indicators. */
        SUBTOTAL_WEIGHT,
        /** A 一级指标's 小计 of 得分: the 得分 reported for its indicators. */
        SUBTOTAL_SCORE,
        /** A 一级指标's 得分率: its 小计 of 得分 ÷ its 小计 of 分值 × 100. */
        SUBTOTAL_RATE,
        /** The 合计 of 分值: the execution row's and every indicator's. */
        TOTAL_WEIGHT,
        /** The execution row's 分值: the scheme's, for this plan. */
        EXECUTION_WEIGHT,
        /** The 执行数 printed: what the plan's spending adds up to. */
        EXECUTED,
        /** The 调整后预算 (全年预算数) printed: the 年初预算 with every adjustment. */
        ADJUSTED_BUDGET,
        /** A sum printed beside its parts. */
        SUM,
        /** A percentage printed beside its numerator and denominator: numerator ÷ denominator × 100. */
        QUOTIENT
    }

    public PrintedFigure {
        Checks.requireText(label, "a printed figure's label", MAX_LABEL);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.abs().compareTo(MAX_VALUE) > 0 || value.scale() > 4) {
            throw new InvalidValueException("printed.value", "a printed figure is at most " + MAX_VALUE.toPlainString()
                    + " with at most 4 decimals, got " + value.toPlainString());
        }
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (parts.size() > MAX_PARTS) {
            throw new InvalidValueException("printed.parts", "a printed figure has at most " + MAX_PARTS + " parts");
        }
        for (BigDecimal part : parts) {
            if (part == null || part.abs().compareTo(MAX_VALUE) > 0 || part.scale() > 4) {
                throw new InvalidValueException("printed.parts", "a part is a number of at most "
                        + MAX_VALUE.toPlainString() + " with at most 4 decimals");
            }
        }
        boolean subtotal = kind == Kind.SUBTOTAL_WEIGHT || kind == Kind.SUBTOTAL_SCORE || kind == Kind.SUBTOTAL_RATE;
        if (subtotal) {
            Checks.requireText(subject, "the 一级指标 of a 小计", MAX_LABEL);
        }
        if (kind == Kind.SUM && parts.size() < 2) {
            throw new InvalidValueException("printed.parts", "a sum is printed with at least two parts");
        }
        if (kind == Kind.QUOTIENT && parts.size() != 2) {
            throw new InvalidValueException("printed.parts", "a quotient is printed with its numerator and "
                    + "denominator");
        }
        if (kind != Kind.SUM && kind != Kind.QUOTIENT && !parts.isEmpty()) {
            throw new InvalidValueException("printed.parts", "only a sum or a quotient has parts");
        }
    }
}
