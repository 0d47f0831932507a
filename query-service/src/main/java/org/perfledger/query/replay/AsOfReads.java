package org.perfledger.query.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.perfledger.kernel.event.Streams;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.ReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the record as it stood at an instant. The streams the view rests on are replayed from the event store up
 * to that instant, into the read models' rows by the same projection the live consumers use
 * ({@link ReadModel}), written to the session's temporary copies of their tables, which only this transaction
 * reads; the view's own query then runs on those copies, unchanged, and what was replayed is gone when it ends. So a view "as of" is a fresh
 * replay by construction, and the live tables are never touched.
 */
@Component
public class AsOfReads {

    private final TenantReads reads;
    private final TransactionTemplate scratch;
    private final ReadModelTables tables;
    private final EventStoreReader store;
    private final DataSource dataSource;
    private final ZoneId businessZone;
    private final Timer replays;

    AsOfReads(TenantReads reads, PlatformTransactionManager transactions, ReadModelTables tables,
              EventStoreReader store, DataSource dataSource, MeterRegistry registry,
              @Value("${perfledger.audit.chain-day-zone:Asia/Shanghai}") String businessZone) {
        this.reads = reads;
        this.scratch = new TransactionTemplate(transactions);
        this.tables = tables;
        this.store = store;
        this.dataSource = dataSource;
        this.businessZone = ZoneId.of(businessZone);
        this.replays = Timer.builder("perfledger.as-of.replay")
                .description("Replaying a view's streams up to an instant into temporary tables and reading it")
                .register(registry);
    }

    /**
     * The read, in the district's tenant scope, on the live read models ({@code at} null) or on the record as it
     * stood at {@code at}, replayed from the streams of {@code scope}.
     */
    public <T> T inDistrict(String district, Instant at, Streams.Scope scope, Supplier<T> read) {
        if (at == null) {
            return reads.inDistrict(district, read);
        }
        return replays.record(() -> scratch.execute(status -> {
            if (!tables.shadowWithTemporaryCopies()) {
                // what the view replayed goes; copies made just now stay for the next view on this connection, and
                // its commit empties them
                status.setRollbackOnly();
            }
            try (ReadModel model = ReadModel.empty()) {
                store.forEach(scope, at, row -> model.apply(DecodedEvent.of(row)));
                model.copyInto(DataSourceUtils.getConnection(dataSource), "pg_temp");
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("the record as of " + at + " could not be replayed", e);
            }
            return reads.inDistrict(district, read);
        }));
    }

    /**
     * An instant as a query parameter: ISO-8601 with an offset ({@code 2020-07-01T09:30:00+08:00}), a local date
     * and time in the business zone ({@code 2020-07-01T09:30}), or a date, meaning the end of that day there.
     *
     * @return null for null
     * @throws InvalidParameterException naming {@code field} for anything else
     */
    public Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant = parsed(text);
        if (instant == null) {
            throw new InvalidParameterException(field, "instant.format", field + " is an instant such as "
                    + "2020-07-01T09:30:00+08:00, a local time such as 2020-07-01T09:30 (" + businessZone
                    + "), or a day such as 2020-07-01 (its end); got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameterException(field, "instant.range", field + " must lie between the years 1 and "
                    + "9999");
        }
        return instant;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The instant the text names, or null when it names none (also when it lies past what the calendar holds). */
    private Instant parsed(String text) {
        if (text.length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(businessZone).toInstant();
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(text).plusDays(1).atStartOfDay(businessZone).toInstant().minusNanos(1);
                } catch (DateTimeException | ArithmeticException notADate) {
                    return null;
                }
            }
        }
    }

    /** Two instants to compare a view between: {@code from} required, {@code to} after it or null (now). */
    public record Span(Instant from, Instant to) {
    }

    /** The span of a "what changed" request, both ends read as {@link #instant}. */
    public Span span(String from, String to) {
        Instant start = instant("from", from);
        if (start == null) {
            throw new InvalidParameterException("from", "required", "from is the instant to compare from");
        }
        Instant end = instant("to", to);
        if (end != null && !end.isAfter(start)) {
            throw new InvalidParameterException("to", "instant.order", "to (" + end + ") comes after from (" + start
                    + ")");
        }
        return new Span(start, end);
    }

    /** The instant a business day begins, in the district's business time zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(businessZone).toInstant();
    }

    /** The business day an instant falls on. */
    public LocalDate day(Instant at) {
        return at.atZone(businessZone).toLocalDate();
    }
}
