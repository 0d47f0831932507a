package org.perfledger.command.results;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads finance's rules from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedResultUseRules implements ResultUseRules {

    private final Repository<ResultUseRuleBook> books;

    EventSourcedResultUseRules(@Lazy Repository<ResultUseRuleBook> books) {
        this.books = books;
    }

    @Override
    public Optional<Version> current(DistrictId district, FiscalYear year) {
        return EventSourcedLookup.find(books, Streams.resultsScheme(district, year), ResultUseRuleBook::current);
    }
}
