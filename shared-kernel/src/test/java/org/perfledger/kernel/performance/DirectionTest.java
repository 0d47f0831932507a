package org.perfledger.kernel.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Deviation.Outcome;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.plan.PlanId;

/**
 * A stated direction decides how a target is read: seed 003 (硚口 2020) prints "≥4" for 农贸市场中心城区排名, a rank,
 * where a smaller 名次 is better.
 */
class DirectionTest {

    private static Indicator ranking(String target, Direction direction) {
        return new Indicator(new IndicatorCode("QK.07"), 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUALITY,
                "农贸市场中心城区排名", null, Target.parse(target), direction);
    }

    private static Outcome outcome(Indicator indicator, String actual) {
        return Deviation.of(indicator.target().value(), Target.parse(actual).value(), null).outcome();
    }

    @Test
    void aRankPrintedAtLeastFourThatIsBetterLowerReadsFourthOrBetter() {
        Indicator rank = ranking("≥4", Direction.LOWER_IS_BETTER);
        assertThat(rank.target().text()).as("the text stays as printed").isEqualTo("≥4");
        assertThat(((TargetValue.Quantity) rank.target().value()).comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(outcome(rank, "3")).isEqualTo(Outcome.MET);
        assertThat(outcome(rank, "4")).isEqualTo(Outcome.MET);
        assertThat(outcome(rank, "6")).isEqualTo(Outcome.NOT_MET);
        // unstated, the sign says: at least 4
        assertThat(outcome(ranking("≥4", null), "6")).isEqualTo(Outcome.MET);
        assertThat(outcome(ranking("≥4", null), "3")).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void eachSignIsTurnedOnlyWhereItPointsTheOtherWay() {
        assertThat(comparator("4", Direction.LOWER_IS_BETTER)).isEqualTo(Comparator.AT_MOST);
        assertThat(comparator(">4", Direction.LOWER_IS_BETTER)).isEqualTo(Comparator.LESS_THAN);
        assertThat(comparator("≤5个工作日", Direction.LOWER_IS_BETTER)).isEqualTo(Comparator.AT_MOST);
        assertThat(comparator("≤5", Direction.HIGHER_IS_BETTER)).isEqualTo(Comparator.AT_LEAST);
        assertThat(comparator("<5", Direction.HIGHER_IS_BETTER)).isEqualTo(Comparator.MORE_THAN);
        assertThat(comparator("≥90%", Direction.HIGHER_IS_BETTER)).isEqualTo(Comparator.AT_LEAST);
        assertThat(comparator("100左右", Direction.LOWER_IS_BETTER)).isEqualTo(Comparator.ABOUT);
        Target statement = Target.parse("有助于改善");
        assertThat(statement.directed(Direction.LOWER_IS_BETTER)).isSameAs(statement);
    }

    @Test
    void aTargetAdjustmentKeepsTheDirectionAndTheEventCarriesIt() throws Exception {
        Indicator rank = ranking("≥4", Direction.LOWER_IS_BETTER);
        Indicator adjusted = rank.withTarget(Target.parse("≥3"), null);
        assertThat(adjusted.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(((TargetValue.Quantity) adjusted.target().value()).comparator()).isEqualTo(Comparator.AT_MOST);
        PlanId plan = PlanId.departmentWide(DepartmentId.of("qiaokou", "scjgj"), FiscalYear.of(2020));
        IndicatorTargetSet event = new IndicatorTargetSet(plan, rank);
        String json = EventEnvelopeCodec.mapper().writeValueAsString(event);
        assertThat(EventEnvelopeCodec.mapper().readValue(json, IndicatorTargetSet.class)).isEqualTo(event);
        // an event written before directions were stated has none, and reads as its sign says
        String before = json.replace(",\"direction\":\"LOWER_IS_BETTER\"", "")
                .replace("\"comparator\":\"AT_MOST\"", "\"comparator\":\"AT_LEAST\"");
        IndicatorTargetSet old = EventEnvelopeCodec.mapper().readValue(before, IndicatorTargetSet.class);
        assertThat(old.indicator().direction()).isNull();
        assertThat(((TargetValue.Quantity) old.indicator().target().value()).comparator())
                .isEqualTo(Comparator.AT_LEAST);
    }

    private static Comparator comparator(String target, Direction direction) {
        return ((TargetValue.Quantity) Target.parse(target).directed(direction).value()).comparator();
    }
}
