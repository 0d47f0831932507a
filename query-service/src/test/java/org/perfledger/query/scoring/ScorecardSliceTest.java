package org.perfledger.query.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.SliceTest;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.scoring.ScoringInputs.Inputs;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan scored under the district's scheme, each figure with its formula, and the flags a reviewer must see. */
class ScorecardSliceTest extends SliceTest {

    @Autowired
    TenantReads reads;

    @Test
    void aProjectIsScoredUnderTheLatestSchemeWithItsFormulas() throws Exception {
        JsonNode card = read(YEAR_PATH + "/projects/SPAQ/scorecard", finance());
        assertThat(card.get("schemeVersion").asInt()).isEqualTo(2);
        JsonNode scorecard = card.get("scorecard");
        // the scheme divides by 年初: 250.00 / 149.60 = 167.11%, capped at 100%: the full 20 points
        assertThat(scorecard.get("execution").get("rateShown").decimalValue()).isEqualByComparingTo("167.11");
        assertThat(scorecard.get("execution").get("score").decimalValue()).isEqualByComparingTo("20");
        JsonNode satisfaction = scorecard.get("indicators").get(0);
        assertThat(satisfaction.get("formula").asText()).isEqualTo("10.00 × min(1, 95 / 90)");
        assertThat(satisfaction.get("score").decimalValue()).isEqualByComparingTo("10");
        assertThat(scorecard.get("total").decimalValue()).isEqualByComparingTo("30");
        // 30 of the approved targets and 5 of 设置过期药品回收点, added at the self-evaluation and flagged as such
        assertThat(scorecard.get("flags").toString()).contains("the weights add up to 35, not 100")
                .contains("indicator SPAQ.HSD 设置过期药品回收点 was added at the self-evaluation (自评时补充)");
    }

    @Test
    void withoutASchemeTheRefusalNamesTheMissingScheme() throws Exception {
        JsonNode problem = JSON.readTree(get(YEAR_PATH + "/department/scorecard", finance()).body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("scheme.not-set");
        JsonNode scheme = read("/api/v1/districts/caidian/years/2020/scoring-schemes/project", finance());
        assertThat(scheme.get("versions")).hasSize(2);
        assertThat(scheme.get("scheme").get("execution").get("base").asText()).isEqualTo("INITIAL");
    }

    @Test
    void manyPlansAreReadForScoringAsEachIsReadAlone() {
        reads.inDistrict(DISTRICT, () -> {
            List<PlanId> plans = jdbc.queryForList("SELECT * FROM plan WHERE district = ?", DISTRICT).stream()
                    .map(row -> PlanFigures.planId(DISTRICT, FiscalYear.of(((Number) row.get("fiscal_year")).intValue()),
                            row)).toList();
            assertThat(plans).hasSizeGreaterThanOrEqualTo(2).anyMatch(PlanId::departmentWide);
            ScoringInputs inputs = new ScoringInputs(jdbc);
            Map<PlanId, Inputs> many = inputs.many(plans);
            assertThat(many.keySet()).containsExactlyInAnyOrderElementsOf(plans);
            for (PlanId plan : plans) {
                Inputs one = inputs.one(plan);
                assertThat(one.indicators().facts()).as(plan.toString()).isNotEmpty();
                assertThat(many.get(plan)).as(plan.toString()).isEqualTo(one);
            }
            return null;
        });
    }
}
