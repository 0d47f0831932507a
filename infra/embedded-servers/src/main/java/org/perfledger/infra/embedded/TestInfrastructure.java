package org.perfledger.infra.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The PostgreSQL server and Kafka broker that tests run against, one of each per test JVM, chosen by environment:
 * an external server when {@code PERFLEDGER_TEST_POSTGRES_URL} / {@code PERFLEDGER_TEST_KAFKA_BOOTSTRAP} name one,
 * Testcontainers' containers when a Docker engine answers, and otherwise real servers embedded in this JVM.
 * Never an in-memory stand-in.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static Postgres postgres;
    private static Kafka kafka;
    private static LocalIssuer issuer;
    private static Boolean docker;

    private TestInfrastructure() {
    }

    /** A PostgreSQL server reachable by JDBC. */
    public interface Postgres {
        /** JDBC URL of a database on this server. */
        String jdbcUrl(String database);

        String username();

        String password();

        /** A new, empty database of its own, so test classes never see each other's rows. */
        default String newDatabase(String prefix) {
            String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name, e);
            }
            return jdbcUrl(name);
        }
    }

    /** A Kafka broker, and a way to stage its outage where the test owns it. */
    public interface Kafka {
        String bootstrapServers();

        /** Whether {@link #beginOutage()} can take this broker away (not for an external one). */
        boolean canStageOutage();

        /** The broker stops answering; what it stored stays. */
        void beginOutage();

        /** The broker answers again, on the same address, with what it had. */
        void endOutage();
    }

    /** The token issuer of this test JVM; services under test trust its public key. */
    public static synchronized LocalIssuer issuer() {
        if (issuer == null) {
            issuer = LocalIssuer.in(ScratchDirectories.create("perfledger-issuer"));
        }
        return issuer;
    }

    /**
     * A token for a test request to {@code path}: district finance and editor of the department the path names (or
     * of none), in the path's district, so tests that are not about authorisation act as someone allowed to.
     */
    public static String tokenFor(String path, String subject) {
        return issuer().tokenFor(path, subject, List.of("DISTRICT_FINANCE", "DEPARTMENT_EDITOR"));
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    public static synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = startKafka();
        }
        return kafka;
    }

    private static Postgres startPostgres() {
        String external = System.getenv("PERFLEDGER_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            String base = external.endsWith("/") ? external : external + "/";
            String user = envOr("PERFLEDGER_TEST_POSTGRES_USER", "postgres");
            String password = envOr("PERFLEDGER_TEST_POSTGRES_PASSWORD", "");
            log.info("Tests use the external PostgreSQL at {}", base);
            return new JdbcPostgres(base, user, password);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
            log.info("Tests use a PostgreSQL container at {}", base);
            return new JdbcPostgres(base, container.getUsername(), container.getPassword());
        }
        Path data = tempDirectory("perfledger-test-pg");
        PostgresServer server = PostgresServer.start(data, 0, false);
        ScratchDirectories.onExit(server::close);
        return new JdbcPostgres("jdbc:postgresql://localhost:" + server.port() + "/", PostgresServer.USER, "");
    }

    private static Kafka startKafka() {
        String external = System.getenv("PERFLEDGER_TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            log.info("Tests use the external Kafka at {}", external);
            return new ExternalKafka(external);
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
            container.start();
            return new ContainerKafka(container);
        }
        Path logs = tempDirectory("perfledger-test-kafka");
        KafkaBroker broker = KafkaBroker.start(logs.resolve("kraft"), 0);
        ScratchDirectories.onExit(broker::close);
        return new EmbeddedKafka(broker);
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            if ("false".equalsIgnoreCase(System.getenv("PERFLEDGER_TEST_DOCKER"))) {
                docker = false;
            } else {
                try {
                    docker = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    docker = false;
                }
            }
            log.info(docker ? "A Docker engine answers: tests use Testcontainers"
                    : "No Docker engine: tests use PostgreSQL and Kafka embedded in this JVM");
        }
        return docker;
    }

    private record JdbcPostgres(String base, String username, String password) implements Postgres {
        @Override
        public String jdbcUrl(String database) {
            return base + database;
        }
    }

    private record ExternalKafka(String bootstrapServers) implements Kafka {
        @Override
        public boolean canStageOutage() {
            return false;
        }

        @Override
        public void beginOutage() {
            throw new UnsupportedOperationException("an external broker's outage cannot be staged");
        }

        @Override
        public void endOutage() {
            throw new UnsupportedOperationException("an external broker's outage cannot be staged");
        }
    }

    private record EmbeddedKafka(KafkaBroker broker) implements Kafka {
        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public boolean canStageOutage() {
            return true;
        }

        @Override
        public void beginOutage() {
            broker.stop();
        }

        @Override
        public void endOutage() {
            broker.start();
        }
    }

    private record ContainerKafka(KafkaContainer container) implements Kafka {
        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public boolean canStageOutage() {
            return true;
        }

        /** A paused container keeps its address and data, as a broker that stopped answering would. */
        @Override
        public void beginOutage() {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public void endOutage() {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static Path tempDirectory(String prefix) {
        return ScratchDirectories.create(prefix);
    }
}
