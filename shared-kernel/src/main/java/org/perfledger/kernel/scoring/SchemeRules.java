package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfledger.kernel.scoring.ScoringScheme.Band;
import org.perfledger.kernel.scoring.ScoringScheme.GradeBand;
import org.perfledger.kernel.scoring.ScoringScheme.IndicatorRule;
import org.perfledger.kernel.scoring.ScoringScheme.RuleType;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * What a scoring scheme must hold to be set or previewed: bounded lists, points and percentages from 0 to 100, grade
 * bands from the highest threshold down, 0 to 4 decimals, execution worth at most 100 points. One set of rules for the
 * command that sets a scheme and the query that previews one.
 */
public final class SchemeRules {

    /** The first rule a scheme breaks: its code, the field (as the scheme's JSON names it) and why. */
    public record Violation(String rule, String field, String message) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SchemeRules() {
    }

    /** The first rule the scheme breaks, or empty when it may be set. */
    public static Optional<Violation> broken(ScoringScheme scheme) {
        try {
            check(scheme);
            return Optional.empty();
        } catch (Broken broken) {
            return Optional.of(new Violation(broken.rule, broken.field, broken.getMessage()));
        }
    }

    private static final class Broken extends RuntimeException {
        private final String rule;
        private final String field;

        Broken(String rule, String field, String message) {
            super(message, null, false, false);
            this.rule = rule;
            this.field = field;
        }
    }

    /** Bounds of a scheme: a district's rules fit in far less, and nothing larger is stored or scored. */
    public static final int MAX_BANDS = 20;
    public static final int MAX_GRADES = 10;
    public static final int MAX_OVERRIDES = 500;
    public static final int MAX_CODE_LENGTH = 63;
    private static final BigDecimal MAX_RATIO = BigDecimal.valueOf(10_000);

    private static void check(ScoringScheme scheme) {
        if (scheme.overrides().size() > MAX_OVERRIDES) {
            throw new Broken("scheme.overrides-count", "overrides", "a scheme has at most "
                    + MAX_OVERRIDES + " overrides");
        }
        for (String code : scheme.overrides().keySet()) {
            try {
                Checks.requireText(code, "an override's indicator code", MAX_CODE_LENGTH);
            } catch (InvalidValueException e) {
                throw new Broken(e.rule(), "overrides", e.getMessage());
            }
        }
        if (scheme.grades().size() > MAX_GRADES) {
            throw new Broken("scheme.grades-count", "grades", "a scheme has at most " + MAX_GRADES
                    + " grade bands");
        }
        BigDecimal total = BigDecimal.ZERO;
        if (scheme.execution() != null) {
            points("execution.weight", scheme.execution().weight());
            bands("execution.bands", scheme.execution().bands());
            total = total.add(scheme.execution().weight());
        }
        percent("partialCredit", scheme.partialCredit());
        bands("shortfallBands", scheme.shortfallBands());
        for (Map.Entry<String, IndicatorRule> override : scheme.overrides().entrySet()) {
            IndicatorRule rule = override.getValue();
            if (rule.type() == RuleType.BANDED) {
                if (rule.bands().isEmpty()) {
                    throw new Broken("scheme.bands-required", "overrides." + override.getKey(),
                            "a banded rule needs its bands");
                }
                bands("overrides." + override.getKey() + ".bands", rule.bands());
            }
        }
        if (scheme.grades().isEmpty()) {
            throw new Broken("scheme.grades-required", "grades", "a scheme needs its grade bands");
        }
        BigDecimal previous = null;
        for (int i = 0; i < scheme.grades().size(); i++) {
            GradeBand band = scheme.grades().get(i);
            points("grades[" + i + "].atLeast", band.atLeast());
            if (previous != null && band.atLeast().compareTo(previous) >= 0) {
                throw new Broken("scheme.grades-order", "grades[" + i + "]",
                        "grade bands go from the highest threshold down");
            }
            previous = band.atLeast();
        }
        // a stand-in for a rule nobody published names the convention it stands in with
        text("source", scheme.source(), scheme.unpublished());
        if (scheme.plans().size() > MAX_OVERRIDES) {
            throw new Broken("scheme.plans-count", "plans", "a scheme has at most " + MAX_OVERRIDES
                    + " plans of their own layout");
        }
        for (Map.Entry<String, ScoringScheme.PlanLayout> plan : scheme.plans().entrySet()) {
            String field = "plans." + plan.getKey();
            try {
                Checks.requireText(plan.getKey(), "a plan's key", MAX_CODE_LENGTH);
            } catch (InvalidValueException e) {
                throw new Broken(e.rule(), "plans", e.getMessage());
            }
            if (scheme.execution() == null) {
                throw new Broken("scheme.plan-without-execution", field, "a plan's own execution weight or base needs "
                        + "a scheme that scores execution");
            }
            if (plan.getValue().executionWeight() != null) {
                points(field + ".executionWeight", plan.getValue().executionWeight());
            }
            // a plan scored apart from its district says why: the document or convention that states its layout
            text(field + ".source", plan.getValue().source(), true);
        }
        int rate = scheme.precision().rateDecimals();
        int score = scheme.precision().scoreDecimals();
        if (rate < 0 || rate > 4 || score < 0 || score > 4) {
            throw new Broken("scheme.precision", "precision",
                    "rates and scores are printed with 0 to 4 decimals");
        }
        if (total.compareTo(HUNDRED) > 0) {
            throw new Broken("scheme.execution-weight", "execution.weight",
                    "execution cannot be worth more than 100 points");
        }
    }

    /** Bound of a scheme's or a plan layout's source, which cites a document or a convention. */
    public static final int MAX_SOURCE_LENGTH = 500;

    private static void text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new Broken("scheme.source-required", field, field + " names the document or the published "
                        + "convention that states the layout");
            }
            return;
        }
        try {
            Checks.requireText(value, field, MAX_SOURCE_LENGTH);
        } catch (InvalidValueException e) {
            throw new Broken(e.rule(), field, e.getMessage());
        }
    }

    private static void bands(String field, List<Band> bands) {
        if (bands.size() > MAX_BANDS) {
            throw new Broken("scheme.bands-count", field, field + " has at most " + MAX_BANDS
                    + " bands");
        }
        for (int i = 0; i < bands.size(); i++) {
            percent(field + "[" + i + "].credit", bands.get(i).credit());
            if (bands.get(i).atLeast().signum() < 0 || bands.get(i).atLeast().compareTo(MAX_RATIO) > 0) {
                throw new Broken("scheme.band", field + "[" + i + "].atLeast",
                        "a band starts at a ratio from 0% to " + MAX_RATIO + "%");
            }
        }
    }

    private static void points(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new Broken("scheme.points", field, field + " must be between 0 and 100");
        }
    }

    private static void percent(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new Broken("scheme.percent", field, field + " is a percentage from 0 to 100");
        }
    }
}
