package org.perfledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query service's packages: one per view (overview, dashboard, due, years, trail, plan, scoring, work, excel…),
 * the shared figures they read alike, the projection pipeline, the replay, and the platform. No package cycles; the
 * platform and the pipeline know no view; no class uses a controller (controllers are entry points); nothing here knows the
 * command side.
 */
@AnalyzeClasses(packages = "org.perfledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] VIEWS = {"..query.overview..", "..query.dashboard..", "..query.due..",
            "..query.years..", "..query.trail..", "..query.plan..", "..query.scoring..", "..query.work..",
            "..query.excel..", "..query.vocabulary..", "..query.department..", "..query.audit..", "..query.web..",
            "..query.assessment..", "..query.warning..", "..query.library..", "..query.results..", "..query.congress..",
            "..query.disclosure..", "..query.external.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.perfledger.query.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule platformKnowsNoView = noClasses().that().resideInAPackage("..query.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(VIEWS);

    @ArchTest
    static final ArchRule pipelineKnowsNoViewButTheProjections = noClasses()
            .that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage(VIEWS);

    @ArchTest
    static final ArchRule sharedFiguresKnowNoView = noClasses().that().resideInAPackage("..query.figures..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.overview..", "..query.dashboard..",
                    "..query.due..", "..query.years..", "..query.trail..", "..query.work..", "..query.excel..");

    @ArchTest
    static final ArchRule controllersAreEntryPointsOnly = noClasses().should().dependOnClassesThat()
            .areAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule nothingKnowsTheCommandSide = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.perfledger.command..");
}
