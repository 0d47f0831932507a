package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.event.Streams.Match;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;

/** Which streams a view rests on, and that every stream a scope contains is matched by what it reads. */
class StreamsTest {

    private static final DistrictId DONGHU = DistrictId.of("donghu");
    private static final DepartmentId SCJGJ = DepartmentId.of("donghu", "scjgj");
    private static final FiscalYear Y2018 = FiscalYear.of(2018);

    private static final List<String> STREAMS = List.of(
            "district:donghu", "donghu/scjgj", "donghu/other", "donghu/scjgj/2018/department",
            "donghu/scjgj/2018/projects/SPAQ", "donghu/scjgj/2019/projects/SPAQ", "donghu/other/2018/department",
            "calendar:donghu:2018", "calendar:donghu:2019", "scheme:donghu:2018:PROJECT",
            "scheme:donghu:2019:DEPARTMENT_WIDE", "district:caidian", "caidian/scjgj", "caidian/scjgj/2018/department",
            "calendar:caidian:2018", "donghu2/scjgj");

    private static List<String> in(Scope scope) {
        return STREAMS.stream().filter(scope::contains).toList();
    }

    @Test
    void aDepartmentYearTakesItsPlansItsRegistrationAndThatYearsCalendarAndSchemes() {
        assertThat(in(Scope.departmentYear(SCJGJ, Y2018))).containsExactly("district:donghu", "donghu/scjgj",
                "donghu/scjgj/2018/department", "donghu/scjgj/2018/projects/SPAQ", "calendar:donghu:2018",
                "scheme:donghu:2018:PROJECT");
    }

    @Test
    void aYearTakesEveryDepartmentOfTheDistrict() {
        assertThat(in(Scope.year(DONGHU, Y2018))).containsExactly("district:donghu", "donghu/scjgj", "donghu/other",
                "donghu/scjgj/2018/department", "donghu/scjgj/2018/projects/SPAQ", "donghu/other/2018/department",
                "calendar:donghu:2018", "scheme:donghu:2018:PROJECT");
    }

    @Test
    void aDepartmentTakesEveryYearAndTheDistrictsCalendarsAndSchemes() {
        assertThat(in(Scope.department(SCJGJ))).containsExactly("district:donghu", "donghu/scjgj",
                "donghu/scjgj/2018/department", "donghu/scjgj/2018/projects/SPAQ", "donghu/scjgj/2019/projects/SPAQ",
                "calendar:donghu:2018", "calendar:donghu:2019", "scheme:donghu:2018:PROJECT",
                "scheme:donghu:2019:DEPARTMENT_WIDE");
    }

    @Test
    void aPlanTakesItselfOnly() {
        assertThat(in(Scope.plan(PlanId.project(SCJGJ, Y2018, "SPAQ")))).containsExactly("district:donghu",
                "donghu/scjgj", "donghu/scjgj/2018/projects/SPAQ", "calendar:donghu:2018",
                "scheme:donghu:2018:PROJECT");
        assertThat(in(Scope.plan(PlanId.departmentWide(SCJGJ, Y2018)))).contains("donghu/scjgj/2018/department")
                .doesNotContain("donghu/scjgj/2018/projects/SPAQ");
    }

    @Test
    void theDistrictTakesEverythingOfItsOwnAndNothingOfAnother() {
        assertThat(in(Scope.district(DONGHU))).hasSize(11).noneMatch(s -> s.contains("caidian") || s.contains("donghu2"));
    }

    @Test
    void everyContainedStreamIsMatchedByWhatTheScopeReads() {
        for (Scope scope : List.of(Scope.district(DONGHU), Scope.year(DONGHU, Y2018), Scope.department(SCJGJ),
                Scope.departmentYear(SCJGJ, Y2018), Scope.plan(PlanId.departmentWide(SCJGJ, Y2018)))) {
            for (String stream : in(scope)) {
                assertThat(scope.matches()).as(scope + " reads " + stream).anyMatch(match -> match.prefix()
                        ? stream.startsWith(match.value()) : stream.equals(match.value()));
            }
        }
    }

    @Test
    void streamIdsAreTheOnesWritersUse() {
        assertThat(Streams.scheme(DONGHU, Y2018, EvaluationKind.DEPARTMENT_WIDE)).isEqualTo("scheme:donghu:2018:DEPARTMENT_WIDE");
        assertThat(Streams.plan(PlanId.project(SCJGJ, Y2018, "SPAQ"))).isEqualTo("donghu/scjgj/2018/projects/SPAQ");
        assertThat(Match.prefix("a_b%").likePattern()).isEqualTo("a\\_b\\%%");
        assertThatThrownBy(() -> new Scope(DONGHU, null, Y2018, "department")).isInstanceOf(IllegalArgumentException.class);
    }
}
