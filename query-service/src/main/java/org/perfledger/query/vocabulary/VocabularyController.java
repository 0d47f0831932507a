package org.perfledger.query.vocabulary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.platform.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words the forms offer, straight from the kernel's types (so a form never offers what a command refuses), and how
 * the kernel reads a target or an actual value as it is typed: the forms' live preview and their kind check.
 */
@RestController
class VocabularyController {

    /** A choice: the code a command takes, its Chinese name, and (二级指标) the 一级指标 it may sit under. */
    record Term(String code, String label, List<String> under) {
    }

    /**
     * How a text reads: its typed value, or why it cannot be read; beside a target, whether an actual of this kind
     * may complete it ({@code mismatch} then says why not).
     */
    record Reading(String text, TargetValue value, String rule, String problem, Boolean fits, String mismatch) {
    }

    private static final int MAX_TEXT = 200;

    private static final Map<String, List<Term>> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("fundingSource", terms(FundingSource.values()));
        TERMS.put("expenditureClass", terms(ExpenditureClass.values()));
        TERMS.put("adjustmentKind", terms(AdjustmentKind.values()));
        TERMS.put("projectCategory", terms(ProjectCategory.values()));
        TERMS.put("projectAttribute", terms(ProjectAttribute.values()));
        TERMS.put("projectType", terms(ProjectType.values()));
        TERMS.put("level1", terms(IndicatorLevel1.values()));
        TERMS.put("level2", Arrays.stream(IndicatorLevel2.values()).map(level2 -> new Term(level2.name(),
                level2.label(), Arrays.stream(IndicatorLevel1.values()).filter(level2::belongsTo)
                        .map(Enum::name).toList())).toList());
        TERMS.put("achievement", terms(Achievement.values()));
        TERMS.put("direction", terms(Direction.values()));
        TERMS.put("staffCategory", terms(StaffCategory.values()));
        TERMS.put("grade", terms(Grade.values()));
        TERMS.put("phase", terms(PlanPhase.values()));
    }

    @GetMapping("/api/v1/vocabulary")
    Map<String, List<Term>> vocabulary() {
        return TERMS;
    }

    @GetMapping("/api/v1/target-readings")
    Reading read(@RequestParam("text") String text, @RequestParam(value = "target", required = false) String target) {
        bound("text", text);
        bound("target", target);
        TargetValue value;
        try {
            value = Target.parse(text).value();
        } catch (InvalidValueException e) {
            return new Reading(text, null, e.rule(), e.getMessage(), null, null);
        }
        if (target == null || target.isBlank()) {
            return new Reading(text, value, null, null, null, null);
        }
        try {
            String mismatch = TargetValue.kindMismatch(Target.parse(target).value(), value).orElse(null);
            return new Reading(text, value, null, null, mismatch == null, mismatch);
        } catch (InvalidValueException e) {
            return new Reading(text, value, null, null, null, null);
        }
    }

    private static void bound(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidParameterException(field, "text.length", field + " is at most " + MAX_TEXT
                    + " characters");
        }
    }

    private static <E extends Enum<E> & Labelled> List<Term> terms(E[] values) {
        return Arrays.stream(values).map(value -> new Term(value.name(), value.label(), List.of())).toList();
    }
}
