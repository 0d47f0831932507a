package org.perfledger.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.ShardMap;
import org.perfledger.kernel.organisation.ShardMap.Shard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The districts this command service keeps: every district on the unsharded platform; on a sharded one
 * ({@code perfledger.sharding.map}, see {@link ShardMap}) those its shard ({@code perfledger.sharding.shard}) keeps.
 * A request about another district is refused before anything is read or written, as misdirected (421), naming the
 * shard and the command API that keep it: a request with the district in its path as it arrives (commands, the event
 * log, its import and the chain), a command naming it in its body (a district's onboarding) as it is sent.
 */
@Component
public class DistrictShards implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DistrictShards.class);

    /** A request about a district another shard keeps, or none does. */
    public static final class Misdirected extends RuntimeException {
        private final transient Optional<Shard> keeper;

        Misdirected(DistrictId district, String here, Optional<Shard> keeper) {
            super(keeper.map(shard -> "district " + district + " is kept by shard " + shard.name() + ", not by shard "
                            + here + ": send its requests to " + shard.commandApi())
                    .orElse("no shard keeps district " + district + " (the shard map names it nowhere and has no "
                            + "'*' shard); an operator assigns it first"));
            this.keeper = keeper;
        }

        public Optional<Shard> keeper() {
            return keeper;
        }
    }

    private final ShardMap map;
    private final String here;

    DistrictShards(@Value("${perfledger.sharding.map:}") String map, @Value("${perfledger.sharding.shard:}") String here,
                   @Value("${spring.datasource.url:}") String eventStore) {
        this.map = ShardMap.parse(map);
        this.here = here.strip();
        if (this.map.unsharded()) {
            if (!this.here.isEmpty()) {
                throw new IllegalStateException("perfledger.sharding.shard is " + this.here
                        + " but no shard map is given (perfledger.sharding.map)");
            }
            return;
        }
        Shard shard = this.map.shard(this.here).orElseThrow(() -> new IllegalStateException(
                "perfledger.sharding.shard '" + this.here + "' is none of the shard map's: " + this.map));
        if (!shard.eventStoreUrl().equals(eventStore)) {
            // the map names where readers find the store, which may be a replica of this service's database
            log.warn("Shard {}'s event store is {} in the shard map; this service writes to {}", this.here,
                    shard.eventStoreUrl(), eventStore);
        }
        log.info("Command service of shard {}: keeps {}", this.here, shard.rest()
                ? "every district no other shard names, and " + shard.districts() : shard.districts());
    }

    /** @throws Misdirected when another shard keeps the district, or none does */
    public void requireKept(DistrictId district) {
        if (map.unsharded()) {
            return;
        }
        Optional<Shard> keeper = map.keeper(district);
        if (keeper.isEmpty() || !keeper.get().name().equals(here)) {
            throw new Misdirected(district, here, keeper);
        }
    }

    /** The district of the request's path, checked before the handler reads or writes anything. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (map.unsharded()) {
            return true;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> values && values.get("district") instanceof String district) {
            DistrictId id;
            try {
                id = DistrictId.of(district);
            } catch (IllegalArgumentException invalid) {
                return true; // refused by the handler, with the field and the rule
            }
            requireKept(id);
        }
        return true;
    }
}
