package org.perfledger.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.perfledger.kernel.validation.Checks;

/** A department's (部门/单位) code, unique within its district. */
public record DepartmentCode(@JsonValue String value) {

    @JsonCreator
    public DepartmentCode {
        Checks.requireCode(value, "department", DistrictId.CODE, DistrictId.EXPECTED);
    }

    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
