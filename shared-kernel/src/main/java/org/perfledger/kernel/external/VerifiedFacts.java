package org.perfledger.kernel.external;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.scoring.PlanFacts;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;

/**
 * What an evaluation scores: the plan's own figures, with what its evaluator verified in their place — the spending
 * it found, and each indicator's 实际完成值 and judgement where it states them. What it does not state stands as the
 * department recorded it. One rule for the command side (the grade the use of results goes by) and the views.
 */
public final class VerifiedFacts {

    private VerifiedFacts() {
    }

    /** The plan's facts as verified: {@code executed} null keeps the recorded spending. */
    public static PlanFacts of(PlanFacts recorded, WanYuan executed, List<VerifiedIndicator> verified) {
        Map<String, VerifiedIndicator> byCode = new HashMap<>();
        verified.forEach(indicator -> byCode.put(indicator.indicator().value(), indicator));
        List<IndicatorFacts> indicators = recorded.indicators().stream().map(indicator -> {
            VerifiedIndicator check = byCode.get(indicator.code());
            if (check == null) {
                return indicator;
            }
            return new IndicatorFacts(indicator.code(), indicator.name(), indicator.weight(), indicator.target(),
                    check.actual() != null ? check.actual().value() : indicator.actual(),
                    check.achievement() != null ? check.achievement() : indicator.achievement());
        }).toList();
        return new PlanFacts(recorded.initialBudget(), recorded.adjustedBudget(),
                executed != null ? executed : recorded.executed(), indicators, recorded.budgetUnstated());
    }
}
