package org.perfledger.kernel.budget;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/**
 * A department's budget for a year was adjusted (调整) from one amount to another, for a reason, under a document.
 * Both ends are kept so that every figure can be traced: 6352.76 → 6273.65, who, when, why, which 文号.
 */
@EventType(name = "DepartmentBudgetAdjusted", version = 1)
public record DepartmentBudgetAdjusted(
        DepartmentId department,
        FiscalYear year,
        WanYuan from,
        WanYuan to,
        String reason,
        DocumentNumber documentNumber) implements PerfLedgerEvent {

    public DepartmentBudgetAdjusted {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(documentNumber, "documentNumber");
    }

    @Override
    public DistrictId district() {
        return department.district();
    }

    public WanYuan change() {
        return to.minus(from);
    }
}
