package org.perfledger.kernel.budget;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/** A department's budget for a fiscal year was opened with its initial appropriation (年初预算数). */
@EventType(name = "DepartmentBudgetOpened", version = 1)
public record DepartmentBudgetOpened(DepartmentId department, FiscalYear year, WanYuan initialAmount)
        implements PerfLedgerEvent {

    public DepartmentBudgetOpened {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(initialAmount, "initialAmount");
    }

    @Override
    public DistrictId district() {
        return department.district();
    }
}
