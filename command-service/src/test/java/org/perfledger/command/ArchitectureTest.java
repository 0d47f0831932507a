package org.perfledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command service's packages by capability: the platform (web, bus, idempotency) knows no capability, the event
 * store and relay know no capability, and no capability reaches into the relay.
 */
@AnalyzeClasses(packages = "org.perfledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CAPABILITIES = {"..command.district..", "..command.department..", "..command.plan..",
            "..command.budget..", "..command.performance..", "..command.evaluation..", "..command.scoring..",
            "..command.planning.."};

    @ArchTest
    static final ArchRule platformKnowsNoCapability = noClasses().that().resideInAPackage("..command.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    @ArchTest
    static final ArchRule eventStoreAndRelayKnowNoCapability = noClasses()
            .that().resideInAnyPackage("..command.eventstore..", "..command.relay..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    /** The plan's shared plumbing (planning) sits below the capabilities, and the plan above them: no cycles. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.perfledger.command.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule capabilitiesDoNotReachIntoThePlan = noClasses()
            .that().resideInAnyPackage("..command.budget..", "..command.performance..", "..command.evaluation..",
                    "..command.planning..")
            .should().dependOnClassesThat().resideInAPackage("..command.plan..");

    @ArchTest
    static final ArchRule capabilitiesDoNotReachIntoTheRelay = noClasses().that().resideInAnyPackage(CAPABILITIES)
            .should().dependOnClassesThat().resideInAPackage("..command.relay..");
}
