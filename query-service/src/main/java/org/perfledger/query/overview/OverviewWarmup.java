package org.perfledger.query.overview;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import jakarta.annotation.PreDestroy;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.platform.BackgroundWorker;
import org.perfledger.query.replay.ReadModelRebuilds;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsSwapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the service has started, and again when a rebuild has swapped in new read models, each district's overview of
 * each year is read once in the background, newest years first, so that the first finance officer to open a year after a restart does not wait while its hundreds of plans
 * are scored: what is computed then is remembered (their scorecards, the year's rows) for as long as nothing in it
 * changes. One thread, one district-year at a time; it stops at {@value #MOST_PLANS} plans, below what the scorecards
 * remembered are bounded at, and while a rebuild runs (which lets go of what is remembered, and warms it again once it
 * has swapped); a district-year that fails is logged and passed over.
 */
@Component
class OverviewWarmup {

    private static final Logger log = LoggerFactory.getLogger(OverviewWarmup.class);
    static final int MOST_PLANS = 10_000;
    private static final Caller SERVICE = new Caller("perfledger-query-service", null, null,
            Set.of(Role.DISTRICT_FINANCE));

    private record DistrictYear(String district, int year, int plans) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModelRebuilds rebuilds;
    private final OverviewRows overview;
    private final PlanFigures figures;
    private final boolean enabled;
    private final ExecutorService worker = BackgroundWorker.single("overview-warm-up", Thread.MIN_PRIORITY);

    OverviewWarmup(JdbcTemplate jdbc, ReadModelRebuilds rebuilds, OverviewRows overview, PlanFigures figures,
                   @Value("${perfledger.overview.warm-up:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.rebuilds = rebuilds;
        this.overview = overview;
        this.figures = figures;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (enabled) {
            worker.submit(this::warm);
        }
    }

    @EventListener(ReadModelsSwapped.class)
    void swapped() {
        started();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void warm() {
        try {
            warmAll();
        } catch (RuntimeException e) {
            log.warn("Overviews not warmed: {}", e.toString());
        }
    }

    private void warmAll() {
        long begun = System.nanoTime();
        // as the service's owner, across districts: which years there are, not what is in them
        List<DistrictYear> years = jdbc.query("SELECT district, fiscal_year, count(*) FROM plan GROUP BY district, "
                + "fiscal_year ORDER BY fiscal_year DESC, district",
                (row, n) -> new DistrictYear(row.getString(1), row.getInt(2), row.getInt(3)));
        int plans = 0;
        for (DistrictYear year : years) {
            if (plans + year.plans() > MOST_PLANS || rebuilds.rebuilding()) {
                break; // a rebuild needs the memory; its swap warms them again
            }
            try {
                FiscalYear fiscalYear = FiscalYear.of(year.year());
                overview.rows(year.district(), fiscalYear, SERVICE, null, figures.day(fiscalYear, null, null));
                plans += year.plans();
            } catch (RuntimeException e) {
                log.warn("Overview of {} {} not warmed: {}", year.district(), year.year(), e.toString());
            }
        }
        log.info("Overviews warmed: {} plans of {} district-years in {} ms", plans, years.size(),
                (System.nanoTime() - begun) / 1_000_000);
    }
}
