package org.perfledger.command.platform;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;

/** Decides whether a caller may send a command, from the command's {@link SentBy} and the caller's token. */
final class CommandPolicy {

    private CommandPolicy() {
    }

    /** @throws DomainRejection (403) naming who may send the command */
    static void authorize(DistrictCommand command, Caller caller) {
        SentBy sentBy = command.getClass().getAnnotation(SentBy.class);
        Role[] allowed = sentBy == null ? new Role[0] : sentBy.value();
        for (Role role : allowed) {
            if (!caller.has(role)) {
                continue;
            }
            if (role != Role.DEPARTMENT_EDITOR || command.departmentCode() == null
                    || command.departmentCode().equals(caller.department())) {
                return;
            }
        }
        String name = command.getClass().getSimpleName();
        if (Arrays.asList(allowed).contains(Role.DEPARTMENT_EDITOR) && caller.has(Role.DEPARTMENT_EDITOR)) {
            throw new DomainRejection(Kind.FORBIDDEN, "department.forbidden", "department", name + ": your token lets "
                    + "you write department " + caller.department() + " only, not " + command.departmentCode());
        }
        throw new DomainRejection(Kind.FORBIDDEN, "role.forbidden", null, name + " may be sent by "
                + (allowed.length == 0 ? "nobody" : Arrays.stream(allowed).map(Role::name)
                .collect(Collectors.joining(" or "))) + "; your token has " + (caller.roles().isEmpty() ? "no role"
                : caller.rolesText()));
    }
}
