package org.perfledger.command.plan;

import org.perfledger.command.planning.PlanTarget;
import java.util.List;
import java.util.Map;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.kernel.organisation.DepartmentCode;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.InvalidValueException;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives controllers a {@link PlanTarget} read from the path and {@code If-Match}, with every error named. */
@Configuration(proxyBeanMethods = false)
class PlanWebConfiguration implements WebMvcConfigurer {

    static {
        // Resolved from the path and If-Match, not a request parameter: leave it out of the OpenAPI description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PlanTarget.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == PlanTarget.class;
            }

            @Override
            public PlanTarget resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                              NativeWebRequest request, WebDataBinderFactory binderFactory) {
                @SuppressWarnings("unchecked")
                Map<String, String> path = (Map<String, String>) request.getAttribute(
                        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                RequestFields fields = new RequestFields();
                DistrictId district = fields.parse("district", path.get("district"), DistrictId::new);
                DepartmentCode department = fields.parse("department", path.get("department"), DepartmentCode::new);
                FiscalYear year = fields.parse("year", path.get("year"), FiscalYear::parse);
                String project = path.get("project");
                String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
                Long expected = fields.optional(HttpHeaders.IF_MATCH, ifMatch, PlanWebConfiguration::version);
                PlanId plan = null;
                if (district != null && department != null && year != null) {
                    plan = fields.parse("project", project == null ? "" : project, code -> new PlanId(
                            new DepartmentId(district, department), year, code.isEmpty() ? null : code));
                }
                fields.throwIfInvalid();
                return new PlanTarget(plan, expected);
            }
        });
    }

    /** An ETag as this service writes it: the plan's version in quotes ("3"); a weak W/"3" is read the same. */
    static Long version(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // fall through to the rule below
        }
        throw new InvalidValueException("if-match.format", "If-Match must be the plan's version as an ETag, e.g. \"3\"");
    }
}
