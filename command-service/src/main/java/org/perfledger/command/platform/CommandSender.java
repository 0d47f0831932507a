package org.perfledger.command.platform;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.perfledger.command.eventstore.IdempotencyClaim;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's metadata, once the caller's roles allow it ({@link CommandPolicy}) and this
 * service's shard keeps its district ({@link DistrictShards}), and waits until its events are stored (or it was
 * refused).
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final DistrictShards shards;

    public CommandSender(CommandGateway gateway, DistrictShards shards) {
        this.gateway = gateway;
        this.shards = shards;
    }

    public <R> R send(DistrictCommand command, RequestMetadata metadata) {
        if (!command.district().equals(metadata.district())) {
            throw new IllegalArgumentException("command for district " + command.district()
                    + " sent in a request for district " + metadata.district());
        }
        CommandPolicy.authorize(command, metadata.caller());
        shards.requireKept(command.district());
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(metadata.asEventMetadata()));
        } catch (IdempotencyClaim.AnsweredBefore before) {
            @SuppressWarnings("unchecked")
            R answer = (R) IdempotentCommands.answered(before);
            return answer;
        } catch (CommandExecutionException e) {
            // Axon wraps checked exceptions; a runtime cause is what the handler threw.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
