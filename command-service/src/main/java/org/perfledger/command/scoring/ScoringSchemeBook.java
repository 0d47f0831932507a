package org.perfledger.command.scoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.event.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.ScoringScheme.Band;
import org.perfledger.kernel.scoring.ScoringScheme.GradeBand;
import org.perfledger.kernel.scoring.ScoringScheme.IndicatorRule;
import org.perfledger.kernel.scoring.ScoringScheme.RuleType;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/**
 * The scoring schemes of one kind of evaluation in one district and year, as district finance set them, version by
 * version. Setting a scheme never changes an earlier version.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ScoringSchemeBook {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String id;
    private int version;
    private ScoringScheme current;

    protected ScoringSchemeBook() {
        // for Axon
    }

    public static String aggregateId(DistrictId district, FiscalYear year, EvaluationKind kind) {
        return Streams.scheme(district, year, kind);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetScoringScheme command) {
        ScoringScheme scheme = command.scheme();
        if (scheme.equals(current)) {
            return version;
        }
        validate(scheme);
        apply(new ScoringSchemeSet(command.district(), command.year(), command.kind(), version + 1, scheme));
        return version;
    }

    /** Bounds of a scheme: a district's rules fit in far less, and nothing larger is stored or scored. */
    static final int MAX_BANDS = 20;
    static final int MAX_GRADES = 10;
    static final int MAX_OVERRIDES = 500;
    static final int MAX_CODE_LENGTH = 63;
    private static final BigDecimal MAX_RATIO = BigDecimal.valueOf(10_000);

    private static void validate(ScoringScheme scheme) {
        if (scheme.overrides().size() > MAX_OVERRIDES) {
            throw new DomainRejection(Kind.RULE, "scheme.overrides-count", "overrides", "a scheme has at most "
                    + MAX_OVERRIDES + " overrides");
        }
        for (String code : scheme.overrides().keySet()) {
            try {
                Checks.requireText(code, "an override's indicator code", MAX_CODE_LENGTH);
            } catch (InvalidValueException e) {
                throw DomainRejection.brokenRule("overrides", e);
            }
        }
        if (scheme.grades().size() > MAX_GRADES) {
            throw new DomainRejection(Kind.RULE, "scheme.grades-count", "grades", "a scheme has at most " + MAX_GRADES
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
                    throw new DomainRejection(Kind.RULE, "scheme.bands-required", "overrides." + override.getKey(),
                            "a banded rule needs its bands");
                }
                bands("overrides." + override.getKey() + ".bands", rule.bands());
            }
        }
        if (scheme.grades().isEmpty()) {
            throw new DomainRejection(Kind.RULE, "scheme.grades-required", "grades", "a scheme needs its grade bands");
        }
        BigDecimal previous = null;
        for (int i = 0; i < scheme.grades().size(); i++) {
            GradeBand band = scheme.grades().get(i);
            points("grades[" + i + "].atLeast", band.atLeast());
            if (previous != null && band.atLeast().compareTo(previous) >= 0) {
                throw new DomainRejection(Kind.RULE, "scheme.grades-order", "grades[" + i + "]",
                        "grade bands go from the highest threshold down");
            }
            previous = band.atLeast();
        }
        int rate = scheme.precision().rateDecimals();
        int score = scheme.precision().scoreDecimals();
        if (rate < 0 || rate > 4 || score < 0 || score > 4) {
            throw new DomainRejection(Kind.RULE, "scheme.precision", "precision",
                    "rates and scores are printed with 0 to 4 decimals");
        }
        if (total.compareTo(HUNDRED) > 0) {
            throw new DomainRejection(Kind.RULE, "scheme.execution-weight", "execution.weight",
                    "execution cannot be worth more than 100 points");
        }
    }

    private static void bands(String field, List<Band> bands) {
        if (bands.size() > MAX_BANDS) {
            throw new DomainRejection(Kind.RULE, "scheme.bands-count", field, field + " has at most " + MAX_BANDS
                    + " bands");
        }
        for (int i = 0; i < bands.size(); i++) {
            percent(field + "[" + i + "].credit", bands.get(i).credit());
            if (bands.get(i).atLeast().signum() < 0 || bands.get(i).atLeast().compareTo(MAX_RATIO) > 0) {
                throw new DomainRejection(Kind.RULE, "scheme.band", field + "[" + i + "].atLeast",
                        "a band starts at a ratio from 0% to " + MAX_RATIO + "%");
            }
        }
    }

    private static void points(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new DomainRejection(Kind.RULE, "scheme.points", field, field + " must be between 0 and 100");
        }
    }

    private static void percent(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new DomainRejection(Kind.RULE, "scheme.percent", field, field + " is a percentage from 0 to 100");
        }
    }

    @EventSourcingHandler
    void on(ScoringSchemeSet event) {
        id = aggregateId(event.district(), event.year(), event.kind());
        version = event.version();
        current = event.scheme();
    }

    int version() {
        return version;
    }
}
