package org.perfledger.command.plan;

import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.text;

import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;

/**
 * What registering a project takes: a code of its own, not yet registered for the year, a registered department, a
 * name, at most 20 implementing units, texts within their bounds.
 */
final class ProjectRegistration {

    static final int MAX_IMPLEMENTING_UNITS = 20;

    private ProjectRegistration() {
    }

    static ProjectRegistered registered(RegisterProject command, boolean exists, DepartmentDirectory departments) {
        if (exists) {
            throw new DomainRejection(Kind.CONFLICT, "project.already-registered", "code",
                    "project " + command.plan().project() + " of " + command.plan().department() + " is already "
                            + "registered for " + command.plan().year());
        }
        if (command.plan().departmentWide()) {
            throw new DomainRejection(Kind.RULE, "project.code-required", "code", "a project needs a code");
        }
        departments.requireRegistered(command.plan().department());
        String name = text("name", command.name(), PlanLimits.MAX_NAME);
        if (command.implementingUnits().size() > MAX_IMPLEMENTING_UNITS) {
            throw new DomainRejection(Kind.RULE, "list.length", "implementingUnits",
                    "a project has at most " + MAX_IMPLEMENTING_UNITS + " implementing units");
        }
        for (int i = 0; i < command.implementingUnits().size(); i++) {
            text("implementingUnits[" + i + "]", command.implementingUnits().get(i), PlanLimits.MAX_SHORT_TEXT);
        }
        String desk = optionalText("financeDesk", command.financeDesk(), PlanLimits.MAX_SHORT_TEXT);
        return new ProjectRegistered(command.plan(), name, command.implementingUnits(), command.category(),
                command.attribute(), command.types().stream().distinct().toList(), desk);
    }
}
