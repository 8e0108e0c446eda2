package dev.ferrymq.tck.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;

import dev.ferrymq.tck.harness.JmsTestBase;
import dev.ferrymq.tck.harness.SpecSection;

/** 6.2.7 Transactions: local transactions of a transacted session. */
@SpecSection("6.2.7 Transactions")
class TransactionTest extends JmsTestBase {

    @Test
    void sentMessagesAreInvisibleUntilCommit() throws Exception {
        Session tx = session(true, Session.SESSION_TRANSACTED);
        Queue q = queue();
        tx.createProducer(q).send(tx.createTextMessage("later"));
        MessageConsumer c = session().createConsumer(q);
        mustNotReceive(c);
        tx.commit();
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("later");
    }

    @Test
    void rollbackDiscardsSentMessages() throws Exception {
        Session tx = session(true, Session.SESSION_TRANSACTED);
        Queue q = queue();
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("discarded"));
        tx.rollback();
        p.send(tx.createTextMessage("kept"));
        tx.commit();
        MessageConsumer c = session().createConsumer(q);
        assertThat(((TextMessage) mustReceive(c)).getText()).isEqualTo("kept");
        mustNotReceive(c);
    }

    @Test
    void rollbackRedeliversReceivedMessages() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("again"));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        Message first = mustReceive(c);
        tx.rollback();
        Message second = mustReceive(c);
        assertThat(second.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(second.getJMSRedelivered()).isTrue();
        assertThat(second.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.commit();
    }

    @Test
    void commitConsumesReceivedMessages() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("once"));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        mustReceive(tx.createConsumer(q));
        tx.commit();
        tx.close();
        mustNotReceive(session().createConsumer(q));
    }

    @Test
    void closingATransactedSessionRollsBack() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("back"));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        tx.createProducer(q).send(tx.createTextMessage("never"));
        Message got = mustReceive(tx.createConsumer(q));
        tx.close();
        MessageConsumer c = session().createConsumer(q);
        Message again = mustReceive(c);
        assertThat(again.getJMSMessageID()).isEqualTo(got.getJMSMessageID());
        mustNotReceive(c);
    }

    @Test
    void sendAndReceiveInOneTransactionCommitTogether() throws Exception {
        Queue in = queue();
        Queue out = queue();
        Session sender = session();
        sender.createProducer(in).send(sender.createTextMessage("request"));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        mustReceive(tx.createConsumer(in));
        tx.createProducer(out).send(tx.createTextMessage("reply"));
        tx.commit();
        assertThat(((TextMessage) mustReceive(session().createConsumer(out))).getText()).isEqualTo("reply");
        mustNotReceive(session().createConsumer(in));
    }

    @Test
    void commitOnANonTransactedSessionThrowsIllegalState() throws Exception {
        Session s = session();
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rollbackOnANonTransactedSessionThrowsIllegalState() throws Exception {
        Session s = session();
        assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recoverOnATransactedSessionThrowsIllegalState() throws Exception {
        Session tx = session(true, Session.SESSION_TRANSACTED);
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acknowledgeIsIgnoredInATransactedSession() throws Exception {
        Queue q = queue();
        Session sender = session();
        sender.createProducer(q).send(sender.createTextMessage("tx"));
        Session tx = session(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(q);
        Message m = mustReceive(c);
        m.acknowledge();
        tx.rollback();
        assertThat(mustReceive(c).getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        tx.commit();
    }
}
