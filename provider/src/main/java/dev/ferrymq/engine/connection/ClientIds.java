package dev.ferrymq.engine.connection;

import dev.ferrymq.engine.exec.SerialExecutor;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.EngineException;

import java.util.HashMap;
import java.util.Map;

/**
 * The client IDs in use on one broker and the connection holding each ("Client identifier": a
 * client ID is used by one connection at a time). The one owner of that state, and of each
 * connection's own client ID: a claim and a release are tasks on the broker's control executor,
 * so two connections claiming one ID, or one connection claiming two, are decided in turn without
 * a lock; a connection freeing its ID on close and a later connection claiming it run in that
 * order.
 *
 * <p>Threading contract: {@link #claim} and {@link #release} may be called from any thread and
 * enqueue their work; the map and each connection's client ID ({@link ClientIdHolder#clientIdClaimed})
 * are written only on the control executor (asserted).
 */
public final class ClientIds {

    private final String broker;
    private final SerialExecutor control;
    private final Map<String, ClientIdHolder> holders = new HashMap<>();

    /**
     * @param broker  the broker's name, for messages
     * @param control the broker's control executor
     */
    public ClientIds(String broker, SerialExecutor control) {
        this.broker = broker;
        this.control = control;
    }

    /**
     * Claims {@code clientId} for {@code c}: completes once it holds it (at once when it holds it
     * already); INVALID_CLIENT_ID when another connection holds it, ILLEGAL_STATE when {@code c}
     * has another client ID or is closed. Completes on the control executor.
     */
    public void claim(String clientId, ClientIdHolder c, Completion<Void> done) {
        control.execute(() -> {
            try {
                claimNow(clientId, c);
            } catch (EngineException e) {
                done.fail(e);
                return;
            }
            done.complete(null);
        });
    }

    private void claimNow(String clientId, ClientIdHolder c) {
        assert control.isCurrentThread() : "client IDs change on the broker's control executor only";
        String own = c.clientId();
        if (own != null) {
            if (own.equals(clientId)) {
                return;
            }
            throw EngineException.illegalState("connection " + c.id() + " already has client ID '" + own + "'");
        }
        if (c.isClosed()) {
            throw EngineException.illegalState("connection " + c.id() + " is closed");
        }
        ClientIdHolder holder = holders.get(clientId);
        if (holder != null) {
            throw new EngineException(EngineException.Kind.INVALID_CLIENT_ID,
                    "client ID '" + clientId + "' is already in use by another connection to broker '" + broker + "'");
        }
        holders.put(clientId, c);
        c.clientIdClaimed(clientId);
    }

    /** {@code c} closed: frees its client ID, if it has one. */
    public void release(ClientIdHolder c) {
        control.execute(() -> {
            String held = c.clientId();
            if (held != null) {
                holders.remove(held, c);
            }
        });
    }
}
