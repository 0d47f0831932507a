package org.perfledger.command.budget;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/** Open a department's budget for a fiscal year with its initial appropriation (年初预算数). */
public record OpenDepartmentBudget(DepartmentId department, FiscalYear year, WanYuan initialAmount)
        implements DistrictCommand {

    public OpenDepartmentBudget {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(initialAmount, "initialAmount");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return DepartmentBudget.aggregateId(department, year);
    }

    @Override
    public DistrictId district() {
        return department.district();
    }
}
