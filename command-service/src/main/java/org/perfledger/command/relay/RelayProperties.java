package org.perfledger.command.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topic        the event topic
 * @param partitions   partitions of the topic when the relay creates it
 * @param replicas     replication factor when the relay creates it
 * @param batchSize    events read, sent and acknowledged as one step
 * @param pollInterval how long the relay waits for new events when no command nudged it
 * @param settleInterval how long it waits before looking again when committed events are held back by an older
 *                       transaction still running (one that may never nudge it: another service's, another
 *                       database's on the same server)
 * @param settlePatience how long it keeps looking again every settle interval while events stay held back; after
 *                       that it waits half as long as the hold has lasted, up to the poll interval (a long import)
 * @param sendTimeout  how long a batch may wait for the broker's acknowledgements
 * @param maxBackoff   the longest pause between attempts while the broker or the database fails
 */
@ConfigurationProperties("perfledger.relay")
public record RelayProperties(
        String topic,
        int partitions,
        short replicas,
        int batchSize,
        Duration pollInterval,
        Duration settleInterval,
        Duration settlePatience,
        Duration sendTimeout,
        Duration maxBackoff) {

    public RelayProperties {
        if (topic == null || topic.isBlank()) {
            topic = "perfledger.events";
        }
        partitions = partitions > 0 ? partitions : 12;
        replicas = replicas > 0 ? replicas : 1;
        batchSize = batchSize > 0 ? batchSize : 500;
        pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(200);
        settleInterval = settleInterval != null ? settleInterval : Duration.ofMillis(2);
        settlePatience = settlePatience != null ? settlePatience : Duration.ofMillis(100);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(30);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(5);
    }
}
