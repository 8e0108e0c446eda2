package dev.ferrymq.engine.management;

import dev.ferrymq.engine.queue.MessageQueue;
import dev.ferrymq.engine.queue.QueueObserver;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker's queue observers: every queue the broker creates tells this one, which tells the
 * observers added (JMX, Micrometer). One observer failing does not keep the others from hearing.
 *
 * <p>Threading contract: thread-safe (a copy-on-write list; observers are few and change rarely).
 */
public final class QueueEvents implements QueueObserver {

    private static final System.Logger LOG = System.getLogger(QueueEvents.class.getName());

    private final CopyOnWriteArrayList<QueueObserver> observers = new CopyOnWriteArrayList<>();

    public void add(QueueObserver observer) {
        observers.add(observer);
    }

    public void remove(QueueObserver observer) {
        observers.remove(observer);
    }

    @Override
    public void created(MessageQueue queue) {
        for (QueueObserver o : observers) {
            try {
                o.created(queue);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "management could not register " + queue.name(), e);
            }
        }
    }

    @Override
    public void deleted(MessageQueue queue) {
        for (QueueObserver o : observers) {
            try {
                o.deleted(queue);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "management could not unregister " + queue.name(), e);
            }
        }
    }
}
