package org.perfledger.command.assessment;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads the scheme book from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedAssessmentSchemes implements AssessmentSchemes {

    private final Repository<AssessmentSchemeBook> books;

    EventSourcedAssessmentSchemes(@Lazy Repository<AssessmentSchemeBook> books) {
        this.books = books;
    }

    @Override
    public Optional<AssessmentSchemeBook.Version> current(DistrictId district, FiscalYear year) {
        return EventSourcedLookup.find(books, Streams.assessmentScheme(district, year), AssessmentSchemeBook::current);
    }
}
