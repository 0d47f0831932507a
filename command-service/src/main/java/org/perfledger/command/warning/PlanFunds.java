package org.perfledger.command.warning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.warning.WarningCommands.HoldFunds;
import org.perfledger.command.warning.WarningCommands.ResumeFunds;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;

/**
 * Whether a plan's funds flow (an aggregate member of the plan): district finance may suspend them (暂缓拨付) and
 * resume them, or stop them (停止拨付) for the rest of the year, which is final. While they are held no receipt is
 * recorded; spending from what was received goes on.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanFunds {

    private FundsHold hold;
    private String reason;

    @CommandHandler
    Object[] hold(HoldFunds command) {
        if (command.hold() == null) {
            throw new DomainRejection(Kind.RULE, "funds.hold", "hold", "hold is required: 暂缓拨付 (SUSPENDED) or "
                    + "停止拨付 (STOPPED)");
        }
        requireNotStopped(command.plan());
        if (command.hold() == hold) {
            throw new DomainRejection(Kind.CONFLICT, "funds.already-held", "hold", "the funds of " + command.plan()
                    + " are already " + hold.label());
        }
        apply(new FundsHeld(command.plan(), command.hold(), PlanRules.text("reason", command.reason(),
                PlanLimits.MAX_REASON), PlanRules.optionalText("documentNumber", command.documentNumber(),
                PlanLimits.MAX_SHORT_TEXT)));
        return new Object[] {"hold", hold};
    }

    @CommandHandler
    Object[] resume(ResumeFunds command) {
        requireNotStopped(command.plan());
        if (hold == null) {
            throw new DomainRejection(Kind.CONFLICT, "funds.not-held", null, "the funds of " + command.plan()
                    + " are not held");
        }
        apply(new FundsResumed(command.plan(), PlanRules.text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"hold", "none"};
    }

    /** @throws DomainRejection (409) while the funds are held: no receipt is recorded then */
    public void requireFlowing(PlanId plan) {
        if (hold != null) {
            throw new DomainRejection(Kind.CONFLICT, "funds.held", null, "district finance has "
                    + (hold == FundsHold.STOPPED ? "stopped the funds of " + plan + " for the rest of the year"
                    : "suspended the funds of " + plan + " until it resumes them") + " (" + hold.label() + "：" + reason
                    + "); no receipt is recorded while they are held");
        }
    }

    private void requireNotStopped(PlanId plan) {
        if (hold == FundsHold.STOPPED) {
            throw new DomainRejection(Kind.CONFLICT, "funds.stopped", null, "the funds of " + plan + " are stopped "
                    + "(停止拨付) for the rest of the year");
        }
    }

    @EventSourcingHandler
    void on(FundsHeld event) {
        hold = event.hold();
        reason = event.reason();
    }

    @EventSourcingHandler
    void on(FundsResumed event) {
        hold = null;
        reason = null;
    }
}
