package org.perfledger.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language is shared by both services and must stay free of their frameworks. */
@AnalyzeClasses(packages = "org.perfledger.kernel")
class NoFrameworkInKernelTest {

    @ArchTest
    static final ArchRule noSpringOrAxon = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta.persistence..");
}
