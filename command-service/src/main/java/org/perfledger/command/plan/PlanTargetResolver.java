package org.perfledger.command.plan;

import org.perfledger.command.planning.PlanCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/** Routes {@link PlanCommand}s to their plan without an annotation on every command record. */
@Component("planTargetResolver")
class PlanTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof PlanCommand plan) {
            return new VersionedAggregateIdentifier(plan.plan().aggregateId(), plan.expectedVersion());
        }
        return annotated.resolveTarget(command);
    }
}
