package org.perfledger.query.excel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.readmodel.Headcounts;
import org.perfledger.query.readmodel.RowJson;

/** What the 自评表 prints in words, from the plan's rows: its head's ticks and lists, its notes and its reasons. */
final class TableTexts {

    private TableTexts() {
    }

    static Map<String, String> reasons(List<Map<String, Object>> evaluations) {
        Map<String, String> reasons = new HashMap<>();
        if (!evaluations.isEmpty() && evaluations.get(0).get("indicators") != null) {
            for (JsonNode node : RowJson.tree(evaluations.get(0).get("indicators").toString())) {
                if (node.hasNonNull("deviationReason")) {
                    reasons.put(node.get("indicator").asText(), node.get("deviationReason").asText());
                }
            }
        }
        return reasons;
    }

    static List<String> units(String json) {
        return json == null ? List.of() : List.of(RowJson.read(json, String[].class));
    }

    /**
     * "1. 部门预算项目 ☑ 2. 财政专项资金 ☐", as the tables tick their options; {@code chosen}: the ticked ones' names,
     * comma-separated (a project may be of several 项目类型), or null.
     */
    static <E extends Enum<E> & Labelled> String ticks(E[] options, String chosen) {
        List<String> ticked = chosen == null ? List.of() : Arrays.asList(chosen.split(","));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.length; i++) {
            text.append(i + 1).append(". ").append(options[i].label()).append(' ')
                    .append(ticked.contains(options[i].name()) ? "☑" : "☐").append(i < options.length - 1 ? "  " : "");
        }
        return text.toString();
    }

    /**
     * The note over the indicator table naming the indicators added at the self-evaluation, whose 年初目标值 column
     * holds a target finance never approved, with the reasons given; null when there are none.
     */
    static String addedAtSelfEvaluation(List<Map<String, Object>> indicators) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Map<String, Object> indicator : indicators) {
            Object reason = indicator.get("added_at_self_evaluation");
            if (reason != null) {
                byReason.computeIfAbsent((String) reason, r -> new ArrayList<>()).add((String) indicator.get("name"));
            }
        }
        if (byReason.isEmpty()) {
            return null;
        }
        StringBuilder note = new StringBuilder("注：以下指标为自评时补充，不在审核通过的年初目标之内：");
        byReason.forEach((reason, names) -> note.append(String.join("、", names)).append("（").append(reason)
                .append("）；"));
        note.setLength(note.length() - 1);
        return note.append("。").toString();
    }

    /** The 年度总体目标 as stated, one a line: "1.信息化工作经费：夯实信息化建设基础…"; null when none are. */
    static String overallGoals(Object json) {
        if (json == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (OverallGoal goal : RowJson.read(json.toString(), OverallGoal[].class)) {
            lines.add((lines.size() + 1) + "." + goal.asPrinted());
        }
        return String.join("\n", lines);
    }

    /** The sub-projects as named, in their order: 党务经费、购买服务及劳务费专项经费、基层站所专项经费. */
    static String subProjects(Object json) {
        return json == null ? null : String.join("、", RowJson.read(json.toString(), String[].class));
    }

    /**
     * The department's headcounts as its 基本情况 states them: "在职人员 168 人（行政编制 108 人、事业参公编制 7 人、
     * 非参公事业人员 53 人），离休人员 1 人，编外人员 92 人", only what was stated; null when nothing was.
     */
    static String staffing(Object json) {
        if (json == null) {
            return null;
        }
        Map<StaffCategory, Integer> counts = Headcounts.read(json.toString());
        List<String> parts = counts.entrySet().stream().filter(count -> count.getKey().partOfInService())
                .map(count -> count.getKey().label() + " " + count.getValue() + " 人").toList();
        List<String> said = new ArrayList<>();
        counts.forEach((category, count) -> {
            if (category == StaffCategory.IN_SERVICE) {
                said.add(category.label() + " " + count + " 人" + (parts.isEmpty() ? "" : "（" + String.join("、", parts)
                        + "）"));
            } else if (!category.partOfInService() || !counts.containsKey(StaffCategory.IN_SERVICE)) {
                said.add(category.label() + " " + count + " 人");
            }
        });
        return String.join("，", said);
    }

    /**
     * The note under the budget row on how the budget moved from 年初 to 调整后, each adjustment as recorded: "注：预算调整：
     * 调减 109.58 万元（九峰所维修费 51.08 + 豹澥所维修费 58.50），… → …，依据 X〔2020〕1 号，原因：…；压减（金额未载明：…），原因：…"; null when
     * the budget was never adjusted.
     */
    static String adjustments(List<Map<String, Object>> movements) {
        if (movements.isEmpty()) {
            return null;
        }
        List<String> said = new ArrayList<>();
        for (Map<String, Object> movement : movements) {
            StringBuilder text = new StringBuilder(AdjustmentKind.valueOf((String) movement.get("kind")).label());
            BigDecimal amount = (BigDecimal) movement.get("amount");
            List<String> parts = new ArrayList<>();
            if (movement.get("parts") != null) {
                for (JsonNode part : RowJson.read(movement.get("parts").toString(), JsonNode.class)) {
                    parts.add(part.path("name").asText() + (part.hasNonNull("amount") ? " "
                            + part.get("amount").asText() : ""));
                }
            }
            if (amount == null) {
                text.append("（金额未载明").append(parts.isEmpty() ? "" : "：" + String.join("、", parts)).append("）");
            } else {
                text.append(' ').append(amount.setScale(2).toPlainString()).append(" 万元")
                        .append(parts.isEmpty() ? "" : "（" + String.join(" + ", parts) + "）").append("，")
                        .append(((BigDecimal) movement.get("from_amount")).setScale(2).toPlainString()).append(" → ")
                        .append(((BigDecimal) movement.get("to_amount")).setScale(2).toPlainString());
            }
            if (movement.get("movement_date") != null) {
                text.append("，").append(movement.get("movement_date"));
            }
            if (movement.get("document_number") != null) {
                text.append("，依据 ").append(movement.get("document_number"));
            }
            if (movement.get("reason") != null) {
                text.append("，原因：").append(movement.get("reason"));
            }
            said.add(text.toString());
        }
        return "注：预算调整：" + String.join("；", said) + "。";
    }

    /**
     * The note over the indicator table naming the indicators whose direction is stated because their target's sign
     * does not say it: "注：以下指标按所列方向读取目标值：农贸市场中心城区排名（≥4，越低越好）"; null when none is.
     */
    static String directions(List<Map<String, Object>> indicators) {
        List<String> said = new ArrayList<>();
        for (Map<String, Object> indicator : indicators) {
            Object direction = indicator.get("direction");
            if (direction != null) {
                said.add(indicator.get("name") + "（" + indicator.get("target_text") + "，"
                        + Direction.valueOf((String) direction).label() + "）");
            }
        }
        return said.isEmpty() ? null : "注：以下指标按所列方向读取目标值：" + String.join("；", said) + "。";
    }
}
