package org.perfledger.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;

/**
 * How stored events of older versions become the current version: one step per version, on the stored JSON, so the
 * record itself is never rewritten. Every reader of stored or published events goes through here: Axon's event store
 * (an upcaster adapts it), the query side's decoder and the auditor's event log.
 *
 * <p>A step may only derive what the older version already says; it never invents a value.
 */
public final class EventUpcasting {

    /** "name/version" → the step from that version to the next. */
    private static final Map<String, UnaryOperator<ObjectNode>> STEPS = Map.of(
            "YearClosed/1", EventUpcasting::yearClosedWithExecutionRate,
            "SelfEvaluationSubmitted/1", EventUpcasting::scoresAtTheDecimalsTheyKept,
            "ProjectRegistered/1", EventUpcasting::projectTypesAsAList,
            "BudgetAdjusted/1", EventUpcasting::adjustmentWithItsParts,
            "GoalAdded/1", EventUpcasting::goalWithoutPoints,
            "GoalAdded/2", EventUpcasting::goalForNoPartOfTheBudget);

    private EventUpcasting() {
    }

    /** Whether an event of this type and version has a step to the next version. */
    public static boolean hasStep(String type, int version) {
        return STEPS.containsKey(type + "/" + version);
    }

    /** One step: the payload of {@code version} as version {@code version + 1}. */
    public static JsonNode step(String type, int version, JsonNode payload) {
        UnaryOperator<ObjectNode> step = STEPS.get(type + "/" + version);
        if (step == null) {
            throw new IllegalArgumentException("no upcaster from " + type + " version " + version);
        }
        return step.apply(((ObjectNode) payload).deepCopy());
    }

    /** The payload as the current version of its type (unchanged when it already is, or the type is unknown). */
    public static JsonNode toCurrent(String type, int version, JsonNode payload) {
        JsonNode current = payload;
        int at = version;
        while (hasStep(type, at)) {
            current = step(type, at, current);
            at++;
        }
        return current;
    }

    /**
     * SelfEvaluationSubmitted 1 → 2: version 1 stored every score at two decimals, so how it was printed is lost ("17",
     * "17.0" and "17.00" all became "17.00"). Version 2 keeps the printed decimals. A version 1 score is read at the
     * decimals that remain once the trailing zeros go, as it was always judged: the lenient reading, never a stricter
     * one than the department may have meant.
     */
    private static ObjectNode scoresAtTheDecimalsTheyKept(ObjectNode payload) {
        stripped(payload, "score");
        stripped(payload, "executionScore");
        for (JsonNode indicator : payload.path("indicators")) {
            stripped((ObjectNode) indicator, "score");
        }
        return payload;
    }

    private static void stripped(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull()) {
            BigDecimal stripped = new BigDecimal(value.asText()).stripTrailingZeros();
            node.put(field, (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString());
        }
    }

    /** GoalAdded 1 → 2: version 1 held no points for a goal; it had none of its own. */
    private static ObjectNode goalWithoutPoints(ObjectNode payload) {
        payload.putNull("weight");
        return payload;
    }

    /** GoalAdded 2 → 3: version 2 did not tie a goal to a part of the budget. */
    private static ObjectNode goalForNoPartOfTheBudget(ObjectNode payload) {
        payload.putNull("fundedBy");
        return payload;
    }

    /** BudgetAdjusted 1 → 2: version 1 held no parts; an adjustment then was not itemised. */
    private static ObjectNode adjustmentWithItsParts(ObjectNode payload) {
        payload.putArray("parts");
        return payload;
    }

    /** ProjectRegistered 1 → 2: its one 项目类型 as the list of its types. */
    private static ObjectNode projectTypesAsAList(ObjectNode payload) {
        JsonNode type = payload.remove("type");
        ArrayNode types = payload.putArray("types");
        if (type != null && !type.isNull()) {
            types.add(type);
        }
        return payload;
    }

    /** YearClosed 1 → 2: the 执行率 over the adjusted budget, from the figures the event already holds. */
    private static ObjectNode yearClosedWithExecutionRate(ObjectNode payload) {
        WanYuan executed = WanYuan.parse(payload.path("executed").asText());
        WanYuan adjusted = WanYuan.parse(payload.path("adjustedBudget").asText());
        Percentage rate = YearClosed.executionRate(executed, adjusted);
        if (rate == null) {
            payload.putNull("executionRate");
        } else {
            payload.put("executionRate", rate.toPlainString());
        }
        return payload;
    }
}
