package org.perfledger.command.planning;

import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.plan.PlanId;

/**
 * A command to one plan. {@link PlanTargetResolver} routes it by {@link #plan()} and checks {@link #expectedVersion()}
 * (from {@code If-Match}) against the plan's version, so a stale write gets 409 instead of overwriting.
 */
public interface PlanCommand extends DistrictCommand {

    PlanId plan();

    /** The plan version the caller saw, or null to act on whatever is current. */
    Long expectedVersion();

    @Override
    default DistrictId district() {
        return plan().district();
    }

    @Override
    default String departmentCode() {
        return plan().department().code().value();
    }
}
