package dev.ferrymq.tck.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 6.1 Connections: client identifier, start/stop, metadata, exception listener, close. */
class ConnectionTest extends JmsTestBase {

    @Test
    @SpecSection("6.1.2 Client identifier")
    void clientIdSetExplicitlyIsReported() throws Exception {
        Connection c = connection();
        String id = uniqueName("cid");
        c.setClientID(id);
        assertThat(c.getClientID()).isEqualTo(id);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void settingTheClientIdTwiceThrowsIllegalState() throws Exception {
        Connection c = connection();
        c.setClientID(uniqueName("cid"));
        assertThatThrownBy(() -> c.setClientID(uniqueName("cid"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void settingTheClientIdAfterUseThrowsIllegalState() throws Exception {
        Connection c = connection();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> c.setClientID(uniqueName("cid"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void administrativelyConfiguredClientIdIsReportedAndCannotBeChanged() throws Exception {
        ConnectionFactory preset = lookup("ClientIdConnectionFactory");
        Connection c = track(preset.createConnection());
        assertThat(c.getClientID()).isEqualTo("tck-preset-client-id");
        assertThatThrownBy(() -> c.setClientID(uniqueName("cid"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void aClientIdInUseByAnotherConnectionIsRejected() throws Exception {
        String id = uniqueName("cid");
        Connection first = connection();
        first.setClientID(id);
        first.start();
        Connection second = connection();
        assertThatThrownBy(() -> second.setClientID(id)).isInstanceOf(InvalidClientIDException.class);
    }

    @Test
    @SpecSection("6.1.2 Client identifier")
    void aClientIdIsFreeAgainAfterItsConnectionCloses() throws Exception {
        String id = uniqueName("cid");
        Connection first = connection();
        first.setClientID(id);
        first.close();
        Connection second = connection();
        second.setClientID(id);
        assertThat(second.getClientID()).isEqualTo(id);
    }

    @Test
    @SpecSection("6.1.4 Starting a connection")
    void messagesAreNotDeliveredBeforeStart() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue();
        MessageConsumer consumer = s.createConsumer(q);
        s.createProducer(q).send(s.createTextMessage("wait"));
        mustNotReceive(consumer);
        c.start();
        assertThat(mustReceive(consumer)).isNotNull();
    }

    @Test
    @SpecSection("6.1.4 Starting a connection")
    void listenerIsNotCalledBeforeStart() throws Exception {
        Connection c = connection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue();
        CountDownLatch got = new CountDownLatch(1);
        s.createConsumer(q).setMessageListener(m -> got.countDown());
        session().createProducer(q).send(s.createTextMessage("wait"));
        assertThat(got.await(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isFalse();
        c.start();
        assertThat(got.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void stopPausesDeliveryAndStartResumesIt() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue();
        MessageConsumer consumer = s.createConsumer(q);
        c.stop();
        session().createProducer(q).send(s.createTextMessage("paused"));
        mustNotReceive(consumer);
        c.start();
        assertThat(mustReceive(consumer)).isNotNull();
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void startingAStartedAndStoppingAStoppedConnectionIsIgnored() throws Exception {
        Connection c = connection();
        assertThatCode(() -> {
            c.stop();
            c.stop();
            c.start();
            c.start();
        }).doesNotThrowAnyException();
    }

    @Test
    @SpecSection("6.1.5 Pausing delivery of incoming messages")
    void stopWaitsForRunningListeners() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        s.createConsumer(q).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        session().createProducer(q).send(s.createTextMessage("slow"));
        assertThat(entered.await(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isTrue();
        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> {
            try {
                c.stop();
            } catch (Exception e) {
                throw new java.lang.IllegalStateException(e);
            }
            return finished.get();
        });
        assertThatThrownBy(() -> stop.get(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).as("stop returned early")
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(stop.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).as("listener finished when stop returned").isTrue();
    }

    @Test
    @SpecSection("6.1.6 ConnectionMetaData")
    void metaDataDescribesTheProvider() throws Exception {
        ConnectionMetaData md = connection().getMetaData();
        assertThat(md.getJMSMajorVersion()).isGreaterThanOrEqualTo(2);
        assertThat(md.getJMSVersion()).isEqualTo(md.getJMSMajorVersion() + "." + md.getJMSMinorVersion());
        assertThat(md.getJMSProviderName()).isNotBlank();
        assertThat(md.getProviderVersion()).isNotBlank();
        assertThat(md.getProviderMajorVersion()).isNotNegative();
        assertThat(md.getProviderMinorVersion()).isNotNegative();
    }

    @Test
    @SpecSection("6.1.6 ConnectionMetaData")
    void metaDataReportsAtLeastJms3_1() throws Exception {
        ConnectionMetaData md = connection().getMetaData();
        assertThat(md.getJMSMajorVersion() * 100 + md.getJMSMinorVersion()).isGreaterThanOrEqualTo(301);
    }

    @Test
    @SpecSection("6.1.7 ExceptionListener")
    void exceptionListenerIsKept() throws Exception {
        Connection c = connection();
        assertThat(c.getExceptionListener()).isNull();
        ExceptionListener l = e -> { };
        c.setExceptionListener(l);
        assertThat(c.getExceptionListener()).isSameAs(l);
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void closeReturnsPendingReceiveWithNull() throws Exception {
        Connection c = startedConnection();
        MessageConsumer consumer = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue());
        CompletableFuture<Message> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (Exception e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> pending.get(NO_MESSAGE_TIMEOUT, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        c.close();
        assertThat(pending.get(RECEIVE_TIMEOUT, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void closeRollsBackTransactionsInProgress() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("in tx"));
        Connection c = startedConnection();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Message first = mustReceive(tx.createConsumer(q));
        c.close();
        Message again = mustReceive(session().createConsumer(q));
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void closeDoesNotAcknowledgeClientAcknowledgedMessages() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("unacked"));
        Connection c = startedConnection();
        Session clientAck = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message first = mustReceive(clientAck.createConsumer(q));
        c.close();
        assertThat(mustReceive(session().createConsumer(q)).getJMSMessageID()).isEqualTo(first.getJMSMessageID());
    }

    @Test
    @SpecSection("6.1.8 Closing a connection")
    void closingAConnectionClosesItsSessions() throws Exception {
        Connection c = startedConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        c.close();
        assertThatThrownBy(s::createMessage).isInstanceOf(IllegalStateException.class);
    }
}
