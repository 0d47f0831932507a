package org.perfledger.command.warning;

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
import org.perfledger.command.warning.WarningCommands.AnswerWarning;
import org.perfledger.command.warning.WarningCommands.IssueWarning;
import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;

/**
 * Finance's warnings on a plan during the year (an aggregate member of the plan): each a 提示 or 警示 with what is
 * wrong and the day by which the department answers; the department answers each once.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanWarnings {

    /** By number: whether it is answered. */
    private Map<Integer, Boolean> answered = new TreeMap<>();

    @CommandHandler
    Object[] issue(IssueWarning command) {
        if (command.level() == null) {
            throw new DomainRejection(Kind.RULE, "warning.level", "level", "level is required: 提示 (NOTICE) or 警示 "
                    + "(CAUTION)");
        }
        String text = PlanRules.text("text", command.text(), PlanLimits.MAX_TEXT);
        int year = command.plan().year().value();
        if (command.respondBy() == null || command.respondBy().getYear() < year
                || command.respondBy().getYear() > year + 1) {
            throw new DomainRejection(Kind.RULE, "warning.respond-by", "respondBy", "respondBy is the day the department "
                    + "answers by, in " + year + " or " + (year + 1));
        }
        apply(new WarningIssued(command.plan(), answered.size() + 1, command.level(), text, command.respondBy()));
        return new Object[] {"number", answered.size()};
    }

    @CommandHandler
    Object[] answer(AnswerWarning command) {
        Boolean done = answered.get(command.number());
        if (done == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "warning.unknown", "number", "the plan has no warning "
                    + command.number());
        }
        if (done) {
            throw new DomainRejection(Kind.CONFLICT, "warning.answered", "number", "warning " + command.number()
                    + " is already answered");
        }
        apply(new WarningAnswered(command.plan(), command.number(), PlanRules.text("response", command.response(),
                PlanLimits.MAX_TEXT)));
        return new Object[] {"number", command.number()};
    }

    @EventSourcingHandler
    void on(WarningIssued event) {
        answered.put(event.number(), false);
    }

    @EventSourcingHandler
    void on(WarningAnswered event) {
        answered.put(event.number(), true);
    }
}
