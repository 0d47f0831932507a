package org.perfledger.kernel.organisation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.Checks;

/** A project (项目) of a department, identified by a code the department chooses. */
public record ProjectId(DepartmentId department, String code) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public ProjectId {
        Objects.requireNonNull(department, "department");
        Checks.requireCode(code, "project", CODE, "1 to 63 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return department.streamKey() + "/" + code;
    }
}
