package org.perfledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write side: commands in over REST, events out to PostgreSQL and from there to Kafka. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Its own config name, so it can share a JVM with the query service without shadowing its settings. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        // PerfLedger runs where the public internet may be unreachable: Axon must not phone home at start-up.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
