package org.perfledger.kernel.organisation;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;

/** A department (部门/单位) joined its district on PerfLedger. */
@EventType(name = "DepartmentRegistered", version = 1)
public record DepartmentRegistered(DepartmentId department, String name) implements PerfLedgerEvent {

    public DepartmentRegistered {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public DistrictId district() {
        return department.district();
    }
}
