package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.destination.Destinations;
import dev.ferrymq.engine.exec.Futures;
import dev.ferrymq.engine.queue.Publisher;
import dev.ferrymq.engine.security.Access;
import dev.ferrymq.engine.security.Operation;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.SessionInfo;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's engine side: its client ID, sessions and temporary destinations. Also the
 * {@link Publisher} of everything its sessions send (for noLocal). Its sessions see it as a
 * {@link VmSessionConnection}, the broker's {@link ClientIds} as a {@link ClientIdHolder}.
 *
 * <p>Threading contract: every method may be called from any thread. The sessions, the client ID
 * ({@link ClientIds}) and the temporary destinations are owned by the broker's control executor:
 * written only there (the client ID read here through a volatile field); a close starts there,
 * after every creation that came first, and refuses every one after, so no session or temporary
 * destination is left behind. After {@link #close} every call fails with ILLEGAL_STATE. What the
 * connection may do is its {@link Access} (immutable): permissions are checked before anything is
 * created, so a refused operation leaves nothing behind.
 */
public final class VmConnection implements EngineConnection, VmSessionConnection, ClientIdHolder {

    private static final System.Logger LOG = System.getLogger(VmConnection.class.getName());

    private final BrokerContext broker;
    private final String id;
    private final ConnectionListener listener;
    /** This connection's open sessions; confined to the broker's control executor. */
    private final Set<VmSession> sessions = new HashSet<>();
    /** This connection's temporary destinations; confined to the broker's control executor. */
    private final Set<DestinationRef> temporaries = new HashSet<>();
    /** Numbers the temporary destinations' names; confined to the broker's control executor. */
    private long temporaryCounter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger openConsumers = new AtomicInteger();
    private final Access access;
    /** Written only by {@link ClientIds} on the broker's control executor. */
    private volatile String clientId;

    public VmConnection(BrokerContext broker, String id, ConnectionListener listener, Access access) {
        this.broker = broker;
        this.id = id;
        this.listener = listener;
        this.access = access;
    }

    @Override
    public Access access() {
        return access;
    }

    @Override
    public void reserveConsumer() {
        int open = openConsumers.incrementAndGet();
        try {
            access.limits().checkConsumers(id, open);
        } catch (EngineException e) {
            openConsumers.decrementAndGet();
            throw e;
        }
    }

    @Override
    public void releaseConsumer() {
        openConsumers.decrementAndGet();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public BrokerContext broker() {
        return broker;
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public void clientIdClaimed(String cid) {
        clientId = cid;
    }

    @Override
    public void setClientId(String cid, Completion<Void> done) {
        try {
            ensureOpen();
            if (cid == null || cid.isEmpty()) {
                throw new EngineException(EngineException.Kind.INVALID_CLIENT_ID, "client ID must not be null or empty");
            }
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        broker.clientIds().claim(cid, this, done);
    }

    @Override
    public void createSession(SessionInfo info, Completion<EngineSession> done) {
        broker.control().execute(() -> {
            try {
                ensureOpen();
                access.limits().checkSessions(id, sessions.size() + 1);
            } catch (EngineException e) {
                done.fail(e);
                return;
            }
            VmSession s = new VmSession(this, info);
            sessions.add(s);
            done.complete(s);
        });
    }

    @Override
    public void createTemporaryDestination(DestinationType type, Completion<DestinationRef> done) {
        try {
            ensureOpen();
            if (!type.isTemporary()) {
                throw EngineException.general("not a temporary destination type: " + type);
            }
        } catch (EngineException e) {
            done.fail(e);
            return;
        }
        broker.control().execute(() -> {
            DestinationRef ref;
            try {
                ensureOpen();
                String name = (type.isQueue() ? "temp-queue-" : "temp-topic-") + id + "-" + ++temporaryCounter;
                ref = new DestinationRef(type, name);
                access.require(Operation.CREATE_TEMPORARY, ref);
                broker.destinations().createTemporary(ref, this);
            } catch (EngineException e) {
                done.fail(e);
                return;
            }
            temporaries.add(ref);
            done.complete(ref);
        });
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination, Completion<Void> done) {
        if (closed.get()) {
            done.fail(EngineException.illegalState("connection " + id + " is closed"));
            return;
        }
        broker.destinations().deleteTemporary(destination, this, new Completion<>() {
            @Override
            public void complete(Void result) {
                temporaries.remove(destination);
                done.complete(null);
            }

            @Override
            public void fail(EngineException error) {
                done.fail(error);
            }
        });
    }

    @Override
    public void unsubscribe(String subscriptionName, Completion<Void> done) {
        if (closed.get()) {
            done.fail(EngineException.illegalState("connection " + id + " is closed"));
            return;
        }
        broker.subscriptions().unsubscribe(clientId, subscriptionName,
                topic -> access.require(Operation.DELETE_SUBSCRIPTION, topic), done);
    }

    @Override
    public void moveToOrigin(DestinationRef deadLetterQueue, String selector, Completion<Integer> done) {
        try {
            ensureOpen();
            access.require(Operation.MANAGE, deadLetterQueue);
            broker.moveToOrigin(deadLetterQueue, VmSession.parse(selector), done);
        } catch (EngineException e) {
            done.fail(e);
        }
    }

    @Override
    public void close(Completion<Void> done) {
        if (!closed.compareAndSet(false, true)) {
            done.complete(null);
            return;
        }
        broker.control().execute(() -> {
            List<CompletableFuture<?>> closes = new ArrayList<>();
            for (VmSession s : List.copyOf(sessions)) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                closes.add(f);
                s.close(Futures.completing(f));
            }
            Futures.all(closes).whenComplete((v, t) -> broker.control().execute(() -> {
                dropTemporaries();
                broker.connectionClosed(this);
                done.complete(null);
            }));
        });
    }

    /** Tells the listener of a failure no call waits for (e.g. the broker stopped). */
    @Override
    public void notifyFailure(EngineException reason) {
        try {
            listener.onException(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection listener of " + id + " failed", e);
        }
    }

    @Override
    public void sessionClosed(EngineSession s) {
        broker.control().execute(() -> sessions.remove(s));
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    private void dropTemporaries() {
        EngineException reason = EngineException.invalidDestination("its connection " + id + " closed");
        for (DestinationRef ref : temporaries) {
            broker.destinations().dropTemporary(ref, reason);
        }
        temporaries.clear();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw EngineException.illegalState("connection " + id + " is closed");
        }
    }

    @Override
    public String toString() {
        return "VmConnection[" + id + (clientId == null ? "" : ", clientId=" + clientId) + "]";
    }
}
