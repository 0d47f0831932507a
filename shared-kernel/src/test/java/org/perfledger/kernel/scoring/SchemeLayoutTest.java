package org.perfledger.kernel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.scoring.ScoringScheme.BudgetBase;
import org.perfledger.kernel.scoring.ScoringScheme.PlanLayout;

/** A scheme's source, its stand-in for an unpublished rule, and the plans it scores on a layout of their own. */
class SchemeLayoutTest {

    private static ScoringScheme hubei(String source, boolean unpublished, Map<String, PlanLayout> plans) {
        ScoringScheme base = ScoringScheme.hubei(BudgetBase.INITIAL, 1);
        return new ScoringScheme(base.execution(), base.partialCredit(), base.shortfallBands(), base.overrides(),
                base.grades(), base.precision(), source, unpublished, plans);
    }

    /** 东湖 2018 附件3 divides by 调整后 (170.51), where the district's scheme divides by 年初 (149.60). */
    @Test
    void aPlanNamedInTheSchemeIsScoredOnItsOwnBasisAndWeight() {
        ScoringScheme scheme = hubei("附件1–4", false, Map.of("scjgj/SPAQ",
                new PlanLayout(null, BudgetBase.ADJUSTED, "附件3: 调整后预算资金为 170.51 万元"),
                "scjgj/JCCB", new PlanLayout(BigDecimal.TEN, BudgetBase.ADJUSTED, "财预〔2020〕10号")));
        PlanFacts food = new PlanFacts(WanYuan.of("149.60"), WanYuan.of("170.51"), WanYuan.of("170.51"), List.of());

        Scorecard district = ScoringEngine.score(food, scheme.forPlan("scjgj", "ZHSW"));
        assertThat(district.execution().rateShown()).isEqualByComparingTo("114.0");
        assertThat(scheme.forPlan("scjgj", "ZHSW")).isSameAs(scheme);
        // another department's project of the same code is not this plan
        assertThat(scheme.forPlan("zfj", "SPAQ")).isSameAs(scheme);

        ScoringScheme own = scheme.forPlan("scjgj", "SPAQ");
        Scorecard card = ScoringEngine.score(food, own);
        assertThat(card.execution().base()).isEqualTo("调整后预算");
        assertThat(card.execution().rateShown()).isEqualByComparingTo("100.0");
        assertThat(card.execution().weight()).isEqualByComparingTo("20");
        assertThat(own.source()).isEqualTo("附件3: 调整后预算资金为 170.51 万元");

        Scorecard lab = ScoringEngine.score(food, scheme.forPlan("scjgj", "JCCB"));
        assertThat(lab.execution().weight()).isEqualByComparingTo("10");
        assertThat(lab.execution().score()).isEqualByComparingTo("10");
    }

    @Test
    void aPlanLayoutNamesItsSourceAndAStandInNamesTheConventionItStandsIn() {
        assertThat(SchemeRules.broken(hubei(null, false, Map.of("scjgj/SPAQ",
                new PlanLayout(null, BudgetBase.ADJUSTED, " "))))).hasValueSatisfying(violation -> {
                    assertThat(violation.rule()).isEqualTo("scheme.source-required");
                    assertThat(violation.field()).isEqualTo("plans.scjgj/SPAQ.source");
                });
        assertThat(SchemeRules.broken(hubei(null, true, Map.of()))).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("source"));
        assertThat(SchemeRules.broken(hubei("财预〔2020〕10号", true, Map.of()))).isEmpty();
        assertThat(SchemeRules.broken(hubei(null, false, Map.of("scjgj/JCCB",
                new PlanLayout(BigDecimal.valueOf(101), null, "x"))))).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("plans.scjgj/JCCB.executionWeight"));
        assertThat(SchemeRules.broken(hubei("x".repeat(SchemeRules.MAX_SOURCE_LENGTH + 1), false, Map.of())))
                .isPresent();
    }
}
