package org.perfledger.command.warning;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.warning.WarningCommands.SetMonitoringThresholds;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;

class MonitoringThresholdBookTest {

    private static final DistrictId CAIDIAN = DistrictId.of("caidian");
    private static final FiscalYear Y2019 = FiscalYear.of(2019);

    private AggregateTestFixture<MonitoringThresholdBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonitoringThresholdBook.class);
    }

    private static Percentage points(String value) {
        return new Percentage(new BigDecimal(value));
    }

    private static SetMonitoringThresholds set(String yellow, String red, String source) {
        return new SetMonitoringThresholds(CAIDIAN, Y2019, points(yellow), points(red), source);
    }

    private static MonitoringThresholdsSet version(int version, String yellow, String red, String source) {
        return new MonitoringThresholdsSet(CAIDIAN, Y2019, version, points(yellow), points(red), source);
    }

    private static TypeSafeMatcher<Throwable> rejection(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRejection rejection && rejection.code().equals(code)
                        && field.equals(rejection.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejection " + code + " of " + field);
            }
        };
    }

    @Test
    void theFirstThresholdsAreVersionOne() {
        fixture.givenNoPriorActivity()
                .when(set("5", "10", "蔡财绩〔2019〕3号"))
                .expectEvents(version(1, "5", "10", "蔡财绩〔2019〕3号"))
                .expectResultMessagePayload(1);
    }

    @Test
    void changedThresholdsAreANewVersion() {
        fixture.given(version(1, "5", "10", null))
                .when(set("3", "8", null))
                .expectEvents(version(2, "3", "8", null))
                .expectResultMessagePayload(2);
    }

    @Test
    void theSameThresholdsHoweverWrittenChangeNothing() {
        fixture.given(version(1, "5", "10", null))
                .when(set("5.00", "10.0", null))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void aNewSourceForTheSameThresholdsIsANewVersion() {
        fixture.given(version(1, "5", "10", null))
                .when(set("5", "10", "蔡财绩〔2019〕3号"))
                .expectEvents(version(2, "5", "10", "蔡财绩〔2019〕3号"));
    }

    @Test
    void redIsAboveYellow() {
        fixture.givenNoPriorActivity()
                .when(set("10", "10", null))
                .expectException(rejection("thresholds.order", "red"));
        fixture.givenNoPriorActivity()
                .when(set("12", "8", null))
                .expectException(rejection("thresholds.order", "red"));
    }

    @Test
    void eachThresholdIsPercentagePointsWithTwoDecimals() {
        fixture.givenNoPriorActivity()
                .when(set("-1", "10", null))
                .expectException(rejection("thresholds.points", "yellow"));
        fixture.givenNoPriorActivity()
                .when(set("5", "100.5", null))
                .expectException(rejection("thresholds.points", "red"));
        fixture.givenNoPriorActivity()
                .when(set("5.125", "10", null))
                .expectException(rejection("thresholds.points", "yellow"));
    }
}
