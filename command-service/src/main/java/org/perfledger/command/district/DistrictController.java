package org.perfledger.command.district;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.organisation.DistrictId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform admin onboards districts. */
@RestController
class DistrictController {

    private final CommandSender commands;

    DistrictController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterRequest(String district, String name) {
    }

    @PostMapping("/api/v1/districts")
    ResponseEntity<Map<String, Object>> register(RequestMetadata request, @RequestBody RegisterRequest body) {
        RequestFields fields = new RequestFields();
        DistrictId district = fields.parse("district", body.district(), DistrictId::new);
        String name = fields.text("name", body.name(), District.MAX_NAME_LENGTH);
        fields.throwIfInvalid();
        commands.send(new RegisterDistrict(district, name), request.forDistrict(district));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("district", district.value());
        answer.put("name", name);
        answer.put("correlationId", request.correlationId());
        return ResponseEntity.created(URI.create("/api/v1/districts/" + district)).body(answer);
    }
}
