package org.perfledger.kernel.plan;

import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DistrictId;

/** An event of one plan (a department's department-wide plan or one project, for one fiscal year). */
public interface PlanEvent extends PerfLedgerEvent {

    PlanId plan();

    @Override
    default DistrictId district() {
        return plan().district();
    }
}
