package org.perfledger.command.district;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.kernel.organisation.DistrictId;
import org.springframework.stereotype.Component;

/**
 * Every command but onboarding acts in a district that is on PerfLedger: one for a district the platform admin never
 * onboarded is refused with 404 {@code district.unknown} before it is handled, so it can start no stream and no hash
 * chain. A district is never taken off, so a district once found is remembered.
 */
@Component
class OnboardedDistricts implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final DistrictDirectory directory;
    private final Set<DistrictId> onboarded = ConcurrentHashMap.newKeySet();

    OnboardedDistricts(DistrictDirectory directory, CommandBus commandBus) {
        this.directory = directory;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof DistrictCommand command
                && !(command instanceof RegisterDistrict) && !onboarded.contains(command.district())) {
            directory.requireRegistered(command.district());
            unitOfWork.afterCommit(u -> onboarded.add(command.district()));
        }
        return chain.proceed();
    }
}
