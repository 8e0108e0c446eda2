package dev.ferrymq.engine.queue;

import dev.ferrymq.engine.exec.EngineRuntime;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory limits, fullPolicy=block: a sender held at a full queue is woken once the queue is down
 * to its resume mark ({@link QueueLimits#RESUME_FRACTION} of the limit), not for every message
 * the consumers take, so a producer that outruns its consumers resumes in bursts.
 */
@Timeout(10)
class QueueLimitsResumeTest {

    private final EngineRuntime runtime = new EngineRuntime("limits-resume", 1, false);

    @AfterEach
    void stop() {
        runtime.shutdown();
    }

    private static MessageData message(int i) {
        return MessageData.builder().messageId("ID:" + i).destination(DestinationRef.queue("q")).build();
    }

    @Test
    @DisplayName("maxQueueMessages=100: a held sender stays held at 95 messages and is woken at 90")
    void resumesAtTheMark() throws InterruptedException {
        QueueLimits limits = new QueueLimits(new QueueLimits.Config("q", 0, 100, true, 0), null, "q", runtime);
        MessageData[] held = new MessageData[100];
        for (int i = 0; i < 100; i++) {
            held[i] = message(i);
            limits.added(held[i]);
        }
        assertThat(limits.hasRoom()).isFalse();
        CountDownLatch woken = new CountDownLatch(1);
        limits.await(woken::countDown);
        for (int i = 0; i < 5; i++) {
            limits.removed(held[i]);
        }
        assertThat(limits.hasRoom()).as("room for a fresh send").isTrue();
        assertThat(limits.waiting()).as("the held sender still waits above the resume mark").isEqualTo(1);
        for (int i = 5; i < 10; i++) {
            limits.removed(held[i]);
        }
        assertThat(limits.waiting()).as("woken at 90 of 100").isZero();
        assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @DisplayName("maxQueueMessages=1: the resume mark still leaves room for one message (woken when it is empty)")
    void smallLimitResumesWhenThereIsRoom() throws InterruptedException {
        QueueLimits limits = new QueueLimits(new QueueLimits.Config("q", 0, 1, true, 0), null, "q", runtime);
        MessageData only = message(1);
        limits.added(only);
        CountDownLatch woken = new CountDownLatch(1);
        limits.await(woken::countDown);
        assertThat(limits.waiting()).isEqualTo(1);
        limits.removed(only);
        assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
