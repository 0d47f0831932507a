package org.perfledger.query.scoring;

import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's score: provisional during the year (the latest scheme, the latest completions and spending), final once a
 * self-evaluation is submitted (the scheme version it was submitted under), or under any version on request.
 */
@RestController
class ScorecardQueryController {

    private static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";

    private final Scorecards scorecards;
    private final AsOfReads reads;
    private final ReadAccess access;

    ScorecardQueryController(Scorecards scorecards, AsOfReads reads, ReadAccess access) {
        this.scorecards = scorecards;
        this.reads = reads;
        this.access = access;
    }

    @GetMapping({YEAR + "/department/scorecard", YEAR + "/projects/{project}/scorecard"})
    ScorecardView scorecard(@PathVariable("district") String district, @PathVariable("department") String department,
                            @PathVariable("year") String year,
                            @PathVariable(value = "project", required = false) String project,
                            @RequestParam(value = "schemeVersion", required = false) Integer schemeVersion,
                            @RequestParam(value = "at", required = false) String at) {
        access.requirePlan(district, department, year, project);
        PlanId plan = PlanKeys.fromPath(district, department, year, project);
        return reads.inDistrict(plan.district().value(), reads.instant("at", at), Streams.Scope.plan(plan),
                () -> scorecards.compute(plan, schemeVersion));
    }
}
