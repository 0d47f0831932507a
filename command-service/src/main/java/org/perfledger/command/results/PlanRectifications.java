package org.perfledger.command.results;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.results.RectificationCommands.CloseRectification;
import org.perfledger.command.results.RectificationCommands.RaiseRectification;
import org.perfledger.command.results.RectificationCommands.ReportRectification;
import org.perfledger.command.results.RectificationCommands.ReturnRectification;
import org.perfledger.kernel.results.RectificationEvents.RectificationClosed;
import org.perfledger.kernel.results.RectificationEvents.RectificationRaised;
import org.perfledger.kernel.results.RectificationEvents.RectificationReported;
import org.perfledger.kernel.results.RectificationEvents.RectificationReturned;

/**
 * A plan's rectification items (整改事项, an aggregate member of the plan): raised by finance with an owner and a
 * deadline; open until the department reports what it did; a report finance returns is open again; finance closes
 * (销号) a reported item, and a closed item stays closed.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanRectifications {

    /** Where an item stands. */
    enum Status { OPEN, REPORTED, CLOSED }

    private Map<Integer, Status> items = new TreeMap<>();

    @CommandHandler
    Object[] raise(RaiseRectification command) {
        String issue = PlanRules.text("issue", command.issue(), PlanLimits.MAX_TEXT);
        String owner = PlanRules.text("owner", command.owner(), PlanLimits.MAX_SHORT_TEXT);
        int year = command.plan().year().value();
        if (command.deadline() == null || command.deadline().getYear() < year
                || command.deadline().getYear() > year + 2) {
            throw new DomainRejection(Kind.RULE, "rectification.deadline", "deadline", "deadline is the day the item "
                    + "is put right by, from " + year + " to " + (year + 2));
        }
        int number = items.size() + 1;
        apply(new RectificationRaised(command.plan(), number, issue, owner, command.deadline()));
        return new Object[] {"number", number};
    }

    @CommandHandler
    Object[] report(ReportRectification command) {
        require(command.number(), Status.OPEN, "reported: it is");
        apply(new RectificationReported(command.plan(), command.number(),
                PlanRules.text("measures", command.measures(), PlanLimits.MAX_TEXT),
                PlanRules.text("evidence", command.evidence(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number()};
    }

    @CommandHandler
    Object[] giveBack(ReturnRectification command) {
        require(command.number(), Status.REPORTED, "returned: it is");
        apply(new RectificationReturned(command.plan(), command.number(),
                PlanRules.text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number()};
    }

    @CommandHandler
    Object[] close(CloseRectification command) {
        require(command.number(), Status.REPORTED, "closed: it is");
        apply(new RectificationClosed(command.plan(), command.number(),
                PlanRules.optionalText("note", command.note(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number()};
    }

    private void require(int number, Status wanted, String action) {
        Status status = items.get(number);
        if (status == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "rectification.unknown", "number", "the plan has no "
                    + "rectification item " + number);
        }
        if (status != wanted) {
            throw new DomainRejection(Kind.CONFLICT, "rectification." + status.name().toLowerCase(), "number",
                    "rectification item " + number + " cannot be " + action + " " + status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(RectificationRaised event) {
        items.put(event.number(), Status.OPEN);
    }

    @EventSourcingHandler
    void on(RectificationReported event) {
        items.put(event.number(), Status.REPORTED);
    }

    @EventSourcingHandler
    void on(RectificationReturned event) {
        items.put(event.number(), Status.OPEN);
    }

    @EventSourcingHandler
    void on(RectificationClosed event) {
        items.put(event.number(), Status.CLOSED);
    }
}
