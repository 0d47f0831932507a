package org.perfledger.query.projection;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    /**
     * What is left to fail after unreadable records went to the dead-letter topic is the database or the broker:
     * retry the batch, backing off, for as long as it takes; never skip it.
     */
    @Bean
    DefaultErrorHandler retryUntilApplied() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    /**
     * Offsets are committed without waiting for the broker's answer, so the next batch is fetched at once. A commit
     * lost with a crash only delivers records again, and the projection drops what it already applied (it keeps each
     * aggregate's version); the order of commits is kept by the consumer.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    /**
     * Static membership when the instance has a stable name ({@code perfledger.query.instance-id}, e.g. the pod's
     * name): an instance that restarts takes its partitions back at once, without a rebalance and without waiting for
     * its old session to time out.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer staticMembership(
            @Value("${perfledger.query.instance-id:}") String instanceId) {
        return factory -> {
            if (!instanceId.isBlank()) {
                factory.updateConfigs(Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
            }
        };
    }

    /** Declared here as well as by the relay, so either service may start first. */
    @Bean
    NewTopic eventTopic(@Value("${perfledger.topic}") String topic,
                        @Value("${perfledger.topic-partitions:12}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(1).config("retention.ms", "-1").build();
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${perfledger.topic}") String topic) {
        return TopicBuilder.name(topic + ".DLT").partitions(1).replicas(1).build();
    }
}
