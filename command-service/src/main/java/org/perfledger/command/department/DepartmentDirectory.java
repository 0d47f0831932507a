package org.perfledger.command.department;

import org.perfledger.kernel.organisation.DepartmentId;

/** Answers whether a department is registered, for commands of other aggregates that need one. */
@FunctionalInterface
public interface DepartmentDirectory {

    /** @throws org.perfledger.command.platform.DomainRejection (NOT_FOUND) when it is not */
    void requireRegistered(DepartmentId department);
}
