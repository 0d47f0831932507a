package org.perfledger.command.audit;

import static org.perfledger.command.audit.ImportedLine.event;
import static org.perfledger.command.audit.ImportedLine.hex;
import static org.perfledger.command.audit.ImportedLine.parse;
import static org.perfledger.command.audit.ImportedLine.refused;
import static org.perfledger.command.audit.ImportedLine.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A district's event log read back from its file (JSON Lines, written by {@link EventLogExport}). The file carries every stored field of each event exactly
 * (payload and metadata as the JSON text they are stored as) with its link in the district's hash chain, between a
 * header and an end line that counts the events and names the last hash, so a cut-off file is refused.
 *
 * <p>Exported for all years, the file is the district's whole chain: imported into a PerfLedger that holds nothing of
 * the district, it reproduces the same chain, link for link, and through the relay the same read models. Exported for
 * one year, it holds the streams that year's views rest on (the district, its departments, the year's plans,
 * calendar and schemes); each event still carries its original link, checked on import, and the imported events form a
 * new chain of their own.
 *
 * <p>An import is one transaction: a file that does not check out (an event changed, a link missing or out of order,
 * a stream with a gap, another district's event, a cut-off end) is refused with the line and the rule, and nothing is
 * stored.
 */
@Component
public class EventLogTransfer {

    private static final String FORMAT = EventLogExport.FORMAT;
    private static final int VERSION = EventLogExport.VERSION;
    private static final Logger log = LoggerFactory.getLogger(EventLogTransfer.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int INSERT_BATCH = 500;
    /** After the first batch, the import's statistics are taken once more at this many events. */
    private static final long RESTATED_AT = 20_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json = EventEnvelopeCodec.mapper();

    EventLogTransfer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What an import stored: how many events, whether the chain is the exported one, and its head now. */
    public record Imported(String district, long events, boolean wholeChain, boolean chainReproduced,
                           long headPosition, String headHash) {
    }

    /**
     * Imports a district's exported event log into this PerfLedger, which must hold nothing of the district yet.
     *
     * @throws DomainRejection 409 when the district has events here already; 422 naming the line and the rule when
     *                         the file does not check out (nothing is stored then)
     */
    public Imported importLog(DistrictId district, InputStream in, String importedBy) {
        Imported imported = transactions.execute(status -> {
            // the district's appends wait for each other (as the chain trigger does), so nothing slips in meanwhile
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                    "perfledger.event_chain:" + district.value());
            if (!jdbc.queryForList("SELECT 1 FROM event_chain WHERE district = ? LIMIT 1", Integer.class,
                    district.value()).isEmpty()) {
                throw new DomainRejection(Kind.CONFLICT, "event-log.district-not-empty", "district", "district "
                        + district + " has events on this PerfLedger already: an event log is imported only into a "
                        + "PerfLedger that holds nothing of the district");
            }
            try {
                return read(district, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        log.info("Event log of {} imported by {}: {} events, chain {}", district, importedBy, imported.events(),
                imported.chainReproduced() ? "reproduced" : "new");
        return imported;
    }

    private Imported read(DistrictId district, BufferedReader reader) throws IOException {
        Streams.Scope own = Streams.Scope.district(district);
        String text = reader.readLine();
        JsonNode header = parse(text, 1);
        if (!"header".equals(header.path("record").asText()) || !FORMAT.equals(header.path("format").asText())
                || header.path("version").asInt() != VERSION) {
            throw refused(1, "format", "event-log.format", "the first line is the header of a " + FORMAT
                    + " file of version " + VERSION);
        }
        if (!district.value().equals(header.path("district").asText())) {
            throw refused(1, "district", "event-log.district", "the file is the event log of "
                    + header.path("district").asText() + ", not of " + district);
        }
        boolean wholeChain = header.path("wholeChain").asBoolean();
        Batch batch = new Batch(district);
        Map<String, Long> nextSequence = new HashMap<>();
        byte[] previous = EventRow.GENESIS;
        long events = 0;
        int number = 1;
        JsonNode end = null;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = parse(text, number);
            if (end != null) {
                throw refused(number, "record", "event-log.after-end", "nothing may follow the end line");
            }
            if ("end".equals(line.path("record").asText())) {
                end = line;
                continue;
            }
            if (!"event".equals(line.path("record").asText())) {
                throw refused(number, "record", "event-log.record", "a line is an event or the end");
            }
            EventRow event = event(line, number);
            if (!own.contains(event.aggregateIdentifier())
                    || !district.value().equals(event.metadata().get(EventMetadata.DISTRICT))) {
                throw refused(number, "aggregateIdentifier", "event-log.other-district", "event "
                        + event.eventIdentifier() + " is not of district " + district);
            }
            long expected = nextSequence.getOrDefault(event.aggregateIdentifier(), 0L);
            if (event.sequenceNumber() != expected) {
                throw refused(number, "sequenceNumber", "event-log.stream-gap", "stream "
                        + event.aggregateIdentifier() + " continues with " + expected + ", not "
                        + event.sequenceNumber());
            }
            nextSequence.put(event.aggregateIdentifier(), expected + 1);
            byte[] previousHash = hex(line, "previousHash", number);
            byte[] hash = hex(line, "hash", number);
            if (!Arrays.equals(event.link(previousHash), hash)) {
                throw refused(number, "hash", "event-log.hash-mismatch", "event " + event.eventIdentifier()
                        + " does not hash to its link: it was changed after it was exported");
            }
            if (wholeChain && (line.path("position").asLong() != events + 1 || !Arrays.equals(previousHash, previous))) {
                throw refused(number, "previousHash", "event-log.chain-broken", "link "
                        + line.path("position").asLong() + " does not follow link " + events
                        + ": a link is missing or out of order");
            }
            previous = hash;
            events++;
            batch.add(event, hash, timestamp(line, number), number);
        }
        batch.flush();
        if (end == null || end.path("events").asLong() != events
                || events > 0 && !HEX.formatHex(previous).equals(end.path("lastHash").asText())) {
            throw refused(number, "record", "event-log.truncated", "the file ends before its end line, or the end "
                    + "line counts " + (end == null ? "nothing" : end.path("events").asLong()) + " events where "
                    + events + " came: it was cut off or added to");
        }
        if (wholeChain && !batch.reproduced) {
            throw new DomainRejection(Kind.RULE, "event-log.chain-differs", "file", "the imported events do not "
                    + "reproduce the exported chain");
        }
        return new Imported(district.value(), events, wholeChain, batch.reproduced, batch.written,
                batch.head == null ? null : HEX.formatHex(batch.head));
    }

    /**
     * Events on their way in, a batch at a time: inserted (the database chains each), then the links it wrote held
     * against the file's, and each link given its original time. Memory holds one batch, whatever the file's size.
     */
    private final class Batch {
        private final DistrictId district;
        private final List<EventRow> events = new ArrayList<>(INSERT_BATCH);
        private final List<byte[]> hashes = new ArrayList<>(INSERT_BATCH);
        private final List<Timestamp> chainedAt = new ArrayList<>(INSERT_BATCH);
        private final List<Integer> lineNumbers = new ArrayList<>(INSERT_BATCH);
        long written;
        boolean reproduced = true;
        byte[] head;

        Batch(DistrictId district) {
            this.district = district;
        }

        void add(EventRow event, byte[] hash, Timestamp at, int number) {
            lineNumbers.add(number);
            events.add(event);
            hashes.add(hash);
            chainedAt.add(at);
            if (events.size() == INSERT_BATCH) {
                flush();
            }
        }

        void flush() {
            if (events.isEmpty()) {
                return;
            }
            refuseKnownIdentifiers();
            insert(events);
            List<byte[]> links = jdbc.queryForList("SELECT hash FROM event_chain WHERE district = ? AND position > ? "
                    + "ORDER BY position", byte[].class, district.value(), written);
            for (int i = 0; i < links.size() && i < hashes.size(); i++) {
                reproduced &= Arrays.equals(links.get(i), hashes.get(i));
            }
            reproduced &= links.size() == hashes.size();
            List<Object[]> times = new ArrayList<>(chainedAt.size());
            for (int i = 0; i < chainedAt.size(); i++) {
                times.add(new Object[] {chainedAt.get(i), district.value(), written + i + 1});
            }
            jdbc.batchUpdate("UPDATE event_chain SET chained_at = ? WHERE district = ? AND position = ?", times);
            long before = written;
            written += links.size();
            if (before == 0 || before < RESTATED_AT && written >= RESTATED_AT) {
                // the statistics learn that this district has rows (ANALYZE counts this transaction's own): planned
                // for a district with none, the link updates and the chain trigger's reads scanned all of the
                // district's rows in the day index, or a fresh store's whole table, for every row, and a million-event
                // import grew quadratically; new statistics also make the cached plans plan again
                jdbc.execute("ANALYZE event_chain");
                jdbc.execute("ANALYZE domain_event_entry");
            }
            head = links.isEmpty() ? head : links.get(links.size() - 1);
            events.clear();
            hashes.clear();
            chainedAt.clear();
            lineNumbers.clear();
        }

        /** An event id the store (or an earlier line) holds already is refused by its line, before anything is kept. */
        private void refuseKnownIdentifiers() {
            Map<String, Integer> lines = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                Integer earlier = lines.putIfAbsent(events.get(i).eventIdentifier(), lineNumbers.get(i));
                if (earlier != null) {
                    throw refused(lineNumbers.get(i), "eventIdentifier", "event-log.duplicate-event", "event "
                            + events.get(i).eventIdentifier() + " came already on line " + earlier);
                }
            }
            List<String> known = jdbc.queryForList("SELECT event_identifier FROM domain_event_entry "
                    + "WHERE event_identifier = ANY (?)", String.class, (Object) lines.keySet().toArray(String[]::new));
            if (!known.isEmpty()) {
                throw refused(lines.get(known.get(0)), "eventIdentifier", "event-log.duplicate-event", "event "
                        + known.get(0) + " is stored on this PerfLedger already (an event id is unique)");
            }
        }
    }

    private void insert(List<EventRow> events) {
        jdbc.batchUpdate("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", events, events.size(), (statement, event) -> {
                    statement.setString(1, event.eventIdentifier());
                    statement.setString(2, event.aggregateIdentifier());
                    statement.setLong(3, event.sequenceNumber());
                    statement.setString(4, event.aggregateType());
                    statement.setString(5, event.timeStamp());
                    statement.setString(6, event.payloadType());
                    statement.setString(7, event.payloadRevision());
                    statement.setBytes(8, event.payload());
                    statement.setBytes(9, event.metaData());
                });
    }
}
