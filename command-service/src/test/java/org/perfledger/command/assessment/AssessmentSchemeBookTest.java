package org.perfledger.command.assessment;

import static org.perfledger.command.plan.SeedPlans.TWENTY_EACH;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.assessment.AssessmentCommands.SetAssessmentScheme;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSchemeSet;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Points;

/** Finance's scheme of ex-ante assessments, version by version. */
class AssessmentSchemeBookTest {

    private static final DistrictId DONGHU = DistrictId.of("donghu");
    private static final FiscalYear Y2018 = FiscalYear.of(2018);

    private AggregateTestFixture<AssessmentSchemeBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssessmentSchemeBook.class);
    }

    private static Map<AssessmentCriterion, Points> each(String points) {
        Map<AssessmentCriterion, Points> weights = new TreeMap<>();
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            weights.put(criterion, Points.parse(points));
        }
        return weights;
    }

    @Test
    void theSamePointsHoweverWrittenFromTheSameSourceChangeNothing() {
        fixture.given(new AssessmentSchemeSet(DONGHU, Y2018, 1, TWENTY_EACH, "《评估办法》"))
                .when(new SetAssessmentScheme(DONGHU, Y2018, each("20.0"), "《评估办法》"))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void aNewSourceForTheSamePointsIsANewVersion() {
        fixture.given(new AssessmentSchemeSet(DONGHU, Y2018, 1, TWENTY_EACH, null))
                .when(new SetAssessmentScheme(DONGHU, Y2018, TWENTY_EACH, "《评估办法》（修订）"))
                .expectEvents(new AssessmentSchemeSet(DONGHU, Y2018, 2, TWENTY_EACH, "《评估办法》（修订）"));
    }

    @Test
    void pointsThatDoNotAddUpTo100AreRefused() {
        fixture.givenNoPriorActivity()
                .when(new SetAssessmentScheme(DONGHU, Y2018, each("10"), null))
                .expectNoEvents()
                .expectException(SeedPlans.rejection("assessment-scheme.total", "add up to 50, not 100"));
    }
}
