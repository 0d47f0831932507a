package org.perfledger.command.plan;

import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.util.List;
import java.util.Map;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A project's sub-projects (子项目) for the year, as its documents name them. */
@RestController
class SubProjectsController {

    private final CommandSender commands;

    SubProjectsController(CommandSender commands) {
        this.commands = commands;
    }

    record SubProjectsRequest(List<String> names) {
    }

    @PutMapping(PROJECT + "/sub-projects")
    ResponseEntity<Map<String, Object>> state(RequestMetadata request, PlanTarget target,
                                              @RequestBody SubProjectsRequest body) {
        RequestFields fields = new RequestFields();
        List<String> names = fields.required("names", body.names());
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new StateSubProjects(target.plan(), names, target.expectedVersion()),
                request), request);
    }
}
