package org.perfledger.command.platform;

import org.perfledger.kernel.organisation.DistrictId;

/** Every command names the district it acts in; it must match the district of the request that sent it. */
public interface DistrictCommand {

    DistrictId district();

    /** The department the command writes, for the editor's scope; null when it writes none in particular. */
    default String departmentCode() {
        return null;
    }
}
