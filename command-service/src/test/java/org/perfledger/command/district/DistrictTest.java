package org.perfledger.command.district;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.DistrictRegistered;

class DistrictTest {

    private static final DistrictId QIAOKOU = DistrictId.of("qiaokou");
    private AggregateTestFixture<District> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(District.class);
    }

    @Test
    void onboardsADistrict() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDistrict(QIAOKOU, "武汉市硚口区"))
                .expectEvents(new DistrictRegistered(QIAOKOU, "武汉市硚口区"));
    }

    @Test
    void rejectsOnboardingTwice() {
        fixture.given(new DistrictRegistered(QIAOKOU, "武汉市硚口区"))
                .when(new RegisterDistrict(QIAOKOU, "武汉市硚口区"))
                .expectNoEvents()
                .expectException(DomainRejection.class)
                .expectExceptionMessage("district qiaokou is already on PerfLedger");
    }

    @Test
    void rejectsADistrictWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDistrict(QIAOKOU, " "))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }
}
