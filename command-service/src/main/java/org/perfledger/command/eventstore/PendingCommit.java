package org.perfledger.command.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What one command will write, gathered while it runs and written by {@link GroupCommit} with its neighbours': its
 * events and, for a request sent with an {@code Idempotency-Key}, the key's claim with the answer. It is the command's
 * transaction as Axon sees it: its commit hands it over and waits for the shared transaction's outcome, so a command
 * is answered only once what it wrote is durable, and a refused one fails alone. Nothing is written before the
 * commit, so a rollback has nothing to undo.
 */
public final class PendingCommit implements Transaction {

    /** How long a command waits for its group's commit before it gives up (the database being away). */
    private static final long WAIT_SECONDS = 120;

    private final GroupCommit group;
    private final List<EventMessage<?>> events = new ArrayList<>();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    private IdempotencyClaim claim;

    PendingCommit(GroupCommit group) {
        this.group = group;
    }

    /** The transaction of the command being handled on this thread, if it runs on the group-committing bus. */
    public static Optional<PendingCommit> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(GroupCommit.RESOURCE));
    }

    /** The key's claim and the answer a retry gets, written in the same statement as its neighbours' claims. */
    public void claim(IdempotencyClaim claim) {
        this.claim = claim;
    }

    void append(List<? extends EventMessage<?>> appended) {
        events.addAll(appended);
    }

    List<EventMessage<?>> events() {
        return events;
    }

    IdempotencyClaim claim() {
        return claim;
    }

    CompletableFuture<Void> outcome() {
        return outcome;
    }

    void succeeded() {
        outcome.complete(null);
    }

    void failed(RuntimeException failure) {
        outcome.completeExceptionally(failure);
    }

    @Override
    public void commit() {
        if (events.isEmpty() && claim == null) {
            return;
        }
        group.submit(this);
        try {
            outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while the events were being stored; they may be stored", e);
        } catch (TimeoutException e) {
            throw new EventStoreException("the event store did not answer in " + WAIT_SECONDS + " s", e);
        }
    }

    @Override
    public void rollback() {
        // nothing was written
    }
}
