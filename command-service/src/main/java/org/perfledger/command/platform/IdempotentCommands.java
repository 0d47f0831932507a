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
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a command sent with an {@code Idempotency-Key} happen at most once. The key is claimed by a row written in
 * the command's own transaction, so the claim, the events and the stored answer commit together or not at all:
 * a retry after success gets the first answer and causes no event; a retry after a failure runs again; two
 * concurrent requests with one key are serialised by the row's lock. Reusing a key for a different request is refused.
 */
class IdempotentCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String PACKAGE = "org.perfledger.";
    private static final Set<String> SCALARS = Set.of(Integer.class.getName(), Long.class.getName(),
            String.class.getName(), Boolean.class.getName());

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = EventEnvelopeCodec.mapper().copy()
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
        int claimed = jdbc.update("""
                INSERT INTO command_idempotency (district, idempotency_key, fingerprint, command_name, actor)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                district, key, fingerprint, command.getCommandName(),
                String.valueOf(command.getMetaData().get(EventMetadata.ACTOR)));
        if (claimed == 0) {
            return replay(district, key.toString(), fingerprint);
        }
        Object result = chain.proceed();
        jdbc.update("UPDATE command_idempotency SET result_type = ?, result = ? WHERE district = ? AND idempotency_key = ?",
                result == null ? null : result.getClass().getName(),
                result == null ? null : mapper.writeValueAsString(result), district, key);
        return result;
    }

    private Object replay(String district, String key, String fingerprint) throws JsonProcessingException {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT fingerprint, command_name, result_type, result FROM command_idempotency
                 WHERE district = ? AND idempotency_key = ?""", district, key);
        Map<String, Object> first = rows.get(0);
        if (!fingerprint.equals(first.get("fingerprint"))) {
            throw new DomainRejection(Kind.RULE, "idempotency-key.reused", RequestMetadataResolver.IDEMPOTENCY_HEADER,
                    "this Idempotency-Key was already used for a different request; send a new key with a new "
                            + "request");
        }
        String type = (String) first.get("result_type");
        if (type == null) {
            return null;
        }
        if (!type.startsWith(PACKAGE) && !SCALARS.contains(type)) {
            throw new IllegalStateException("stored answer of unexpected type " + type);
        }
        try {
            return mapper.readValue((String) first.get("result"), Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("stored answer of unknown type " + type, e);
        }
    }

    private String fingerprint(CommandMessage<?> command) throws JsonProcessingException {
        // the sender is part of the request: another user's reuse of a key is a different request, not a replay
        byte[] payload = (command.getCommandName() + "\n" + command.getMetaData().get(EventMetadata.ACTOR) + "\n"
                + mapper.writeValueAsString(command.getPayload()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
