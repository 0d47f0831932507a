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
            "..command.planning..", "..command.calendar..", "..command.external..", "..command.results.."};

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
                    "..command.planning..", "..command.calendar..", "..command.external..", "..command.results..")
            .should().dependOnClassesThat().resideInAPackage("..command.plan..");

    /**
     * The plan's parts in layers, each beside its commands and controller: the budget knows no other part; the
     * targets may read the budget (a monitoring report states it) and the calendar; the self-evaluation may read both
     * (it scores the indicators and the execution rate); the calendar knows no part. The plan sits on top.
     */
    @ArchTest
    static final ArchRule theBudgetKnowsNoOtherPart = noClasses().that().resideInAPackage("..command.budget..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.performance..", "..command.evaluation..",
                    "..command.calendar..", "..command.scoring..");

    @ArchTest
    static final ArchRule theTargetsDoNotKnowTheEvaluation = noClasses().that()
            .resideInAPackage("..command.performance..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.evaluation..", "..command.scoring..");

    @ArchTest
    static final ArchRule theCalendarKnowsNoPart = noClasses().that().resideInAPackage("..command.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.budget..", "..command.performance..",
                    "..command.evaluation..");

    @ArchTest
    static final ArchRule planningKnowsNoPart = noClasses().that().resideInAPackage("..command.planning..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.budget..", "..command.performance..",
                    "..command.evaluation..", "..command.calendar..", "..command.scoring..");

    @ArchTest
    static final ArchRule capabilitiesDoNotReachIntoTheRelay = noClasses().that().resideInAnyPackage(CAPABILITIES)
            .should().dependOnClassesThat().resideInAPackage("..command.relay..");
}
