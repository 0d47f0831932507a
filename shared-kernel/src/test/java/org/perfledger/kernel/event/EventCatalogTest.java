package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event catalog is hand-listed, so it is held to the code: every event type the kernel declares is in it, with
 * its stable name and version, so an event nobody listed cannot be stored without a name, described without words,
 * or forgotten by a projection's catalog-driven checks.
 */
class EventCatalogTest {

    @Test
    void everyEventTheKernelDeclaresIsInTheCatalog() {
        List<String> declared = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.perfledger.kernel").stream()
                .filter(type -> type.isAssignableTo(PerfLedgerEvent.class) && !type.isInterface()
                        && !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::getName).sorted().toList();
        List<String> listed = EventCatalog.types().stream().map(Class::getName).sorted().toList();
        assertThat(declared).isNotEmpty().containsExactlyElementsOf(listed);
        for (Class<? extends PerfLedgerEvent> type : EventCatalog.types()) {
            assertThat(type.getAnnotation(EventType.class)).as(type.getName() + " has its stable name").isNotNull();
        }
    }
}
