package org.perfledger.command.scoring;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads the scheme book from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedScoringSchemes implements ScoringSchemes, ScoringSchemeVersions {

    private final Repository<ScoringSchemeBook> books;

    EventSourcedScoringSchemes(@Lazy Repository<ScoringSchemeBook> books) {
        this.books = books;
    }

    @Override
    public Integer currentVersion(DistrictId district, FiscalYear year, EvaluationKind kind) {
        return EventSourcedLookup.find(books, ScoringSchemeBook.aggregateId(district, year, kind),
                ScoringSchemeBook::version).orElse(null);
    }

    @Override
    public Optional<ScoringScheme> scheme(DistrictId district, FiscalYear year, EvaluationKind kind, int version) {
        return EventSourcedLookup.find(books, ScoringSchemeBook.aggregateId(district, year, kind),
                book -> book.atVersion(version));
    }
}
