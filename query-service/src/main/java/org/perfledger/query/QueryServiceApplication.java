package org.perfledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The read side: the event topic in, read models in its own PostgreSQL schema, queries out over REST. */
@SpringBootApplication
public class QueryServiceApplication {

    /** Its own config name, so it can share a JVM with the command service without shadowing its settings. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
