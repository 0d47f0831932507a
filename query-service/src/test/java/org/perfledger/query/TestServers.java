package org.perfledger.query;

import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers a query-service test runs against, set on its Spring context: a fresh PostgreSQL database, the
 * Kafka broker with a topic of the test's own, and the local token issuer.
 */
public final class TestServers {

    private TestServers() {
    }

    public static void register(DynamicPropertyRegistry registry, String database, String topic) {
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("perfledger.topic", () -> topic);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestInfrastructure.issuer().publicKeyLocation());
        registry.add("perfledger.security.issuers", () -> LocalIssuer.ISSUER);
    }
}
