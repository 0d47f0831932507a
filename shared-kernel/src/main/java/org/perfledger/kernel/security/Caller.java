package org.perfledger.kernel.security;

import java.util.Set;

/**
 * Who sends a request, as their token says: their id, the district they act in, their department (for roles bound
 * to one) and their roles.
 */
public record Caller(String subject, String district, String department, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The roles, sorted and comma-separated, as events' metadata and the access audit record them. */
    public String rolesText() {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    /** Reads every department of its district (otherwise only its own). */
    public boolean readsWholeDistrict() {
        return roles.stream().anyMatch(Role::readsWholeDistrict);
    }

    /** Has some role that reads a district's data at all. */
    public boolean readsAnything() {
        return readsWholeDistrict() || has(Role.DEPARTMENT_EDITOR) || has(Role.DEPARTMENT_VIEWER);
    }
}
