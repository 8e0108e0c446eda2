package dev.ferrymq.engine;

import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.Completion;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.Delivery;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ferrymq.engine.EngineTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Producer, consumer, acknowledgements and credit racing on one queue from different threads. */
@Timeout(60)
class ConcurrencyTest {

    @ParameterizedTest(name = "inlineDispatch={0}")
    @ValueSource(strings = {"true", "false"})
    @DisplayName("Order of message receipt: order and exactly-once hold while send, ack and credit race")
    void sendAckCreditRace(String inline) throws Exception {
        try (EngineTestSupport b = new EngineTestSupport(Map.of("inlineDispatch", inline, "dispatchThreads", "2"))) {
            EngineConnection c = b.connect();
            EngineSession producer = session(c, AckMode.AUTO);
            EngineSession consuming = session(c, AckMode.AUTO);
            DestinationRef q = DestinationRef.queue("race");
            int n = 200_000;
            BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
            EngineConsumer consumer = consumer(consuming, ConsumerInfo.of(q, null, false, 100), inbox::add);
            CompletableFuture<String> result = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        Delivery d = inbox.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                        if (d == null || d.message().timestamp() != i) {
                            result.complete("at " + i + " got " + (d == null ? "nothing" : d.message().timestamp()));
                            return;
                        }
                        consuming.acknowledge(d, Completion.ignore());
                        consumer.credit(1);
                    }
                    result.complete("ok");
                } catch (InterruptedException e) {
                    result.complete("interrupted");
                }
            });
            reader.start();
            for (int i = 0; i < n; i++) {
                producer.send(MessageData.builder().destination(q).timestamp(i).build(), Completion.ignore());
            }
            assertThat(result.get(50, TimeUnit.SECONDS)).isEqualTo("ok");
            QueueStats stats = await(done -> b.broker().queueStats("race", done));
            assertThat(stats.acknowledged()).isEqualTo(n);
            assertThat(stats.outstanding()).isZero();
            assertThat(stats.available()).isZero();
        }
    }
}
