package org.perfledger.command.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.perfledger.kernel.organisation.DistrictId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Builds {@link RequestMetadata} for a controller: the district from the path, the actor from {@code X-Actor}
 * (until authentication arrives; default {@code anonymous}) and the correlation id from {@code X-Correlation-Id}
 * or a new one, which is echoed back in the response; and the client's {@code Idempotency-Key}, if any.
 */
public class RequestMetadataResolver implements HandlerMethodArgumentResolver {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String ANONYMOUS = "anonymous";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_ACTOR_LENGTH = 100;

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
        DistrictId district = fields.parse("district", path == null ? null : path.get("district"), DistrictId::new);

        String actorHeader = request.getHeader(ACTOR_HEADER);
        String actor = actorHeader == null || actorHeader.isEmpty()
                ? ANONYMOUS
                : fields.text(ACTOR_HEADER, actorHeader, MAX_ACTOR_LENGTH);

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
        return new RequestMetadata(district, actor, correlationId, idempotencyKey);
    }
}
