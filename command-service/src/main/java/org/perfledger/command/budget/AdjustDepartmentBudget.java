package org.perfledger.command.budget;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/**
 * Adjust a department's budget for a year to a new amount, for a reason, under a document (文号).
 *
 * @param expectedVersion the budget version the caller saw (from {@code If-Match}); null to adjust whatever is current
 */
public record AdjustDepartmentBudget(
        DepartmentId department,
        FiscalYear year,
        WanYuan newAmount,
        String reason,
        DocumentNumber documentNumber,
        @TargetAggregateVersion Long expectedVersion) implements DistrictCommand {

    public AdjustDepartmentBudget {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(newAmount, "newAmount");
        Objects.requireNonNull(documentNumber, "documentNumber");
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
