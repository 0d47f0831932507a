package org.perfledger.command.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.ScoringScheme.BudgetBase;
import org.perfledger.kernel.scoring.ScoringScheme.GradeBand;
import org.perfledger.kernel.scoring.ScoringScheme.IndicatorRule;
import org.perfledger.kernel.scoring.ScoringScheme.RuleType;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

class ScoringSchemeBookTest {

    private static final DistrictId DONGHU = DistrictId.of("donghu");
    private static final FiscalYear Y2018 = FiscalYear.of(2018);
    private static final ScoringScheme HUBEI = ScoringScheme.hubei(BudgetBase.INITIAL, 1);

    private AggregateTestFixture<ScoringSchemeBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScoringSchemeBook.class);
    }

    private static SetScoringScheme set(ScoringScheme scheme) {
        return new SetScoringScheme(DONGHU, Y2018, EvaluationKind.PROJECT, scheme);
    }

    private static TypeSafeMatcher<Throwable> rejection(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRejection rejection && rejection.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejection " + code);
            }
        };
    }

    @Test
    void theFirstSchemeIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(set(HUBEI))
                .expectEvents(new ScoringSchemeSet(DONGHU, Y2018, EvaluationKind.PROJECT, 1, HUBEI))
                .expectResultMessagePayload(1);
    }

    @Test
    void aChangedSchemeIsANewVersionAndTheOldOneStays() {
        ScoringScheme adjusted = ScoringScheme.hubei(BudgetBase.ADJUSTED, 1);
        fixture.given(new ScoringSchemeSet(DONGHU, Y2018, EvaluationKind.PROJECT, 1, HUBEI))
                .when(set(adjusted))
                .expectEvents(new ScoringSchemeSet(DONGHU, Y2018, EvaluationKind.PROJECT, 2, adjusted));
    }

    @Test
    void settingTheSameSchemeAgainChangesNothing() {
        fixture.given(new ScoringSchemeSet(DONGHU, Y2018, EvaluationKind.PROJECT, 1, HUBEI))
                .when(set(HUBEI))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void rejectsABandedRuleWithoutBands() {
        ScoringScheme scheme = new ScoringScheme(null, BigDecimal.valueOf(50), List.of(),
                Map.of("YSZX", new IndicatorRule(RuleType.BANDED, List.of())), ScoringScheme.defaultGrades(),
                new ScoringScheme.Precision(2, 2));
        fixture.givenNoPriorActivity().when(set(scheme)).expectNoEvents()
                .expectException(rejection("scheme.bands-required"));
    }

    @Test
    void rejectsGradesOutOfOrder() {
        ScoringScheme scheme = new ScoringScheme(null, BigDecimal.valueOf(50), List.of(), Map.of(),
                List.of(new GradeBand(Grade.GOOD, BigDecimal.valueOf(80)),
                        new GradeBand(Grade.EXCELLENT, BigDecimal.valueOf(90))), new ScoringScheme.Precision(2, 2));
        fixture.givenNoPriorActivity().when(set(scheme)).expectNoEvents()
                .expectException(rejection("scheme.grades-order"));
    }

    @Test
    void rejectsAPartialCreditAboveAHundredPercent() {
        ScoringScheme scheme = new ScoringScheme(null, BigDecimal.valueOf(150), List.of(), Map.of(),
                ScoringScheme.defaultGrades(), new ScoringScheme.Precision(2, 2));
        fixture.givenNoPriorActivity().when(set(scheme)).expectNoEvents()
                .expectException(rejection("scheme.percent"));
    }
}
