package org.perfledger.query.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.SliceTest;

/**
 * 部门评价 and 财政重点评价 from the shared history: SPAQ's 财政重点评价 by agency-7 (spending verified at 125.00 of the
 * 250.00 recorded, 群众满意度 at 85% against 90%以上), returned once and accepted; its 部门评价 commissioned from the
 * department's editor, not reported. The evaluator reads that plan and its evaluation, and nothing else.
 */
class ExternalEvaluationSliceTest extends SliceTest {

    private static final String SPAQ = YEAR_PATH + "/projects/SPAQ";

    private static String evaluator(String subject) {
        return TestInfrastructure.issuer().token(subject, DISTRICT, null, List.of("EVALUATOR"));
    }

    @Test
    void anEvaluationIsScoredFromTheVerifiedFiguresBesideTheSelfEvaluation() throws Exception {
        JsonNode evaluations = read(SPAQ + "/evaluations", finance());
        assertThat(evaluations).hasSize(2);
        JsonNode key = evaluations.get(0);
        assertThat(key.get("type").get("code").asText()).isEqualTo("FINANCE_KEY");
        assertThat(key.get("type").get("label").asText()).isEqualTo("财政重点评价");
        assertThat(key.get("status").asText()).isEqualTo("accepted");
        assertThat(key.get("planName").asText()).isNotBlank();
        assertThat(key.get("departmentName").asText()).isNotBlank();
        assertThat(key.get("returnReason").asText()).isEqualTo("未附回访记录");
        assertThat(key.get("decisionNote").asText()).isEqualTo("验收通过");
        assertThat(key.get("verified").get(0).get("note").asText()).isEqualTo("抽样回访，附记录");
        assertThat(key.get("executed").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(key.get("publishedChannels").asText()).isEqualTo("区政府门户网站");
        assertThat(key.get("publishedAt").isNull()).isFalse();
        assertThat(evaluations.get(1).get("publishedAt").isNull()).isTrue();

        // scored by the engine under the scheme of evaluations: the verified spending in the execution part, 85%
        // for 群众满意度 where the department recorded 95%
        JsonNode card = key.get("scorecard");
        assertThat(card.get("execution").get("executed").decimalValue()).isEqualByComparingTo("125.00");
        JsonNode divergence = key.get("divergence");
        BigDecimal self = divergence.get("selfTotal").decimalValue();
        BigDecimal evaluation = divergence.get("evaluationTotal").decimalValue();
        assertThat(evaluation).isEqualByComparingTo(card.get("total").decimalValue());
        assertThat(divergence.get("difference").decimalValue()).isEqualByComparingTo(evaluation.subtract(self));
        assertThat(evaluation).isLessThan(self);
        assertThat(divergence.get("parts").findValuesAsText("part")).contains("SPAQ.HG");
        JsonNode satisfaction = null;
        for (JsonNode part : divergence.get("parts")) {
            if (part.get("part").asText().equals("SPAQ.HG")) {
                satisfaction = part;
            }
        }
        assertThat(satisfaction.get("evaluation").decimalValue()).isLessThan(satisfaction.get("self").decimalValue());
        assertThat(divergence.get("large").asBoolean()).isEqualTo(
                evaluation.subtract(self).abs().compareTo(BigDecimal.TEN) >= 0
                        || !divergence.get("selfGrade").asText().equals(divergence.get("evaluationGrade").asText()));

        JsonNode department = evaluations.get(1);
        assertThat(department.get("type").get("code").asText()).isEqualTo("DEPARTMENT");
        assertThat(department.get("status").asText()).isEqualTo("commissioned");
        assertThat(department.get("scorecard").isNull()).isTrue();
        assertThat(department.get("divergence").isNull()).isTrue();
    }

    @Test
    void anEvaluatorReadsThePlansCommissionedFromItAndNothingElse() throws Exception {
        String agency = evaluator("agency-7");
        assertThat(read(SPAQ, agency).get("name").asText()).isNotBlank();
        assertThat(read(SPAQ + "/scorecard", agency).get("plan").asText()).contains("SPAQ");
        JsonNode mine = read(SPAQ + "/evaluations", agency);
        assertThat(mine.findValuesAsText("evaluator")).containsExactly("agency-7");
        assertThat(mine.get(0).get("yours").asBoolean()).isTrue();
        assertThat(read(SPAQ + "/evaluations", finance()).get(0).get("yours").asBoolean()).isFalse();
        assertThat(read("/api/v1/districts/caidian/evaluations", agency).findValuesAsText("number")).containsExactly("1");
        assertThat(status(SPAQ + "/self-evaluation.xlsx", agency)).isEqualTo(200);

        // nothing else: the department's other plan, its list of projects, the dashboards, the overview, the log
        assertThat(status(YEAR_PATH + "/department", agency)).isEqualTo(404);
        assertThat(status(YEAR_PATH + "/projects", agency)).isEqualTo(403);
        assertThat(status(YEAR_PATH + "/dashboard", agency)).isEqualTo(403);
        assertThat(status("/api/v1/districts/caidian/years/2020/overview", agency)).isEqualTo(403);
        assertThat(status("/api/v1/districts/caidian/years/2020/work", agency)).isEqualTo(403);
        assertThat(status("/api/v1/districts/caidian/years", agency)).isEqualTo(403);
        // another district's name is unknown to it, and so is another evaluator's plan
        assertThat(status("/api/v1/districts/donghu/evaluations", agency)).isEqualTo(404);
        String other = evaluator("agency-8");
        assertThat(status(SPAQ, other)).isEqualTo(404);
        assertThat(status(SPAQ + "/evaluations", other)).isEqualTo(404);
        assertThat(read("/api/v1/districts/caidian/evaluations", other)).isEmpty();
    }

    @Test
    void financeSeesEveryEvaluationOfItsDistrictAndADepartmentItsOwn() throws Exception {
        assertThat(read("/api/v1/districts/caidian/evaluations?year=2020", finance()).findValuesAsText("planKey"))
                .containsExactly("SPAQ", "SPAQ");
        assertThat(read("/api/v1/districts/caidian/evaluations?year=2019", finance())).isEmpty();
        assertThat(read("/api/v1/districts/caidian/evaluations", editor("scjgj"))).hasSize(2);
        assertThat(read("/api/v1/districts/caidian/evaluations", editor("other"))).isEmpty();
        assertThat(status("/api/v1/districts/caidian/evaluations?year=abc", finance())).isEqualTo(400);
    }
}
