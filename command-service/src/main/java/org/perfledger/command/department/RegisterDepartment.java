package org.perfledger.command.department;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.security.Role;

/** Register a department (部门/单位) in its district. */
@SentBy(Role.DISTRICT_FINANCE)
public record RegisterDepartment(DepartmentId department, String name) implements DistrictCommand {

    public RegisterDepartment {
        Objects.requireNonNull(department, "department");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Department.aggregateId(department);
    }

    @Override
    public DistrictId district() {
        return department.district();
    }
}
