package org.perfledger.command.scoring;

import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads the scheme book from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedScoringSchemes implements ScoringSchemes {

    private final Repository<ScoringSchemeBook> books;

    EventSourcedScoringSchemes(@Lazy Repository<ScoringSchemeBook> books) {
        this.books = books;
    }

    @Override
    public Integer currentVersion(DistrictId district, FiscalYear year, EvaluationKind kind) {
        return EventSourcedLookup.find(books, ScoringSchemeBook.aggregateId(district, year, kind),
                ScoringSchemeBook::version).orElse(null);
    }
}
