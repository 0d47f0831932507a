package org.perfledger.query.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.plan.PlanView.GoalView;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsRebuilding;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plans as they stand, each document read once per version ({@link PlanViews} reads them). */
@Component
class PlanDocuments {

    /**
     * Plan documents by the state they show. A plan's rows change only with the plan's own events, and each of those
     * moves its version, so a plan and a version name one document: a client reading a plan again and again (the web
     * UI after each command, a poller, several people on one plan) costs one query until the plan changes. Bounded by
     * what the documents hold, in units of about one movement's size: some tens of MiB at most.
     */
    private final Cache<String, PlanView> documents = Caffeine.newBuilder().maximumWeight(40_000)
            .weigher((String key, PlanView view) -> size(view)).build();

    private final JdbcTemplate jdbc;
    private final PlanViews views;

    PlanDocuments(JdbcTemplate jdbc, PlanViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    /**
     * The plan as it stands, from {@link #documents} when its version was read before. Call inside a district's read
     * that starts its transaction ({@code TenantReads}): its one snapshot makes the version and the document agree.
     */
    ResponseEntity<PlanView> current(PlanId plan) {
        List<Long> version = jdbc.queryForList("SELECT version FROM plan WHERE " + PlanKeys.WHERE, Long.class,
                PlanKeys.of(plan));
        if (version.isEmpty()) {
            throw PlanViews.notFound(plan);
        }
        String state = plan.aggregateId() + "@" + version.get(0);
        PlanView remembered = documents.getIfPresent(state);
        if (remembered != null) {
            return PlanViews.answer(remembered);
        }
        ResponseEntity<PlanView> read = views.view(plan);
        if (read.getBody().version() == version.get(0)) {
            documents.put(state, read.getBody());
        }
        return read;
    }

    /** A document's size for {@link #documents}: its rows, an indicator counted as four movements. */
    private static int size(PlanView view) {
        int size = 20 + view.budget().movements().size() + view.budget().lines().size()
                + 10 * (view.targetAdjustments().size() + view.monitoringReports().size()
                + view.selfEvaluations().size());
        for (GoalView goal : view.goals()) {
            size += 2 + 4 * goal.indicators().size();
        }
        return size;
    }

    /** A rebuild needs the memory: what is remembered goes, and comes back as it is read again. */
    @EventListener(ReadModelsRebuilding.class)
    void forget() {
        documents.invalidateAll();
    }
}
