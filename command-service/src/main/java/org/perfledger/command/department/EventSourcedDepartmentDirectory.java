package org.perfledger.command.department;

import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.organisation.DepartmentId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Looks the department up in the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedDepartmentDirectory implements DepartmentDirectory {

    private final Repository<Department> departments;

    EventSourcedDepartmentDirectory(@Lazy Repository<Department> departments) {
        this.departments = departments;
    }

    @Override
    public void requireRegistered(DepartmentId department) {
        if (EventSourcedLookup.find(departments, Department.aggregateId(department), found -> true).isEmpty()) {
            throw new DomainRejection(Kind.NOT_FOUND, "department.unknown", "department",
                    "department " + department + " is not registered");
        }
    }
}
