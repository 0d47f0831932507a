package org.perfledger.command.department;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.district.DistrictDirectory;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;

class DepartmentTest {

    private static final DepartmentId CAIDIAN_SCJGJ = DepartmentId.of("caidian", "scjgj");

    private AggregateTestFixture<Department> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
        DistrictDirectory onlyCaidian = district -> {
            if (!district.value().equals("caidian")) {
                throw new DomainRejection(DomainRejection.Kind.NOT_FOUND, "district.unknown", "district",
                        "district " + district + " is not on PerfLedger: the platform admin onboards it first");
            }
        };
        fixture.registerInjectableResource(onlyCaidian);
    }

    @Test
    void rejectsADepartmentOfADistrictNotOnboarded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment(DepartmentId.of("hanyang", "scjgj"), "汉阳区市场监督管理局"))
                .expectNoEvents()
                .expectException(DomainRejection.class)
                .expectExceptionMessage("district hanyang is not on PerfLedger: the platform admin onboards it first");
    }

    @Test
    void registersADepartmentWithItsChineseName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment(CAIDIAN_SCJGJ, "武汉市蔡甸区市场监督管理局"))
                .expectEvents(new DepartmentRegistered(CAIDIAN_SCJGJ, "武汉市蔡甸区市场监督管理局"));
    }

    @Test
    void rejectsRegisteringTwice() {
        fixture.given(new DepartmentRegistered(CAIDIAN_SCJGJ, "武汉市蔡甸区市场监督管理局"))
                .when(new RegisterDepartment(CAIDIAN_SCJGJ, "again"))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }

    @Test
    void rejectsABlankName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment(CAIDIAN_SCJGJ, " "))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }
}
