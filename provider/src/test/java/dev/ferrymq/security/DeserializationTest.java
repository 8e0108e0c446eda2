package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ObjectMessage deserialization lists (spec 3.11 "Jakarta Messaging message body", 14.4.10
 * "Unpacking an ObjectMessage"; ObjectMessage.getObject javadoc: MessageFormatException "if object
 * deserialization fails"): by default only java.lang, java.math, java.time and java.util
 * classes; a refused class is never instantiated, not even nested in an allowed one.
 */
@Timeout(60)
class DeserializationTest {

    /** Records whether any instance was ever deserialized in this JVM. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean READ = new AtomicBoolean();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            READ.set(true);
        }
    }

    private final String broker = "deser-" + UUID.randomUUID();

    @BeforeEach
    void reset() {
        Gadget.READ.set(false);
    }

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    private JMSContext context(String options) {
        return new FerryConnectionFactory("vm://" + broker + (options.isEmpty() ? "" : "?" + options)).createContext();
    }

    private ObjectMessage roundTrip(JMSContext ctx, Serializable body) {
        Queue q = ctx.createQueue("objects");
        try (JMSConsumer c = ctx.createConsumer(q)) {
            ctx.createProducer().send(q, body);
            return (ObjectMessage) c.receive(5000);
        }
    }

    @Test
    @DisplayName("Default lists: JDK value types (java.lang, java.math, java.time, java.util, primitive arrays) pass")
    void defaultsAllowJdkTypes() throws Exception {
        try (JMSContext ctx = context("")) {
            HashMap<String, Object> map = new HashMap<>(Map.of("n", 1, "d", LocalDate.of(2026, 1, 2),
                    "x", new BigDecimal("1.5"), "l", new ArrayList<>(List.of("a"))));
            assertThat(roundTrip(ctx, map).getObject()).isEqualTo(map);
            assertThat(roundTrip(ctx, new int[]{1, 2}).getBody(int[].class)).containsExactly(1, 2);
            assertThat(roundTrip(ctx, new String[]{"s"}).getObject()).isEqualTo(new String[]{"s"});
        }
    }

    @Test
    @DisplayName("Default lists: another class is refused by getObject/getBody (naming it and the options) and never read")
    void defaultsRefuseOtherClasses() throws Exception {
        try (JMSContext ctx = context("")) {
            ObjectMessage m = roundTrip(ctx, new Gadget());
            assertThatThrownBy(m::getObject).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining(Gadget.class.getName()).hasMessageContaining("deserializationAllowList");
            assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
            assertThat(m.isBodyAssignableTo(Serializable.class)).isFalse();
            ObjectMessage nested = roundTrip(ctx, new ArrayList<>(List.of("ok", new Gadget())));
            assertThatThrownBy(nested::getObject).as("a refused class nested in an allowed one")
                    .isInstanceOf(MessageFormatException.class).hasMessageContaining(Gadget.class.getName());
            ObjectMessage array = roundTrip(ctx, new Gadget[]{new Gadget()});
            assertThatThrownBy(array::getObject).isInstanceOf(MessageFormatException.class);
            assertThat(Gadget.READ).as("no Gadget was ever deserialized").isFalse();
        }
    }

    @Test
    @DisplayName("JMSContext receiveBody and a browser obey the lists too")
    void receiveBodyAndBrowser() throws Exception {
        try (JMSContext ctx = context("")) {
            Queue q = ctx.createQueue("objects");
            ctx.createProducer().send(q, new Gadget());
            ObjectMessage browsed = (ObjectMessage) ctx.createBrowser(q).getEnumeration().nextElement();
            assertThatThrownBy(browsed::getObject).isInstanceOf(MessageFormatException.class);
            try (JMSConsumer c = ctx.createConsumer(q)) {
                assertThatThrownBy(() -> c.receiveBody(Serializable.class, 5000))
                        .isInstanceOf(MessageFormatRuntimeException.class);
            }
            assertThat(Gadget.READ).isFalse();
        }
    }

    @Test
    @DisplayName("deserializationAllowList admits a package; the message a session makes uses the same lists")
    void allowListAdmits() throws Exception {
        try (JMSContext ctx = context("deserializationAllowList=java.util,dev.ferrymq.security")) {
            assertThat(roundTrip(ctx, new Gadget()).getObject()).isInstanceOf(Gadget.class);
            assertThat(Gadget.READ).isTrue();
            Gadget.READ.set(false);
            assertThatThrownBy(() -> roundTrip(ctx, Integer.valueOf(7)).getObject())
                    .as("java.lang is not in this allow list").isInstanceOf(MessageFormatException.class);
        }
        try (JMSContext ctx = context("")) {
            assertThatThrownBy(() -> ctx.createObjectMessage(new Gadget()).getObject())
                    .isInstanceOf(MessageFormatException.class);
            assertThat(Gadget.READ).isFalse();
        }
    }

    @Test
    @DisplayName("deserializationDenyList wins over the allow list, by class or package, also with allow list '*'")
    void denyListWins() throws Exception {
        try (JMSContext ctx = context("deserializationAllowList=*&deserializationDenyList=" + Gadget.class.getName())) {
            assertThatThrownBy(() -> roundTrip(ctx, new Gadget()).getObject()).isInstanceOf(MessageFormatException.class)
                    .hasMessageContaining("deserializationDenyList");
            assertThat(roundTrip(ctx, "text").getObject()).isEqualTo("text");
        }
        try (JMSContext ctx = context("deserializationAllowList=*&deserializationDenyList=dev.ferrymq.*")) {
            assertThatThrownBy(() -> roundTrip(ctx, new Gadget()).getObject()).isInstanceOf(MessageFormatException.class);
        }
        assertThat(Gadget.READ).isFalse();
    }
}
