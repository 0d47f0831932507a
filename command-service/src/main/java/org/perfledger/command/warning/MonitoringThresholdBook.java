package org.perfledger.command.warning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.warning.WarningCommands.SetMonitoringThresholds;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.warning.MonitoringThresholds;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;

/**
 * District finance's thresholds of monitoring warnings for one year, version by version: yellow below red, both
 * percentage points between 0 and 100 with at most two decimals. Setting the same thresholds from the same source
 * again changes nothing.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class MonitoringThresholdBook {

    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String id;
    private int version;
    private MonitoringThresholds thresholds;
    private String source;

    protected MonitoringThresholdBook() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetMonitoringThresholds command) {
        points("yellow", command.yellow());
        points("red", command.red());
        if (command.yellow().compareTo(command.red()) >= 0) {
            throw new DomainRejection(Kind.RULE, "thresholds.order", "red", "红灯 is for being further behind than "
                    + "黄灯: red must be above yellow, got yellow " + command.yellow().toPlainString() + " and red "
                    + command.red().toPlainString());
        }
        String source = PlanRules.optionalText("source", command.source(), PlanLimits.MAX_REASON);
        MonitoringThresholds asked = new MonitoringThresholds(command.yellow(), command.red());
        if (version > 0 && same(asked, thresholds) && Objects.equals(source, this.source)) {
            return version;
        }
        apply(new MonitoringThresholdsSet(command.district(), command.year(), version + 1, command.yellow(),
                command.red(), source));
        return version;
    }

    @EventSourcingHandler
    void on(MonitoringThresholdsSet event) {
        id = Streams.warningScheme(event.district(), event.year());
        version = event.version();
        thresholds = event.thresholds();
        source = event.source();
    }

    private static void points(String field, Percentage value) {
        BigDecimal points = value.value();
        if (points.signum() < 0 || points.compareTo(MAX) > 0 || points.stripTrailingZeros().scale() > 2) {
            throw new DomainRejection(Kind.RULE, "thresholds.points", field, "a threshold is percentage points "
                    + "between 0 and 100 with at most two decimals, got " + points.toPlainString());
        }
    }

    /** The same thresholds, however written (5 and 5.00 alike). */
    private static boolean same(MonitoringThresholds a, MonitoringThresholds b) {
        return a.yellow().compareTo(b.yellow()) == 0 && a.red().compareTo(b.red()) == 0;
    }
}
