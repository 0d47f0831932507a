package org.perfledger.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path folder;

    @Test
    void postgresKeepsCommittedRowsAcrossARestart() throws Exception {
        Path data = folder.resolve("pg");
        int port;
        try (PostgresServer server = PostgresServer.start(data, 0, true)) {
            port = server.port();
            server.createDatabaseIfMissing("ledger");
            server.createDatabaseIfMissing("ledger");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("ledger"), PostgresServer.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (amount NUMERIC(15,2))");
                s.execute("INSERT INTO kept VALUES (6352.76)");
            }
        }
        try (PostgresServer again = PostgresServer.start(data, port, true);
             Connection c = DriverManager.getConnection(again.jdbcUrl("ledger"), PostgresServer.USER, "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT amount FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("6352.76");
        }
    }

    @Test
    void kafkaBrokerKeepsRecordsAndAddressAcrossAStop() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(folder.resolve("kafka"), 0)) {
            String address = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            send(address, "before");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            send(address, "after");
            assertThat(readAll(address, 2)).containsExactly("before", "after");
        }
    }

    private static void send(String address, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("t", "k", value)).get();
        }
    }

    private static List<String> readAll(String address, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("t"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
