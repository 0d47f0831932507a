package org.perfledger.command.plan;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;
import static org.perfledger.command.planning.PlanPaths.YEAR;

import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.CloseYear;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.command.plan.PlanCommands.ReturnTargets;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registering projects, the targets' approval, and closing the year. */
@RestController
class LifecycleController {

    private final CommandSender commands;

    LifecycleController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * A project as registered: {@code category} and {@code attribute} may be left out where its documents do not say;
     * its 项目类型 is {@code type} or, where it is several, {@code types}.
     */
    record ProjectRequest(String code, String name, List<String> implementingUnits, String category,
                          String attribute, String type, List<String> types, String financeDesk) {
    }

    record CommentRequest(String comment) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping(YEAR + "/projects")
    ResponseEntity<Map<String, Object>> registerProject(RequestMetadata request,
                                                        @PathVariable("department") String department,
                                                        @PathVariable("year") String year,
                                                        @RequestBody ProjectRequest body) {
        RequestFields fields = new RequestFields();
        DepartmentId id = fields.parse("department", department,
                code -> DepartmentId.of(request.district().value(), code));
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        String code = fields.parse("code", body.code(), text -> text);
        String name = fields.text("name", body.name(), PlanLimits.MAX_NAME);
        ProjectCategory category = fields.optionalLabel("category", body.category(), ProjectCategory.class);
        ProjectAttribute attribute = fields.optionalLabel("attribute", body.attribute(), ProjectAttribute.class);
        List<ProjectType> types = new ArrayList<>();
        if (body.type() != null && !body.type().isEmpty()) {
            types.add(fields.label("type", body.type(), ProjectType.class));
        }
        List<String> given = body.types() == null ? List.of() : body.types();
        if (given.size() > ProjectType.values().length) {
            fields.reject("types", "list.length", "a project has at most " + ProjectType.values().length + " types");
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            types.add(fields.label("types[" + i + "]", given.get(i), ProjectType.class));
        }
        List<String> units = body.implementingUnits() == null ? List.of() : body.implementingUnits();
        for (int i = 0; i < units.size(); i++) {
            fields.text("implementingUnits[" + i + "]", units.get(i), PlanLimits.MAX_SHORT_TEXT);
        }
        String desk = fields.optionalText("financeDesk", body.financeDesk(), PlanLimits.MAX_SHORT_TEXT);
        PlanId plan = id == null || fiscalYear == null || code == null ? null
                : fields.parse("code", code, text -> PlanId.project(id, fiscalYear, text));
        fields.throwIfInvalid();

        Receipt receipt = commands.send(new RegisterProject(plan, name, units, category, attribute, types, desk),
                request);
        return PlanResponses.created(receipt, request, PlanPaths.of(new PlanTarget(plan, null)));
    }

    @PostMapping({DEPARTMENT + "/targets/submission", PROJECT + "/targets/submission"})
    ResponseEntity<Map<String, Object>> submitTargets(RequestMetadata request, PlanTarget target) {
        return PlanResponses.ok(commands.send(new SubmitTargets(target.plan(), target.expectedVersion()), request),
                request);
    }

    @PostMapping({DEPARTMENT + "/targets/approval", PROJECT + "/targets/approval"})
    ResponseEntity<Map<String, Object>> approveTargets(RequestMetadata request, PlanTarget target,
                                                       @RequestBody(required = false) CommentRequest body) {
        RequestFields fields = new RequestFields();
        String comment = fields.optionalText("comment", body == null ? null : body.comment(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(
                new ApproveTargets(target.plan(), comment, target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/targets/return", PROJECT + "/targets/return"})
    ResponseEntity<Map<String, Object>> returnTargets(RequestMetadata request, PlanTarget target,
                                                      @RequestBody ReasonRequest body) {
        RequestFields fields = new RequestFields();
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(
                new ReturnTargets(target.plan(), reason, target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/closure", PROJECT + "/closure"})
    ResponseEntity<Map<String, Object>> closeYear(RequestMetadata request, PlanTarget target) {
        return PlanResponses.ok(commands.send(new CloseYear(target.plan(), target.expectedVersion()), request),
                request);
    }
}
