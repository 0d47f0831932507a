package org.perfledger.command.library;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.library.LibraryCommands.DefineLibraryIndicator;
import org.perfledger.command.library.LibraryCommands.RetireLibraryIndicator;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.library.TargetBasis;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;

class LibraryIndicatorTest {

    private static final DistrictId DONGHU = DistrictId.of("donghu");
    private static final IndicatorCode FUNDING = new IndicatorCode("GX.ZJDWL");
    private static final IndicatorCode INSPECTIONS = new IndicatorCode("SC.CJPC");

    private AggregateTestFixture<LibraryIndicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LibraryIndicator.class);
    }

    private static DefineLibraryIndicator funding(String name, String guidance) {
        return new DefineLibraryIndicator(DONGHU, FUNDING, LibraryKind.COMMON, null, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUALITY, name, "%", Direction.HIGHER_IS_BETTER, TargetBasis.PLANNED, guidance);
    }

    private static LibraryIndicatorDefined fundingDefined(int version, String name, String guidance) {
        return new LibraryIndicatorDefined(DONGHU, FUNDING, version, LibraryKind.COMMON, null, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUALITY, name, "%", Direction.HIGHER_IS_BETTER, TargetBasis.PLANNED, guidance);
    }

    private static DefineLibraryIndicator inspections(LibraryKind kind, String sector) {
        return new DefineLibraryIndicator(DONGHU, INSPECTIONS, kind, sector, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUANTITY, "食品抽检批次", "批次", Direction.HIGHER_IS_BETTER, TargetBasis.HISTORICAL,
                null);
    }

    private static TypeSafeMatcher<Throwable> rejection(String code, DomainRejection.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRejection rejection && rejection.code().equals(code)
                        && rejection.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind + " rejection " + code);
            }
        };
    }

    @Test
    void theFirstDefinitionIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(funding("资金到位率", "到位资金 ÷ 预算资金"))
                .expectEvents(fundingDefined(1, "资金到位率", "到位资金 ÷ 预算资金"))
                .expectResultMessagePayload(1);
    }

    @Test
    void aChangedDefinitionIsANewVersionAndTheSameOneChangesNothing() {
        fixture.given(fundingDefined(1, "资金到位率", null))
                .when(funding("资金到位率（含上级转移支付）", null))
                .expectEvents(fundingDefined(2, "资金到位率（含上级转移支付）", null))
                .expectResultMessagePayload(2);
        fixture.given(fundingDefined(1, "资金到位率", null))
                .when(funding("资金到位率", null))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }

    @Test
    void aSectorIndicatorNamesItsSectorAndACommonOneNone() {
        fixture.givenNoPriorActivity()
                .when(inspections(LibraryKind.SECTOR, "市场监管"))
                .expectEvents(new LibraryIndicatorDefined(DONGHU, INSPECTIONS, 1, LibraryKind.SECTOR, "市场监管",
                        IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "食品抽检批次", "批次",
                        Direction.HIGHER_IS_BETTER, TargetBasis.HISTORICAL, null));
        fixture.givenNoPriorActivity()
                .when(inspections(LibraryKind.SECTOR, null))
                .expectException(rejection("library.sector-missing", DomainRejection.Kind.RULE));
        fixture.givenNoPriorActivity()
                .when(inspections(LibraryKind.COMMON, "市场监管"))
                .expectException(rejection("library.sector-common", DomainRejection.Kind.RULE));
    }

    @Test
    void aSecondLevelClassIsOneOfItsFirst() {
        fixture.givenNoPriorActivity()
                .when(new DefineLibraryIndicator(DONGHU, FUNDING, LibraryKind.COMMON, null,
                        IndicatorLevel1.SATISFACTION, IndicatorLevel2.QUANTITY, "满意度", "%",
                        Direction.HIGHER_IS_BETTER, TargetBasis.PLANNED, null))
                .expectNoEvents()
                .expectException(rejection("indicator.level2", DomainRejection.Kind.RULE));
    }

    @Test
    void aRetiredIndicatorStaysRetired() {
        fixture.given(fundingDefined(1, "资金到位率", null))
                .when(new RetireLibraryIndicator(DONGHU, FUNDING, "并入资金管理指标"))
                .expectEvents(new LibraryIndicatorRetired(DONGHU, FUNDING, "并入资金管理指标"))
                .expectResultMessagePayload(1);
        fixture.given(fundingDefined(1, "资金到位率", null), new LibraryIndicatorRetired(DONGHU, FUNDING, "并入"))
                .when(funding("资金到位率", null))
                .expectNoEvents()
                .expectException(rejection("library.retired", DomainRejection.Kind.CONFLICT));
        fixture.given(fundingDefined(1, "资金到位率", null), new LibraryIndicatorRetired(DONGHU, FUNDING, "并入"))
                .when(new RetireLibraryIndicator(DONGHU, FUNDING, "again"))
                .expectException(rejection("library.retired", DomainRejection.Kind.CONFLICT));
    }
}
