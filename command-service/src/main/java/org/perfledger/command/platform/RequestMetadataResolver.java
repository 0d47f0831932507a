package org.perfledger.command.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Builds {@link RequestMetadata} for a controller: the district from the path, which must be the district of the
 * caller's token (else 403), the caller from the token, and the correlation id from {@code X-Correlation-Id}
 * or a new one, which is echoed back in the response; and the client's {@code Idempotency-Key}, if any.
 */
public class RequestMetadataResolver implements HandlerMethodArgumentResolver {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final TokenClaims claims;

    public RequestMetadataResolver(TokenClaims claims) {
        this.claims = claims;
    }

    private Caller caller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return claims.caller(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("no bearer token");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestMetadata.class;
    }

    @Override
    public RequestMetadata resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                           NativeWebRequest request, WebDataBinderFactory binderFactory) {
        RequestFields fields = new RequestFields();
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        // Only onboarding (POST /api/v1/districts) has no district in its path; it names the district it creates.
        boolean inDistrict = path != null && path.containsKey("district");
        DistrictId district = inDistrict ? fields.parse("district", path.get("district"), DistrictId::new) : null;

        Caller caller = caller();
        if (inDistrict && district != null && !district.value().equals(caller.district())) {
            throw new DomainRejection(DomainRejection.Kind.FORBIDDEN, "tenant.mismatch", "district",
                    caller.district() == null ? "your token is for no district"
                            : "your token is for district " + caller.district() + ", not " + district);
        }

        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || correlationId.isEmpty()) {
            correlationId = UUID.randomUUID().toString();
        } else if (!CORRELATION_ID.matcher(correlationId).matches()) {
            fields.reject(CORRELATION_HEADER, "correlation-id.format",
                    CORRELATION_HEADER + " must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        String idempotencyKey = request.getHeader(IDEMPOTENCY_HEADER);
        if (idempotencyKey != null && !CORRELATION_ID.matcher(idempotencyKey).matches()) {
            fields.reject(IDEMPOTENCY_HEADER, "idempotency-key.format",
                    IDEMPOTENCY_HEADER + " must be 1 to 100 letters, digits, '.', '_', ':' or '-' (a UUID fits)");
        }
        HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
        if (response != null && CORRELATION_ID.matcher(correlationId).matches()) {
            response.setHeader(CORRELATION_HEADER, correlationId);
        }
        fields.throwIfInvalid();
        return new RequestMetadata(district, caller, correlationId, idempotencyKey);
    }
}
