package org.perfledger.command.department;

import java.net.URI;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.organisation.DepartmentCode;
import org.perfledger.kernel.organisation.DepartmentId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/districts/{district}/departments")
class DepartmentController {

    private final CommandSender commands;

    DepartmentController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterRequest(String departmentId, String name) {
    }

    record Registered(String district, String departmentId, String name, String correlationId) {
    }

    @PostMapping
    ResponseEntity<Registered> register(RequestMetadata request, @RequestBody RegisterRequest body) {
        RequestFields fields = new RequestFields();
        DepartmentCode code = fields.parse("departmentId", body.departmentId(), DepartmentCode::new);
        String name = fields.text("name", body.name(), Department.MAX_NAME_LENGTH);
        fields.throwIfInvalid();

        DepartmentId department = new DepartmentId(request.district(), code);
        commands.send(new RegisterDepartment(department, name), request);
        return ResponseEntity
                .created(URI.create("/api/v1/districts/" + request.district() + "/departments/" + code))
                .body(new Registered(request.district().value(), code.value(), name, request.correlationId()));
    }
}
