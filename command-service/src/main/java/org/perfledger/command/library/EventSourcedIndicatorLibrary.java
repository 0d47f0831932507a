package org.perfledger.command.library;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.IndicatorCode;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads a library indicator from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedIndicatorLibrary implements IndicatorLibrary {

    private final Repository<LibraryIndicator> indicators;

    EventSourcedIndicatorLibrary(@Lazy Repository<LibraryIndicator> indicators) {
        this.indicators = indicators;
    }

    @Override
    public Optional<LibraryIndicator.Entry> find(DistrictId district, IndicatorCode code) {
        return EventSourcedLookup.find(indicators, Streams.libraryIndicator(district, code), LibraryIndicator::entry);
    }
}
