package org.perfledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.plan.PlanCommands.RegisterProject;

/** Every command to a plan has its place in the lifecycle: a new command cannot be handled in some phase by omission. */
class PlanLifecycleTest {

    @Test
    void everyPlanCommandHasItsPlaceInTheLifecycle() {
        List<String> commands = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.perfledger.command").stream()
                .filter(type -> type.isAssignableTo(PlanCommand.class) && !type.isInterface())
                .map(JavaClass::getName).filter(name -> !name.equals(RegisterProject.class.getName()))
                .sorted().toList();
        assertThat(commands).hasSizeGreaterThan(20);
        assertThat(PlanLifecycle.placed().stream().map(Class::getName).sorted().toList())
                .containsExactlyElementsOf(commands);
    }
}
