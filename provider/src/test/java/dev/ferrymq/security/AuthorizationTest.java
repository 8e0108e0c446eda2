package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.FerryConnection;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authorization per destination pattern (spec 2.13 "Security"; 10.3 "Standard exceptions":
 * JMSSecurityException "may also be thrown for any case where a security restriction prevents a
 * method from completing"): each denied operation fails naming the operation and the destination,
 * and leaves nothing behind.
 */
@Timeout(60)
class AuthorizationTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("send: denied -> JMSSecurityException naming 'send' and the queue; nothing enqueued, not even the queue")
    void sendDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             Connection bob = b.factory().createConnection("bob", "bob-pw");
             Connection alice = b.factory().createConnection("alice", "alice-pw")) {
            Session s = bob.createSession();
            Queue q = s.createQueue("orders.eu");
            assertThatThrownBy(() -> s.createProducer(q).send(s.createTextMessage("x")))
                    .isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("user 'bob'").hasMessageContaining("send").hasMessageContaining("'orders.eu'");
            assertThat(b.stats("orders.eu")).as("the queue was not even created").isNull();
            Session as = alice.createSession();
            as.createProducer(q).send(as.createTextMessage("allowed"));
            assertThatThrownBy(() -> as.createProducer(as.createQueue("orders.secret")).send(as.createTextMessage("x")))
                    .as("the exact name beats the pattern").isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("'orders.secret'");
            assertThatThrownBy(() -> as.createProducer(as.createQueue("invoices")).send(as.createTextMessage("x")))
                    .as("no key matches: denied").isInstanceOf(JMSSecurityException.class);
            assertThat(b.stats("orders.eu").available()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("send in a transaction: refused at send time, the transaction's other sends still commit")
    void transactedSendDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             Connection alice = b.factory().createConnection("alice", "alice-pw")) {
            Session tx = alice.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(null);
            p.send(tx.createQueue("orders.eu"), tx.createTextMessage("ok"));
            assertThatThrownBy(() -> p.send(tx.createQueue("orders.secret"), tx.createTextMessage("no")))
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("'orders.secret'");
            tx.commit();
            assertThat(b.stats("orders.eu").available()).isEqualTo(1);
            assertThat(b.stats("orders.secret")).isNull();
        }
    }

    @Test
    @DisplayName("consume and browse: denied -> JMSSecurityException naming the operation; no consumer registered")
    void consumeAndBrowseDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             Connection alice = b.factory().createConnection("alice", "alice-pw");
             Connection bob = b.factory().createConnection("bob", "bob-pw")) {
            Session as = alice.createSession();
            Queue q = as.createQueue("orders.eu");
            as.createProducer(q).send(as.createTextMessage("m1"));
            assertThatThrownBy(() -> as.createConsumer(q)).isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("user 'alice'").hasMessageContaining("consume").hasMessageContaining("'orders.eu'");
            assertThat(b.stats("orders.eu").consumers()).isZero();
            Session bs = bob.createSession();
            assertThatThrownBy(() -> bs.createBrowser(q).getEnumeration().hasMoreElements())
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("browse").hasMessageContaining("'orders.eu'");
            bob.start();
            assertThat(((TextMessage) bs.createConsumer(q).receive(5000)).getText()).isEqualTo("m1");
        }
    }

    @Test
    @DisplayName("durable and shared subscriptions: creating one needs createSubscription; refused -> none exists")
    void subscriptionDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             Connection alice = b.factory("clientID=c1").createConnection("alice", "alice-pw")) {
            Session s = alice.createSession();
            Topic t = s.createTopic("prices");
            assertThat(s.createConsumer(t)).as("a plain subscription needs consume only").isNotNull();
            assertThatThrownBy(() -> s.createDurableSubscriber(t, "d1")).isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("subscription").hasMessageContaining("'prices'");
            assertThatThrownBy(() -> s.createDurableConsumer(t, "d1")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createSharedConsumer(t, "s1")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.createSharedDurableConsumer(t, "s2")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> s.unsubscribe("d1")).as("no subscription was created")
                    .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    @DisplayName("unsubscribe: denied -> JMSSecurityException naming the topic; the subscription stays")
    void unsubscribeDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "")) {
            try (Connection bob = b.factory("clientID=c2").createConnection("bob", "bob-pw")) {
                Session s = bob.createSession();
                s.createDurableConsumer(s.createTopic("prices"), "keep").close();
                assertThatThrownBy(() -> s.unsubscribe("keep")).isInstanceOf(JMSSecurityException.class)
                        .hasMessageContaining("delete a subscription").hasMessageContaining("'prices'");
            }
            try (Connection admin = b.factory("clientID=c2").createConnection("admin", "admin-pw")) {
                admin.createSession().unsubscribe("keep");
            }
        }
    }

    @Test
    @DisplayName("temporary destinations and moveToOrigin (manage): denied -> JMSSecurityException")
    void temporaryAndManageDenied() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             Connection alice = b.factory().createConnection("alice", "alice-pw");
             Connection admin = b.factory().createConnection("admin", "admin-pw")) {
            Session s = alice.createSession();
            assertThatThrownBy(s::createTemporaryQueue).isInstanceOf(JMSSecurityException.class)
                    .hasMessageContaining("temporary queue");
            assertThatThrownBy(s::createTemporaryTopic).isInstanceOf(JMSSecurityException.class);
            Queue dlq = s.createQueue("DLQ.orders.eu");
            assertThatThrownBy(() -> ((FerryConnection) alice).moveToOrigin(dlq, null))
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("manage")
                    .hasMessageContaining("'DLQ.orders.eu'");
            Session as = admin.createSession();
            TemporaryQueue reply = as.createTemporaryQueue();
            s.createProducer(reply).send(s.createTextMessage("reply"));
            admin.start();
            assertThat(((TextMessage) as.createConsumer(reply).receive(5000)).getText()).isEqualTo("reply");
            assertThat(((FerryConnection) admin).moveToOrigin(as.createQueue("DLQ.orders.eu"), null)).isZero();
        }
    }

    @Test
    @DisplayName("JMSContext: every denied operation -> JMSSecurityRuntimeException naming it")
    void contextForms() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "");
             JMSContext alice = b.factory("clientID=c3").createContext("alice", "alice-pw");
             JMSContext bob = b.factory().createContext("bob", "bob-pw")) {
            Queue q = alice.createQueue("orders.eu");
            Topic t = alice.createTopic("prices");
            assertThatThrownBy(() -> bob.createProducer().send(q, "x")).isInstanceOf(JMSSecurityRuntimeException.class)
                    .hasMessageContaining("send");
            assertThatThrownBy(() -> alice.createConsumer(q)).isInstanceOf(JMSSecurityRuntimeException.class)
                    .hasMessageContaining("consume");
            assertThatThrownBy(() -> bob.createBrowser(q).getEnumeration().hasMoreElements())
                    .as("QueueBrowser is the classic interface even from a JMSContext")
                    .isInstanceOf(JMSSecurityException.class).hasMessageContaining("browse");
            assertThatThrownBy(() -> alice.createDurableConsumer(t, "d")).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> alice.createSharedConsumer(t, "s")).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> alice.createSharedDurableConsumer(t, "sd"))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(alice::createTemporaryQueue).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(alice::createTemporaryTopic).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> alice.unsubscribe("d")).as("not created, so nothing to delete")
                    .isNotInstanceOf(JMSSecurityRuntimeException.class);
            alice.createProducer().send(q, "allowed");
            assertThat(bob.createConsumer(q).receiveBody(String.class, 5000)).isEqualTo("allowed");
        }
    }

    @Test
    @DisplayName("'*' grants an operation to every connection; a pattern key applies to the names it matches")
    void everyoneAndPatterns() throws Exception {
        try (SecureBroker b = new SecureBroker(dir, "send = *\nconsume@public.* = *", "");
             JMSContext bob = b.factory().createContext("bob", "bob-pw")) {
            bob.createProducer().send(bob.createQueue("anything"), "x");
            bob.createProducer().send(bob.createQueue("public.news"), "n");
            assertThat(bob.createConsumer(bob.createQueue("public.news")).receiveBody(String.class, 5000)).isEqualTo("n");
            assertThatThrownBy(() -> bob.createConsumer(bob.createQueue("anything")))
                    .isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    @DisplayName("Security off: every operation is allowed to everyone")
    void offAllowsEverything() throws Exception {
        String name = "sec-off-" + java.util.UUID.randomUUID();
        try (JMSContext ctx = new FerryConnectionFactory("vm://" + name + "?clientID=x").createContext("u", "p")) {
            Topic t = ctx.createTopic("prices");
            ctx.createDurableConsumer(t, "d").close();
            ctx.unsubscribe("d");
            ctx.createTemporaryQueue().delete();
            ctx.createProducer().send(ctx.createQueue("orders.secret"), "x");
            assertThat(ctx.createBrowser(ctx.createQueue("orders.secret")).getEnumeration().hasMoreElements()).isTrue();
        } finally {
            dev.ferrymq.engine.Brokers.stop(name);
        }
    }
}
