package org.perfledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district's event log written as a file (JSON Lines) in chain order: a header, every stored field of each event
 * exactly (payload and metadata as the JSON text they are stored as) with its link in the district's hash chain, and an
 * end line that counts the events and names the last hash. {@link EventLogTransfer} reads it back.
 */
@Component
public class EventLogExport {

    public static final String FORMAT = "perfledger.event-log";
    public static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json = EventEnvelopeCodec.mapper();

    EventLogExport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the district's event log, or one year's, as JSON Lines in chain order. */
    public void export(DistrictId district, FiscalYear year, String exportedBy, OutputStream out) {
        Streams.Scope scope = year == null ? Streams.Scope.district(district) : Streams.Scope.year(district, year);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        readOnly.executeWithoutResult(status -> {
            ObjectNode header = json.createObjectNode();
            header.put("record", "header");
            header.put("format", FORMAT);
            header.put("version", VERSION);
            header.put("district", district.value());
            if (year == null) {
                header.putNull("year");
            } else {
                header.put("year", year.value());
            }
            header.put("wholeChain", year == null);
            header.put("exportedAt", Instant.now().toString());
            header.put("exportedBy", exportedBy);
            line(writer, header);
            long[] count = {0};
            String[] last = {null};
            jdbc.query(connection -> {
                PreparedStatement select = connection.prepareStatement("SELECT c.position, c.previous_hash, c.hash, "
                        + "c.chained_at, " + EventRow.columns("e") + " FROM event_chain c JOIN stored_events_v1 e "
                        + "ON e.global_index = c.global_index WHERE c.district = ? ORDER BY c.position");
                select.setFetchSize(1_000);
                select.setString(1, district.value());
                return select;
            }, (ResultSet row) -> {
                EventRow event = EventRow.read(row);
                if (!scope.contains(event.aggregateIdentifier())) {
                    return;
                }
                ObjectNode line = json.createObjectNode();
                line.put("record", "event");
                line.put("position", row.getLong("position"));
                line.put("eventIdentifier", event.eventIdentifier());
                line.put("aggregateIdentifier", event.aggregateIdentifier());
                line.put("sequenceNumber", event.sequenceNumber());
                line.put("aggregateType", event.aggregateType());
                line.put("timeStamp", event.timeStamp());
                line.put("payloadType", event.payloadType());
                line.put("payloadRevision", event.payloadRevision());
                line.put("payload", new String(event.payload(), StandardCharsets.UTF_8));
                line.put("metaData", event.metaData() == null ? null
                        : new String(event.metaData(), StandardCharsets.UTF_8));
                line.put("previousHash", HEX.formatHex(row.getBytes("previous_hash")));
                last[0] = HEX.formatHex(row.getBytes("hash"));
                line.put("hash", last[0]);
                line.put("chainedAt", row.getTimestamp("chained_at").toInstant().toString());
                line(writer, line);
                count[0]++;
            });
            ObjectNode end = json.createObjectNode();
            end.put("record", "end");
            end.put("events", count[0]);
            end.put("lastHash", last[0]);
            line(writer, end);
        });
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(Writer writer, JsonNode node) {
        try {
            writer.write(json.writeValueAsString(node));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
