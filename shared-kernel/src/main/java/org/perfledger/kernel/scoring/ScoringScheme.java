package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.perfledger.kernel.evaluation.Grade;

/**
 * How a district scores one kind of plan in one year: data that district finance sets (and versions), not code.
 * The seeds' conventions are all expressible: 20 分 × 执行率 + 80 分 of indicators (湖北/武汉), 预算执行率 10 分 + 90 分
 * (财政部 2020), and a 100-point table of 共性 and 个性 indicators with banded shortfalls and no separate execution
 * score (如皋 2023).
 *
 * @param execution          the budget execution score, or null when execution is not scored apart
 * @param partialCredit      the share of an indicator's weight that 部分达成 earns, in percent (e.g. 50)
 * @param shortfallBands     when not empty, a numeric indicator that falls short earns the credit of the highest band
 *                           its completion ratio reaches, instead of a proportional score
 * @param overrides          rules for particular indicators by code (e.g. 如皋's 预算执行率 scored in bands)
 * @param grades             grade thresholds, highest first; default ≥90 优秀, ≥80 良好, ≥60 中, else 差
 * @param source             where the scheme's rules come from (the published convention or the document that
 *                           states them), or null where it does not say
 * @param unpublished        true where no rule is published for these plans (a seed that prints scores but no rule):
 *                           the scheme is then the closest published convention, named in {@code source}, and every
 *                           figure held against it says "rule not published" 
 * @param plans              plans scored on another layout or basis than the district's (keyed by department and
 *                           plan: {@code scjgj/SPAQ}, {@code scjgj/department}), each with its own source: a
 *                           project table of another template, a report that divides by 调整后 where the district
 *                           divides by 年初
 */
public record ScoringScheme(ExecutionRule execution, BigDecimal partialCredit, List<Band> shortfallBands,
                            Map<String, IndicatorRule> overrides, List<GradeBand> grades, Precision precision,
                            String source, Boolean unpublished, Map<String, PlanLayout> plans) {

    public ScoringScheme {
        Objects.requireNonNull(partialCredit, "partialCredit");
        shortfallBands = List.copyOf(shortfallBands);
        overrides = Map.copyOf(overrides);
        grades = List.copyOf(grades);
        Objects.requireNonNull(precision, "precision");
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        unpublished = Boolean.TRUE.equals(unpublished);
    }

    public ScoringScheme(ExecutionRule execution, BigDecimal partialCredit, List<Band> shortfallBands,
                         Map<String, IndicatorRule> overrides, List<GradeBand> grades, Precision precision) {
        this(execution, partialCredit, shortfallBands, overrides, grades, precision, null, false, Map.of());
    }

    /**
     * One plan's departure from the district's layout: its execution score worth another weight, or its rate divided by
     * another budget (null: as the district's), and where that comes from.
     */
    public record PlanLayout(BigDecimal executionWeight, BudgetBase base, String source) {
    }

    /**
     * The scheme as it applies to one plan: the district's, or its execution rule with the plan's weight and base where
     * the scheme names the plan.
     */
    public ScoringScheme forPlan(String department, String planKey) {
        PlanLayout layout = plans.get(department + "/" + planKey);
        if (layout == null || execution == null) {
            return this;
        }
        ExecutionRule rule = new ExecutionRule(layout.executionWeight() != null ? layout.executionWeight()
                : execution.weight(), layout.base() != null ? layout.base() : execution.base(), execution.capped(),
                execution.bands());
        return new ScoringScheme(rule, partialCredit, shortfallBands, overrides, grades, precision,
                layout.source(), unpublished, Map.of());
    }

    /** Which budget the execution rate divides by. */
    public enum BudgetBase {
        /** 年初预算. */
        INITIAL,
        /** 调整后预算 (全年预算数), as the templates' notes say. */
        ADJUSTED
    }

    /**
     * Budget execution worth {@code weight} points: weight × 执行率, capped at the weight when {@code capped}; or, when
     * {@code bands} is not empty, the credit of the highest band the rate reaches.
     */
    public record ExecutionRule(BigDecimal weight, BudgetBase base, boolean capped, List<Band> bands) {

        public ExecutionRule {
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(base, "base");
            bands = List.copyOf(bands);
        }
    }

    /** From a ratio (in percent) of at least {@code atLeast}, {@code credit} percent of the weight. */
    public record Band(BigDecimal atLeast, BigDecimal credit) {

        public Band {
            Objects.requireNonNull(atLeast, "atLeast");
            Objects.requireNonNull(credit, "credit");
        }
    }

    /** How one indicator is scored. */
    public enum RuleType {
        /** weight × actual / target, capped at the weight (higher is better). */
        PROPORTIONAL,
        /** Lower is better: within the ceiling earns the weight; above it, weight × ceiling / actual (0 for a 0 ceiling). */
        REVERSE,
        /** 达成 / 部分达成 / 未达成 → the weight / the partial credit / nothing. */
        QUALITATIVE,
        /** The credit of the highest band the completion ratio reaches. */
        BANDED
    }

    /** A rule for one indicator; {@code bands} only for {@link RuleType#BANDED}. */
    public record IndicatorRule(RuleType type, List<Band> bands) {

        public IndicatorRule {
            Objects.requireNonNull(type, "type");
            bands = List.copyOf(bands);
        }
    }

    public record GradeBand(Grade grade, BigDecimal atLeast) {

        public GradeBand {
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(atLeast, "atLeast");
        }
    }

    /** Decimals the tables print: rates (执行率, 偏差率) and scores. */
    public record Precision(int rateDecimals, int scoreDecimals) {
    }

    public static List<GradeBand> defaultGrades() {
        return List.of(new GradeBand(Grade.EXCELLENT, BigDecimal.valueOf(90)),
                new GradeBand(Grade.GOOD, BigDecimal.valueOf(80)),
                new GradeBand(Grade.FAIR, BigDecimal.valueOf(60)),
                new GradeBand(Grade.POOR, BigDecimal.ZERO));
    }

    /** 湖北 / 武汉 project tables: 20 分 × 执行率 over the given budget, capped, and 80 分 of indicators. */
    public static ScoringScheme hubei(BudgetBase base, int rateDecimals) {
        return new ScoringScheme(new ExecutionRule(BigDecimal.valueOf(20), base, true, List.of()),
                BigDecimal.valueOf(50), List.of(), Map.of(), defaultGrades(), new Precision(rateDecimals, 2));
    }

    /** 财政部 2020 project self-evaluation: 预算执行率 10 分 over the adjusted budget, 90 分 of indicators. */
    public static ScoringScheme ministryOfFinance2020() {
        return new ScoringScheme(new ExecutionRule(BigDecimal.TEN, BudgetBase.ADJUSTED, true, List.of()),
                BigDecimal.valueOf(50), List.of(), Map.of(), defaultGrades(), new Precision(2, 2));
    }
}
