package org.perfledger.query.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.SchemeRules;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.platform.ForbiddenException;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.PathYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance's scoring schemes as it edits them: the version in force with its history, and a preview of how every
 * plan of the year would score under a new version before it is set (the command service sets it).
 */
@RestController
class SchemeQueryController {

    private static final String SCHEMES = "/api/v1/districts/{district}/years/{year}/scoring-schemes/{kind}";
    private static final ObjectMapper JSON = EventEnvelopeCodec.mapper();
    /** A scheme is a few hundred bytes; a candidate past this is not one. */
    private static final int MAX_SCHEME = 64 * 1024;

    record Version(int version, Instant setAt, String setBy) {
    }

    record SchemeView(String kind, int version, JsonNode scheme, List<Version> versions) {
    }

    /** One plan's score now and under the candidate. */
    record Preview(String department, String departmentName, String plan, String name, Integer currentVersion,
                   BigDecimal currentScore, String currentGrade, BigDecimal previewScore, String previewGrade,
                   BigDecimal change, List<String> flags) {
    }

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;
    private final Scorecards scorecards;

    SchemeQueryController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access, Scorecards scorecards) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.scorecards = scorecards;
    }

    @GetMapping(SCHEMES)
    SchemeView scheme(@PathVariable("district") String district, @PathVariable("year") String year,
                      @PathVariable("kind") String kind) {
        access.requireDistrict(district);
        FiscalYear fiscalYear = year(district, year);
        EvaluationKind evaluationKind = kind(kind);
        List<Map<String, Object>> rows = reads.inDistrict(district, () -> jdbc.queryForList("""
                SELECT version, scheme::text AS scheme, set_at, set_by FROM scoring_scheme
                 WHERE district = ? AND fiscal_year = ? AND kind = ? ORDER BY version""",
                district, fiscalYear.value(), evaluationKind.name()));
        if (rows.isEmpty()) {
            throw new NotFoundException("kind", "scheme.not-set", "district finance has not set a scoring scheme for "
                    + evaluationKind.label() + " evaluations of " + fiscalYear);
        }
        Map<String, Object> latest = rows.get(rows.size() - 1);
        List<Version> versions = rows.stream().map(row -> new Version((Integer) row.get("version"),
                ((java.sql.Timestamp) row.get("set_at")).toInstant(), (String) row.get("set_by"))).toList();
        return new SchemeView(evaluationKind.name(), (Integer) latest.get("version"),
                RowJson.tree((String) latest.get("scheme")), versions);
    }

    @PostMapping(SCHEMES + "/preview")
    List<Preview> preview(@PathVariable("district") String district, @PathVariable("year") String year,
                          @PathVariable("kind") String kind, @RequestBody String body) {
        Caller reader = access.requireDistrict(district);
        if (!reader.has(Role.DISTRICT_FINANCE)) {
            throw new ForbiddenException("the preview of a scoring scheme is district finance's");
        }
        FiscalYear fiscalYear = year(district, year);
        EvaluationKind evaluationKind = kind(kind);
        ScoringScheme candidate = candidate(body);
        return reads.inDistrict(district, () -> {
            List<Preview> previews = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("""
                    SELECT p.department_id, d.name AS department_name, p.plan_key, p.name FROM plan p
                      LEFT JOIN department d ON d.district = p.district AND d.department_id = p.department_id
                     WHERE p.district = ? AND p.fiscal_year = ? AND p.kind = ?
                     ORDER BY p.department_id, p.plan_key""", district, fiscalYear.value(),
                    evaluationKind == EvaluationKind.PROJECT ? "PROJECT" : "DEPARTMENT")) {
                String planKey = (String) row.get("plan_key");
                PlanId plan = new PlanId(DepartmentId.of(district, (String) row.get("department_id")), fiscalYear,
                        PlanId.DEPARTMENT_WIDE.equals(planKey) ? null : planKey);
                Scorecards.ScorecardView now;
                try {
                    now = scorecards.compute(plan, null);
                } catch (NotFoundException noScheme) {
                    now = null;
                }
                Scorecard then = scorecards.preview(plan, candidate);
                BigDecimal current = now == null ? null : now.scorecard().recomputedTotal();
                previews.add(new Preview((String) row.get("department_id"), (String) row.get("department_name"),
                        planKey, (String) row.get("name"), now == null ? null : now.schemeVersion(), current,
                        now == null || current == null ? null : now.scorecard().grade().label(), then.recomputedTotal(),
                        then.recomputedGrade() == null ? null : then.recomputedGrade().label(),
                        current == null || then.recomputedTotal() == null ? null
                                : then.recomputedTotal().subtract(current),
                        then.flags()));
            }
            return previews;
        });
    }

    private static ScoringScheme candidate(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidParameterException("scheme", "scheme.required", "the candidate scheme is the body");
        }
        if (body.length() > MAX_SCHEME) {
            throw new InvalidParameterException("scheme", "body.size", "a scheme is at most " + MAX_SCHEME
                    + " characters");
        }
        ScoringScheme scheme;
        try {
            scheme = JSON.readValue(body, ScoringScheme.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof InvalidValueException invalid ? invalid.getMessage()
                    : e.getOriginalMessage();
            String rule = cause instanceof InvalidValueException invalid ? invalid.rule() : "scheme.format";
            throw new InvalidParameterException("scheme", rule, "the scheme cannot be read: "
                    + (reason.length() > 300 ? reason.substring(0, 300) + "…" : reason));
        }
        SchemeRules.broken(scheme).ifPresent(broken -> {
            throw new InvalidParameterException("scheme." + broken.field(), broken.rule(), broken.message());
        });
        return scheme;
    }

    private static FiscalYear year(String district, String year) {
        return PathYear.of(district, year);
    }

    private static EvaluationKind kind(String kind) {
        try {
            return Labelled.parse(EvaluationKind.class, kind, "value.unknown", "kind");
        } catch (InvalidValueException e) {
            throw new NotFoundException("kind", "kind.not-found", "kind is project or department-wide");
        }
    }
}
