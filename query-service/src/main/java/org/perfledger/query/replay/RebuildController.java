package org.perfledger.query.replay;

import java.net.URI;
import java.util.List;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.perfledger.query.platform.ForbiddenException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.ConflictException;
import org.perfledger.query.replay.ReadModelRebuilds.Status;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds of every read model from the event store, for the platform's operators: start one (or a check that only
 * compares), then follow its progress (events replayed, rate, time left) and its comparison with the live tables.
 */
@RestController
class RebuildController {

    private static final String REBUILDS = "/api/v1/read-models/rebuilds";

    private final ReadModelRebuilds rebuilds;
    private final ReadAccess access;
    private final boolean inService;

    RebuildController(ReadModelRebuilds rebuilds, ReadAccess access,
                      @Value("${perfledger.rebuild.in-service:true}") boolean inService) {
        this.rebuilds = rebuilds;
        this.access = access;
        this.inService = inService;
    }

    /**
     * Starts a rebuild: {@code swap=true} (the default) replaces the live read models with the rebuilt ones;
     * {@code swap=false} builds and compares only. 202 with the rebuild's status and where to follow it; 409 while
     * another runs.
     */
    @PostMapping(REBUILDS)
    ResponseEntity<Status> start(@RequestParam(value = "swap", defaultValue = "true") boolean swap) {
        Caller operator = operator();
        if (!inService) {
            throw new ConflictException("rebuild", "rebuild.as-job", "this deployment rebuilds the read models in a "
                    + "process of its own, not in a serving instance: start the rebuild job (kubectl -n perfledger "
                    + "create job --from=cronjob/read-model-rebuild rebuild-<date>)");
        }
        Status started = rebuilds.start(swap, operator.subject());
        return ResponseEntity.accepted().location(URI.create(REBUILDS + "/" + started.id())).body(started);
    }

    @GetMapping(REBUILDS + "/{id}")
    Status status(@PathVariable("id") String id) {
        operator();
        return rebuilds.status(id);
    }

    @GetMapping(REBUILDS)
    List<Status> all() {
        operator();
        return rebuilds.all();
    }

    private Caller operator() {
        Caller caller = access.reader();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new ForbiddenException("rebuilding the read models is for the platform's operators "
                    + "(PLATFORM_ADMIN); the token's roles are [" + caller.rolesText() + "]");
        }
        return caller;
    }
}
