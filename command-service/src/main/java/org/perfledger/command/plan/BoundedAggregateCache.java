package org.perfledger.command.plan;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on a bounded Caffeine map: up to {@code maximumSize} aggregates, the least recently and
 * frequently used let go first, and any not used for {@code idle}. It replaces Axon's {@code WeakReferenceCache},
 * whose entries the collector clears at its next run once no command holds them: under load that is every fraction of
 * a second, and most commands loaded their plan again from its snapshot and events.
 *
 * <p>Entry listeners hear what Axon's other caches tell them: an entry created, updated, read, removed, and let go
 * (evicted or expired) as expired.
 */
final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(long maximumSize, Duration idle) {
        entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idle)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        tell(listener -> listener.onEntryExpired(key));
                    }
                })
                .build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            tell(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object before = entries.put(key, value);
        tell(listener -> {
            if (before == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.putIfAbsent(key, value) == null;
        if (absent) {
            tell(listener -> listener.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean[] created = {false};
        T value = (T) entries.computeIfAbsent(key, absent -> {
            created[0] = true;
            return valueSupplier.get();
        });
        if (created[0] && value != null) {
            tell(listener -> listener.onEntryCreated(key, value));
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            tell(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        boolean[] present = {false};
        Object updated = entries.computeIfPresent(key, (found, value) -> {
            present[0] = true;
            return update.apply((V) value);
        });
        if (updated != null) {
            tell(listener -> listener.onEntryUpdated(key, updated));
        } else if (present[0]) {
            tell(listener -> listener.onEntryRemoved(key));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void tell(Consumer<EntryListener> what) {
        listeners.forEach(what);
    }
}
