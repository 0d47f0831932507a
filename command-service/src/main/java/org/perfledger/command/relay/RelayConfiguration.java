package org.perfledger.command.relay;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "perfledger.relay.enabled", havingValue = "true", matchIfMissing = true)
    EventRelay eventRelay(DataSource dataSource, KafkaTemplate<String, byte[]> kafkaTemplate, KafkaAdmin kafkaAdmin,
                          RelayProperties properties, MeterRegistry registry) {
        return new EventRelay(dataSource, kafkaTemplate, kafkaAdmin, properties, registry);
    }
}
