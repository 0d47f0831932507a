package org.perfledger.kernel.external;

import java.util.List;
import org.perfledger.kernel.security.Role;
import org.perfledger.kernel.validation.Labelled;

/**
 * The evaluations of a plan beyond its self-evaluation: 部门评价, which a department commissions over its own plans and
 * units, and 财政重点评价, which district finance commissions, often from a third-party agency. The latter's grade is
 * the one the use of results (结果应用) goes by.
 */
public enum EvaluationType implements Labelled {
    DEPARTMENT("部门评价", Role.DEPARTMENT_EDITOR),
    FINANCE_KEY("财政重点评价", Role.DISTRICT_FINANCE);

    private final String label;
    private final Role commissioner;

    EvaluationType(String label, Role commissioner) {
        this.label = label;
        this.commissioner = commissioner;
    }

    /** Who answers for an evaluation of this type: commissions it, and accepts or returns its report. */
    public Role commissioner() {
        return commissioner;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of(name().toLowerCase().replace('_', '-'));
    }
}
