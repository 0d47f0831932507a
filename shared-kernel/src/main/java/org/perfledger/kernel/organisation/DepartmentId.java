package org.perfledger.kernel.organisation;

import java.util.Objects;

/** A department within its district. Two districts may use the same department code. */
public record DepartmentId(DistrictId district, DepartmentCode code) {

    public DepartmentId {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(code, "code");
    }

    public static DepartmentId of(String district, String code) {
        return new DepartmentId(DistrictId.of(district), DepartmentCode.of(code));
    }

    /** The key that keeps all of one department's events in order on the event topic. */
    public String streamKey() {
        return district.value() + "/" + code.value();
    }

    @Override
    public String toString() {
        return streamKey();
    }
}
