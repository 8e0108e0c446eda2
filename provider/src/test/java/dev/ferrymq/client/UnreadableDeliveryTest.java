package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.exec.Await;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.BodyType;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DeadLetterProperties;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineProvider;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.MessageData;
import dev.ferrymq.spi.SessionInfo;
import dev.ferrymq.spi.contract.CollectingSink;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery the facade cannot turn into a JMS message (here: a body whose Java type does not
 * match its body type, which the engine accepts from the SPI as it is; it stands for any decoding
 * failure, since an ObjectMessage body refused by the deserialization lists is only decoded by
 * getObject, inside the application) is handed back to the broker as a failed delivery attempt:
 * the redelivery policy applies ({@code maxDeliveryAttempts}, then the dead-letter queue with
 * {@code JMS_FERRYMQ_LAST_FAILURE}), the messages behind it are delivered, nothing is lost and
 * nothing waits for the consumer to close. Spec: "Receiving messages asynchronously" (the
 * listener path tells the connection's ExceptionListener, "ExceptionListener"), "Receiving
 * messages synchronously" (receive throws JMSException "due to some internal error"),
 * "Message acknowledgment" (acknowledge and commit cover only messages the application got).
 * Full stack: the vm:// engine.
 */
@Timeout(30)
class UnreadableDeliveryTest {

    private static final int ATTEMPTS = 2;

    private final String broker = "unreadable-" + UUID.randomUUID();
    private final BlockingQueue<Throwable> reported = new LinkedBlockingQueue<>();
    private final BlockingQueue<MessageData> deadLetters = new LinkedBlockingQueue<>();
    private EngineConnection backdoor;
    private EngineSession spi;
    private String poisonId;

    private FerryConnectionFactory factory() {
        return new FerryConnectionFactory("vm://" + broker + "?maxDeliveryAttempts=" + ATTEMPTS);
    }

    @BeforeEach
    void openBackdoor() throws Exception {
        EngineProvider vm = Engines.forScheme("vm");
        Engine engine = vm.engine(broker, vm.options().parse(Map.of("maxDeliveryAttempts", String.valueOf(ATTEMPTS))));
        backdoor = await(done -> engine.openConnection(new ConnectionInfo("backdoor", null, null, null), e -> { }, done));
        spi = await(done -> backdoor.createSession(new SessionInfo(AckMode.AUTO), done));
        UnreadableDeliveryTest.<EngineConsumer>await(done -> spi.createConsumer(ConsumerInfo.of(DestinationRef.queue("DLQ.q"), null, false, 100),
                CollectingSink.each(d -> deadLetters.add(d.message())), done));
    }

    @AfterEach
    void stop() {
        Brokers.stop(broker);
    }

    /** Sends "poison" (TEXT with a byte[] body: no TextMessage can be made of it) and then "good". */
    private void sendPoisonThenGood() {
        poisonId = "ID:poison-" + UUID.randomUUID();
        send(MessageData.builder().messageId(poisonId).timestamp(System.currentTimeMillis())
                .destination(DestinationRef.queue("q")).body(BodyType.TEXT, new byte[]{1, 2, 3}).build());
        send(MessageData.builder().messageId("ID:good-" + UUID.randomUUID()).timestamp(System.currentTimeMillis())
                .destination(DestinationRef.queue("q")).body(BodyType.TEXT, "good").build());
    }

    private void send(MessageData m) {
        try {
            UnreadableDeliveryTest.<Void>await(done -> spi.send(m, done));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The poison message in the dead-letter queue after its {@value #ATTEMPTS} attempts, with why. */
    private void assertDeadLettered() throws InterruptedException {
        MessageData dead = deadLetters.poll(10, TimeUnit.SECONDS);
        assertThat(dead).as("the unreadable message reaches DLQ.q (not stuck with its consumer, not lost)").isNotNull();
        assertThat(dead.body()).isEqualTo(new byte[]{1, 2, 3});
        assertThat(dead.properties().get(DeadLetterProperties.DELIVERY_COUNT)).isEqualTo(ATTEMPTS);
        assertThat((String) dead.properties().get(DeadLetterProperties.DLQ_REASON)).contains("UNREADABLE");
        assertThat((String) dead.properties().get(DeadLetterProperties.LAST_FAILURE))
                .contains(ClassCastException.class.getName());
        assertThat(deadLetters.poll(200, TimeUnit.MILLISECONDS)).as("one dead letter").isNull();
    }

    @ParameterizedTest(name = "session mode {0}")
    @ValueSource(ints = {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE,
            Session.SESSION_TRANSACTED})
    @DisplayName("Receiving messages asynchronously: an unreadable delivery is a failed attempt, dead-lettered after maxDeliveryAttempts; the next message is delivered and acknowledging or committing it does not consume the unreadable one")
    void listener(int mode) throws Exception {
        sendPoisonThenGood();
        List<String> got = new ArrayList<>();
        CountDownLatch good = new CountDownLatch(1);
        try (Connection c = factory().createConnection()) {
            c.setExceptionListener(reported::add);
            Session s = c.createSession(mode);
            s.createConsumer(s.createQueue("q")).setMessageListener(m -> {
                try {
                    got.add(((TextMessage) m).getText());
                    if (mode == Session.CLIENT_ACKNOWLEDGE) {
                        m.acknowledge();
                    } else if (mode == Session.SESSION_TRANSACTED) {
                        s.commit();
                    }
                } catch (JMSException e) {
                    reported.add(e);
                }
                good.countDown();
            });
            c.start();
            assertThat(good.await(10, TimeUnit.SECONDS)).as("the message behind it is delivered").isTrue();
            assertDeadLettered();
            assertThat(got).containsExactly("good");
            Throwable told = reported.poll(5, TimeUnit.SECONDS);
            assertThat(told).as("the ExceptionListener hears of it").isInstanceOf(JMSException.class);
            assertThat(told.getMessage()).contains(poisonId);
        }
    }

    @Test
    @DisplayName("Receiving messages synchronously: receive throws JMSException for an unreadable delivery, which counts as an attempt; later receives get the next message and the unreadable one is dead-lettered")
    void receive() throws Exception {
        sendPoisonThenGood();
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("q"));
            List<String> got = new ArrayList<>();
            List<JMSException> failures = new ArrayList<>();
            for (int i = 0; i < 10 && (got.isEmpty() || failures.size() < ATTEMPTS); i++) {
                try {
                    Message m = consumer.receive(2000);
                    if (m == null) {
                        break;
                    }
                    got.add(((TextMessage) m).getText());
                } catch (JMSException e) {
                    failures.add(e);
                }
            }
            assertThat(got).containsExactly("good");
            assertThat(failures).hasSize(ATTEMPTS)
                    .allSatisfy(e -> assertThat(e.getMessage()).contains(poisonId));
            assertDeadLettered();
            assertThat(consumer.receive(200)).isNull();
        }
    }

    @Test
    @DisplayName("Receiving message bodies synchronously: JMSConsumer.receiveBody throws JMSRuntimeException for an unreadable delivery and then gets the next body; the unreadable one is dead-lettered")
    void receiveBody() throws Exception {
        sendPoisonThenGood();
        try (JMSContext ctx = factory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = ctx.createConsumer(ctx.createQueue("q"))) {
            List<String> got = new ArrayList<>();
            List<JMSRuntimeException> failures = new ArrayList<>();
            for (int i = 0; i < 10 && (got.isEmpty() || failures.size() < ATTEMPTS); i++) {
                try {
                    String body = consumer.receiveBody(String.class, 2000);
                    if (body == null) {
                        break;
                    }
                    got.add(body);
                } catch (JMSRuntimeException e) {
                    failures.add(e);
                }
            }
            assertThat(got).containsExactly("good");
            assertThat(failures).hasSize(ATTEMPTS)
                    .allSatisfy(e -> assertThat(e.getMessage()).contains(poisonId));
            assertDeadLettered();
        }
    }

    /** Runs an SPI call and waits for it ({@link Await#result}). */
    private static <T> T await(Consumer<Completion<T>> call) {
        return Await.result("SPI call", call);
    }
}
