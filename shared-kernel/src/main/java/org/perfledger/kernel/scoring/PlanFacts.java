package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.TargetValue;

/**
 * What scoring needs of a plan: its budget figures and its indicators with their latest actuals.
 *
 * @param budgetUnstated the documents state no budget: the figures are 0, not a budget of 0, and there is no 执行率
 */
public record PlanFacts(WanYuan initialBudget, WanYuan adjustedBudget, WanYuan executed, List<IndicatorFacts> indicators,
                        boolean budgetUnstated) {

    public PlanFacts {
        Objects.requireNonNull(initialBudget, "initialBudget");
        Objects.requireNonNull(adjustedBudget, "adjustedBudget");
        Objects.requireNonNull(executed, "executed");
        indicators = List.copyOf(indicators);
    }

    public PlanFacts(WanYuan initialBudget, WanYuan adjustedBudget, WanYuan executed, List<IndicatorFacts> indicators) {
        this(initialBudget, adjustedBudget, executed, indicators, false);
    }

    /**
     * @param weight      the 分值, or null when none is set (not printed)
     * @param actual      the latest completion's value, or null when none was recorded
     * @param achievement the department's judgement of a qualitative target, or null
     */
    public record IndicatorFacts(String code, String name, BigDecimal weight, TargetValue target,
                                 TargetValue actual, Achievement achievement) {

        public IndicatorFacts {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(target, "target");
        }
    }
}
