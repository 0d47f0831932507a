package org.perfledger.command.platform;

import java.util.Set;
import org.perfledger.kernel.security.Role;

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

    public String rolesText() {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }
}
