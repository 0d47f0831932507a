package org.perfledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The plans' aggregate cache: held strongly up to its bound, its listeners told as Axon's caches tell them. */
class BoundedAggregateCacheTest {

    @Test
    void aCachedPlanOutlivesTheCollectorWhenNothingElseHoldsIt() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10, Duration.ofMinutes(30));
        cache.put("plan-1", new Object());

        // Axon's WeakReferenceCache lost an entry like this one at the collector's next run, under load many times a
        // second; this cache keeps it until it is let go for its bound or its idle time
        System.gc();

        assertThat((Object) cache.get("plan-1")).isNotNull();
        assertThat(cache.containsKey("plan-1")).isTrue();
    }

    @Test
    void itHoldsNoMoreThanItsBound() throws InterruptedException {
        BoundedAggregateCache cache = new BoundedAggregateCache(100, Duration.ofMinutes(30));
        List<Object> expired = new CopyOnWriteArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 1_000; i++) {
            cache.put("plan-" + i, new byte[1024]);
        }

        // Caffeine lets entries go in the background, soon after the bound is passed
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (expired.size() < 900 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(expired).hasSizeGreaterThanOrEqualTo(900);
        long held = 0;
        for (int i = 0; i < 1_000; i++) {
            held += cache.containsKey("plan-" + i) ? 1 : 0;
        }
        assertThat(held).isLessThanOrEqualTo(100);
    }

    @Test
    void listenersHearOfEveryChangeUntilTheyAreTakenOff() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10, Duration.ofMinutes(30));
        List<String> heard = new CopyOnWriteArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key + "=" + value);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key + "=" + value);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key + "=" + value);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat((Integer) cache.get("a")).isEqualTo(2);
        cache.computeIfPresent("a", (Integer value) -> value + 10);
        assertThat((Integer) cache.computeIfAbsent("c", () -> 5)).isEqualTo(5);
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.remove("b")).isFalse();
        cache.computeIfPresent("c", value -> null);
        registration.cancel();
        cache.put("d", 6);
        cache.removeAll();

        assertThat(heard).containsExactly("created a=1", "updated a=2", "created b=4", "read a=2", "updated a=12",
                "created c=5", "removed b", "removed c");
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.containsKey("d")).isFalse();
    }
}
