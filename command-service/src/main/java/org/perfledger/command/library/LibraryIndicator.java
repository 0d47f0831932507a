package org.perfledger.command.library;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.command.library.LibraryCommands.DefineLibraryIndicator;
import org.perfledger.command.library.LibraryCommands.RetireLibraryIndicator;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.library.LibraryEvents;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;

/**
 * One indicator of district finance's library (指标库), version by version: a 共性指标 names no sector, a 个性指标 its
 * sector; its 二级 class is one of its 一级 class's. Defining it again as it stands changes nothing; once retired it
 * stays retired, and plans that picked it keep what they took.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class LibraryIndicator {

    @AggregateIdentifier
    private String id;
    private LibraryIndicatorDefined current;
    private boolean retired;

    protected LibraryIndicator() {
        // for Axon
    }

    /** What a plan takes from the library when it picks the indicator. */
    public record Entry(int version, IndicatorLevel1 level1, IndicatorLevel2 level2, String name, boolean retired) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(DefineLibraryIndicator command) {
        if (retired) {
            throw new DomainRejection(Kind.CONFLICT, "library.retired", "code", "library indicator " + command.code()
                    + " is retired; define a new code instead");
        }
        String sector = PlanRules.optionalText("sector", command.sector(), LibraryEvents.MAX_SECTOR);
        if (command.kind() == LibraryKind.SECTOR && sector == null) {
            throw new DomainRejection(Kind.RULE, "library.sector-missing", "sector", "a 个性指标 names its sector");
        }
        if (command.kind() == LibraryKind.COMMON && sector != null) {
            throw new DomainRejection(Kind.RULE, "library.sector-common", "sector", "a 共性指标 belongs to no sector; "
                    + "got " + sector);
        }
        if (!command.level2().belongsTo(command.level1())) {
            throw new DomainRejection(Kind.RULE, "indicator.level2", "level2", "二级指标 " + command.level2().label()
                    + " is not one of " + command.level1().label());
        }
        String name = PlanRules.text("name", command.name(), Indicator.MAX_NAME_LENGTH);
        String unit = PlanRules.optionalText("unit", command.unit(), LibraryEvents.MAX_UNIT);
        String guidance = PlanRules.optionalText("guidance", command.guidance(), PlanLimits.MAX_TEXT);
        int version = current == null ? 0 : current.version();
        LibraryIndicatorDefined next = new LibraryIndicatorDefined(command.district(), command.code(), version,
                command.kind(), sector, command.level1(), command.level2(), name, unit, command.direction(),
                command.basis(), guidance);
        // the definition as it stands, defined again: the same event but for nothing new
        if (next.equals(current)) {
            return version;
        }
        apply(new LibraryIndicatorDefined(command.district(), command.code(), version + 1, command.kind(), sector,
                command.level1(), command.level2(), name, unit, command.direction(), command.basis(), guidance));
        return version + 1;
    }

    @CommandHandler
    public int handle(RetireLibraryIndicator command) {
        if (retired) {
            throw new DomainRejection(Kind.CONFLICT, "library.retired", "code", "library indicator " + command.code()
                    + " is already retired");
        }
        String reason = PlanRules.text("reason", command.reason(), PlanLimits.MAX_REASON);
        apply(new LibraryIndicatorRetired(command.district(), command.code(), reason));
        return current.version();
    }

    @EventSourcingHandler
    void on(LibraryIndicatorDefined event) {
        id = Streams.libraryIndicator(event.district(), event.code());
        current = event;
    }

    @EventSourcingHandler
    void on(LibraryIndicatorRetired event) {
        retired = true;
    }

    Entry entry() {
        return new Entry(current.version(), current.level1(), current.level2(), current.name(), retired);
    }
}
