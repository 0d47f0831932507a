package org.perfledger.kernel.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/** The use of a year's evaluation results (评价结果应用): finance's rules, its proposals, and the budget that follows. */
public final class ResultEvents {

    private ResultEvents() {
    }

    /**
     * District finance sets, for the plans of a year, what each final grade does to next year's budget (version by
     * version): one rule for every grade; {@code source} says where the rules come from, where stated.
     */
    @EventType(name = "ResultUseRulesSet", version = 1)
    public record ResultUseRulesSet(DistrictId district, FiscalYear year, int version, Map<Grade, ResultRule> rules,
                                    String source) implements PerfLedgerEvent {

        public ResultUseRulesSet {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            rules = Collections.unmodifiableMap(new EnumMap<>(rules));
        }
    }

    /**
     * Finance draws up next year's budget proposal for the plan from its final grade: what the rules (of
     * {@code rulesVersion}) say, {@code ruleAction} and {@code ruleProposed} from this year's {@code base}; and what
     * finance proposes, the same or, overriding them, another action or amount with its {@code overrideReason}. The
     * grade is that of the plan's accepted 财政重点评价 number {@code evaluation}, or, where it has none (null), its
     * self-evaluation's.
     */
    @EventType(name = "BudgetProposed", version = 1)
    public record BudgetProposed(PlanId plan, int number, Grade grade, int rulesVersion, ResultRule ruleAction,
                                 WanYuan base, WanYuan ruleProposed, ResultRule action, WanYuan proposed,
                                 String overrideReason, Integer evaluation) implements PlanEvent {

        /** A proposal from the self-evaluation's grade. */
        public BudgetProposed(PlanId plan, int number, Grade grade, int rulesVersion, ResultRule ruleAction,
                              WanYuan base, WanYuan ruleProposed, ResultRule action, WanYuan proposed,
                              String overrideReason) {
            this(plan, number, grade, rulesVersion, ruleAction, base, ruleProposed, action, proposed, overrideReason,
                    null);
        }

        public BudgetProposed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(ruleAction, "ruleAction");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(ruleProposed, "ruleProposed");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(proposed, "proposed");
        }

        public boolean overridden() {
            return overrideReason != null;
        }
    }

    /**
     * The budget just opened rests on last year's result: the plan of {@code priorYear} (same department and project)
     * was graded {@code grade}, and finance's proposal {@code proposalNumber} was {@code action}, {@code proposed}.
     */
    @EventType(name = "BudgetBasedOnResults", version = 1)
    public record BudgetBasedOnResults(PlanId plan, FiscalYear priorYear, int proposalNumber, Grade grade,
                                       ResultRule action, WanYuan proposed, WanYuan opened) implements PlanEvent {

        public BudgetBasedOnResults {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(priorYear, "priorYear");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(proposed, "proposed");
            Objects.requireNonNull(opened, "opened");
        }
    }
}
