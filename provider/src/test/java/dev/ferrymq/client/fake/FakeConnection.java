package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConnectionListener;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.SessionInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A connection: client ID, sessions, temporary destinations. */
final class FakeConnection implements EngineConnection {

    final FakeBroker broker;
    final ConnectionListener listener;
    final List<FakeSession> sessions = new ArrayList<>();
    private final Set<DestinationRef> temporaries = new HashSet<>();
    String clientId;

    FakeConnection(FakeBroker broker, ConnectionInfo info, ConnectionListener listener) {
        this.broker = broker;
        this.listener = listener;
        this.clientId = info.clientId();
    }

    boolean isLiveTemporary(DestinationRef ref) {
        for (FakeConnection c : broker.connections) {
            if (c.temporaries.contains(ref)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setClientId(String id, Completion<Void> done) {
        if (!broker.clientIds.add(id)) {
            broker.fail(done, new EngineException(EngineException.Kind.INVALID_CLIENT_ID, "client ID " + id + " in use"));
            return;
        }
        clientId = id;
        broker.complete(done, null);
    }

    @Override
    public void createSession(SessionInfo info, Completion<EngineSession> done) {
        broker.lock.lock();
        try {
            FakeSession s = new FakeSession(this, info);
            sessions.add(s);
            broker.complete(done, s);
        } finally {
            broker.lock.unlock();
        }
    }

    @Override
    public void createTemporaryDestination(DestinationType type, Completion<DestinationRef> done) {
        broker.lock.lock();
        try {
            DestinationRef ref = new DestinationRef(type, "temp-" + broker.temporaries.incrementAndGet());
            temporaries.add(ref);
            if (type.isQueue()) {
                broker.queue(ref);
            }
            broker.complete(done, ref);
        } finally {
            broker.lock.unlock();
        }
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination, Completion<Void> done) {
        broker.lock.lock();
        try {
            if (!temporaries.contains(destination)) {
                broker.fail(done, EngineException.invalidDestination(destination + " is not a live temporary destination of this connection"));
                return;
            }
            FakeQueue q = broker.queues.get(destination);
            if (q != null && !q.consumers.isEmpty()) {
                broker.fail(done, EngineException.illegalState(destination + " has consumers"));
                return;
            }
            temporaries.remove(destination);
            broker.queues.remove(destination);
            broker.complete(done, null);
        } finally {
            broker.lock.unlock();
        }
    }

    @Override
    public void unsubscribe(String subscriptionName, Completion<Void> done) {
        broker.lock.lock();
        try {
            String key = (clientId == null ? "shared:" : clientId + ":") + subscriptionName;
            FakeQueue q = broker.durableSubscriptions.get(key);
            if (q == null) {
                broker.fail(done, EngineException.invalidDestination("no durable subscription " + subscriptionName));
                return;
            }
            if (!q.consumers.isEmpty()) {
                broker.fail(done, EngineException.illegalState("durable subscription " + subscriptionName + " is active"));
                return;
            }
            broker.durableSubscriptions.remove(key);
            broker.complete(done, null);
        } finally {
            broker.lock.unlock();
        }
    }

    @Override
    public void close(Completion<Void> done) {
        broker.lock.lock();
        try {
            for (FakeSession s : new ArrayList<>(sessions)) {
                s.closeLocked();
            }
            for (DestinationRef t : temporaries) {
                broker.queues.remove(t);
            }
            temporaries.clear();
            if (clientId != null) {
                broker.clientIds.remove(clientId);
            }
            broker.connections.remove(this);
        } finally {
            broker.lock.unlock();
        }
        broker.complete(done, null);
    }
}
