package org.perfledger.command.plan;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;

import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.organisation.StaffCategory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A department's headcounts for the year (基本情况), stated on its department-wide plan. */
@RestController
class StaffingController {

    private final CommandSender commands;

    StaffingController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code headcounts}: category (its label, 在职人员, or its code, IN_SERVICE) → number of people. */
    record StaffingRequest(Map<String, Integer> headcounts) {
    }

    @PutMapping(DEPARTMENT + "/staffing")
    ResponseEntity<Map<String, Object>> state(RequestMetadata request, PlanTarget target,
                                              @RequestBody StaffingRequest body) {
        RequestFields fields = new RequestFields();
        Map<StaffCategory, Integer> headcounts = new LinkedHashMap<>();
        Map<String, Integer> given = fields.required("headcounts", body.headcounts());
        if (given != null) {
            given.forEach((key, count) -> {
                StaffCategory category = fields.label("headcounts", key, StaffCategory.class);
                if (count == null) {
                    fields.reject("headcounts." + key, "required", key + " needs its number of people");
                } else if (category != null && headcounts.put(category, count) != null) {
                    fields.reject("headcounts." + key, "duplicate", category.label() + " is given twice");
                }
            });
        }
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new StateStaffing(target.plan(), headcounts, target.expectedVersion()),
                request), request);
    }
}
