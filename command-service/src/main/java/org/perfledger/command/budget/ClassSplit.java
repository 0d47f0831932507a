package org.perfledger.command.budget;

import static org.perfledger.command.planning.PlanRules.nonNegative;
import static org.perfledger.command.planning.PlanRules.sum;

import java.util.Map;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;

/**
 * How a plan's budget is split by expenditure class, as a policy: a project's money is all 项目支出; a department-wide
 * budget divides 基本支出 into 人员经费 and 公用经费, keeps it whole as 基本支出 (where its source does not divide it), or
 * states no split; and what is charged must follow the split.
 *
 * @param divided 基本支出 divided into 人员经费 and 公用经费
 * @param whole   基本支出 kept whole
 */
record ClassSplit(boolean divided, boolean whole) {

    static final ClassSplit NONE = new ClassSplit(false, false);

    /**
     * The split a budget of {@code total} (its funding sources' sum) opens with: none where no classes are given;
     * refused for a project (all 项目支出), for classes that do not sum to the total, and for one that both divides
     * 基本支出 and keeps it whole.
     */
    static ClassSplit opening(PlanId plan, Map<ExpenditureClass, WanYuan> classes, WanYuan total) {
        if (classes.isEmpty()) {
            return NONE;
        }
        if (!plan.departmentWide()) {
            throw new DomainRejection(Kind.RULE, "budget.classes-project", "classes",
                    "a project's budget is all 项目支出; only a department-wide budget is split into classes");
        }
        classes.forEach((type, amount) -> nonNegative("classes." + type.name(), amount));
        ClassSplit split = of(classes);
        WanYuan classTotal = sum("classes", classes.values());
        if (!classTotal.equals(total)) {
            throw new DomainRejection(Kind.RULE, "budget.classes-sum", "classes", "the classes sum to "
                    + classTotal + " but the funding sources to " + total + "; they must agree");
        }
        return split;
    }

    /** The split of the classes a budget opens with; refused where it both divides 基本支出 and keeps it whole. */
    static ClassSplit of(Map<ExpenditureClass, WanYuan> classes) {
        ClassSplit split = new ClassSplit(classes.keySet().stream().anyMatch(ExpenditureClass::dividesBasic),
                classes.containsKey(ExpenditureClass.BASIC));
        if (split.divided() && split.whole()) {
            throw new DomainRejection(Kind.RULE, "budget.basic-divided-and-whole", "classes", "基本支出 is either "
                    + "divided into 人员经费 and 公用经费 or kept whole as 基本支出, not both");
        }
        return split;
    }

    /**
     * The class a charge goes to: 项目支出 for a project; for a department-wide plan the one named (required where
     * {@code required}), which must be of the budget's split.
     */
    ExpenditureClass classFor(PlanId plan, ExpenditureClass given, boolean required) {
        if (!plan.departmentWide()) {
            if (given != null && given != ExpenditureClass.PROJECT) {
                throw new DomainRejection(Kind.RULE, "expenditure.class-project", "expenditureClass",
                        "a project's money is all 项目支出 (PROJECT); got " + given.label());
            }
            return ExpenditureClass.PROJECT;
        }
        if (given == null && required) {
            throw new DomainRejection(Kind.RULE, "expenditure.class-required", "expenditureClass", "a department-wide"
                    + " expenditure names its class: 人员经费 (PERSONNEL), 公用经费 (PUBLIC_FUNDS), 基本支出 (BASIC, where"
                    + " the budget does not divide it) or 项目支出 (PROJECT)");
        }
        if (given == ExpenditureClass.BASIC && divided) {
            throw new DomainRejection(Kind.RULE, "expenditure.basic-divided", "expenditureClass", "this budget divides "
                    + "基本支出 into 人员经费 and 公用经费: name which of them");
        }
        if (given != null && given.dividesBasic() && whole) {
            throw new DomainRejection(Kind.RULE, "expenditure.basic-whole", "expenditureClass", "this budget keeps "
                    + "基本支出 whole (its source does not divide it): charge 基本支出 (BASIC), not " + given.label());
        }
        return given;
    }
}
