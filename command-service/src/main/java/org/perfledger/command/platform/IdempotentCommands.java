package org.perfledger.command.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.perfledger.command.eventstore.IdempotencyClaim;
import org.perfledger.command.eventstore.PendingCommit;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a command sent with an {@code Idempotency-Key} happen at most once. A key already claimed is answered with
 * the first answer, and the command does not run. Otherwise the command runs, and its key is claimed with its answer
 * by one row written in the command's group transaction ({@link PendingCommit#claim}), so the claim, the answer and
 * the events commit together or not at all: a retry after success gets the first answer and causes no event; a retry
 * after a failure runs again; of two concurrent requests with one key the first to commit wins, and the other's events
 * are left out and it gets the first one's answer ({@link #answered}). Reusing a key for a different request is
 * refused.
 */
class IdempotentCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String PACKAGE = "org.perfledger.";
    private static final Set<String> SCALARS = Set.of(Integer.class.getName(), Long.class.getName(),
            String.class.getName(), Boolean.class.getName());

    private final JdbcTemplate jdbc;
    private static final ObjectMapper MAPPER = EventEnvelopeCodec.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    IdempotentCommands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(EventMetadata.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        String district = String.valueOf(command.getMetaData().get(EventMetadata.DISTRICT));
        String fingerprint = fingerprint(command);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT fingerprint, result_type, result FROM command_idempotency
                 WHERE district = ? AND idempotency_key = ?""", district, key);
        if (!rows.isEmpty()) {
            Map<String, Object> first = rows.get(0);
            return replay(fingerprint.equals(first.get("fingerprint")), (String) first.get("result_type"),
                    (String) first.get("result"));
        }
        PendingCommit pending = PendingCommit.current().orElseThrow(() -> new IllegalStateException(
                "a command with an Idempotency-Key handled outside the group-committing command bus"));
        Object result = chain.proceed();
        pending.claim(new IdempotencyClaim(district, key.toString(), fingerprint, command.getCommandName(),
                String.valueOf(command.getMetaData().get(EventMetadata.ACTOR)),
                result == null ? null : result.getClass().getName(),
                result == null ? null : MAPPER.writeValueAsString(result)));
        return result;
    }

    /**
     * The answer for a request whose key another request with that key claimed while it ran: the first one's answer
     * if they are the same request, else the refusal of a reused key.
     */
    static Object answered(IdempotencyClaim.AnsweredBefore before) {
        try {
            return replay(before.sameRequest(), before.storedType(), before.storedResult());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable", e);
        }
    }

    private static Object replay(boolean sameRequest, String type, String result) throws JsonProcessingException {
        if (!sameRequest) {
            throw new DomainRejection(Kind.RULE, "idempotency-key.reused", RequestMetadataResolver.IDEMPOTENCY_HEADER,
                    "this Idempotency-Key was already used for a different request; send a new key with a new "
                            + "request");
        }
        if (type == null) {
            return null;
        }
        if (!type.startsWith(PACKAGE) && !SCALARS.contains(type)) {
            throw new IllegalStateException("stored answer of unexpected type " + type);
        }
        try {
            return MAPPER.readValue(result, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("stored answer of unknown type " + type, e);
        }
    }

    private String fingerprint(CommandMessage<?> command) throws JsonProcessingException {
        // the sender is part of the request: another user's reuse of a key is a different request, not a replay
        byte[] payload = (command.getCommandName() + "\n" + command.getMetaData().get(EventMetadata.ACTOR) + "\n"
                + MAPPER.writeValueAsString(command.getPayload()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
