package dev.ferrymq.security;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.engine.Broker;
import dev.ferrymq.engine.Brokers;
import dev.ferrymq.engine.queue.QueueStats;
import dev.ferrymq.engine.security.HashPassword;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A broker of its own with security on: a security file in {@code dir} with users alice
 * (producer), bob (consumer) and admin (admin), password {@code <name>-pw}, plus the given
 * permission lines; stopped on close. Hashes use 1,000 iterations to keep logins fast in tests.
 */
final class SecureBroker implements AutoCloseable {

    static final String PERMISSIONS = String.join("\n",
            "send@orders.* = producer, admin",
            "send@orders.secret = admin",
            "consume@orders.* = consumer, admin",
            "browse@orders.* = admin",
            "send@prices = producer",
            "consume@prices = consumer, producer",
            "createSubscription@prices = consumer",
            "deleteSubscription@prices = admin",
            "createTemporary = admin",
            "send@temp-* = *",
            "manage@DLQ.* = admin");

    final String name = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    final Path file;
    final String url;

    SecureBroker(Path dir, String extraOptions) throws IOException {
        this(dir, PERMISSIONS, extraOptions);
    }

    SecureBroker(Path dir, String permissions, String extraOptions) throws IOException {
        file = dir.resolve(name + ".properties");
        Files.writeString(file, String.join("\n",
                HashPassword.line("alice", "alice-pw", "producer", 1000),
                HashPassword.line("bob", "bob-pw", "consumer", 1000),
                HashPassword.line("admin", "admin-pw", "admin", 1000),
                permissions, ""), StandardCharsets.UTF_8);
        url = "vm://" + name + "?securityFile=" + URLEncoder.encode(file.toString(), StandardCharsets.UTF_8)
                + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    FerryConnectionFactory factory() {
        return new FerryConnectionFactory(url);
    }

    FerryConnectionFactory factory(String options) {
        return new FerryConnectionFactory(url + "&" + options);
    }

    /** The counters of queue {@code queue}, or {@code null} when the broker has no such queue. */
    QueueStats stats(String queue) throws Exception {
        Broker b = Brokers.find(name);
        CompletableFuture<QueueStats> f = new CompletableFuture<>();
        b.queueStats(queue, new dev.ferrymq.spi.Completion<>() {
            @Override
            public void complete(QueueStats result) {
                f.complete(result);
            }

            @Override
            public void fail(dev.ferrymq.spi.EngineException error) {
                f.completeExceptionally(error);
            }
        });
        return f.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        Brokers.stop(name);
    }
}
