package dev.ferrymq.store;

import dev.ferrymq.store.journals.Journals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of fsync'd appends: each of N producer threads appends a 1 KiB record and waits for
 * it to be durable, in a loop, for a few seconds. Not a test; run by hand:
 *
 * <pre>
 * java -cp provider/target/classes:provider/target/test-classes dev.ferrymq.store.JournalThroughput [dir] [seconds] [producers...]
 * </pre>
 */
public final class JournalThroughput {

    private JournalThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ferrymq-bench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> counts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts = List.of(1, 4, 16);
        }
        String policy = System.getProperty("syncPolicy", "always");
        for (int producers : counts) {
            Path dir = base.resolve("p" + producers + "-" + System.nanoTime());
            JournalConfig config = JournalConfig.file(dir).withSyncPolicy(StoreOptions.SYNC_POLICY.parse(policy));
            try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
                AtomicLong done = new AtomicLong();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                List<Thread> threads = new ArrayList<>();
                byte[] payload = new byte[1024];
                for (int p = 0; p < producers; p++) {
                    Thread t = new Thread(() -> {
                        try {
                            while (System.nanoTime() < end) {
                                long id = j.nextId();
                                j.append(Batch.add(id, (byte) 1, payload)).get();
                                j.append(Batch.delete(id));
                                done.incrementAndGet();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
                JournalStats s = j.stats();
                System.out.printf("syncPolicy=%s producers=%2d: %8.0f durable 1 KiB appends/s (forces %d, batches %d)%n",
                        policy, producers, done.get() / (double) seconds, s.forces(), s.batches());
            }
        }
    }
}
