package dev.ferrymq.engine;

import dev.ferrymq.engine.security.HashPassword;
import dev.ferrymq.spi.AckMode;
import dev.ferrymq.spi.ConnectionInfo;
import dev.ferrymq.spi.ConsumerInfo;
import dev.ferrymq.spi.DestinationRef;
import dev.ferrymq.spi.DestinationType;
import dev.ferrymq.spi.EngineConnection;
import dev.ferrymq.spi.EngineConsumer;
import dev.ferrymq.spi.EngineException;
import dev.ferrymq.spi.EngineSession;
import dev.ferrymq.spi.MessageData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ferrymq.engine.EngineTestSupport.session;
import static dev.ferrymq.engine.EngineTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security is the engine's: a client speaking only the SPI (no JMS facade) is logged in and
 * checked the same way, and refusals are EngineException kind SECURITY (the facade's
 * JMSSecurityException, spec 10.3) or RESOURCE_ALLOCATION for the client limits.
 */
@Timeout(60)
class EngineSecurityTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("SPI: bad credentials, a denied send, consumer, browse and temporary destination are SECURITY; too many properties RESOURCE_ALLOCATION")
    void spiChecks() throws Exception {
        Path file = dir.resolve("security.properties");
        Files.writeString(file, HashPassword.line("u", "pw", "r", 1000) + "\nsend@ok = r\nconsume@ok = r\n");
        try (EngineTestSupport b = new EngineTestSupport(Map.of("securityFile", file.toString(),
                "maxMessageProperties", "1"))) {
            EngineException bad = EngineTestSupport.<EngineConnection>failure(c -> b.engine.openConnection(
                    new ConnectionInfo("x1", null, "u", "nope"), e -> { }, c));
            assertThat(bad.kind()).isEqualTo(EngineException.Kind.SECURITY);
            EngineConnection c = EngineTestSupport.<EngineConnection>await(done -> b.engine.openConnection(
                    new ConnectionInfo("x2", "cid", "u", "pw"), e -> { }, done));
            EngineSession s = session(c, AckMode.AUTO);
            EngineTestSupport.<Void>await(done -> s.send(text(DestinationRef.queue("ok"), "fine"), done));
            assertThat(EngineTestSupport.<Void>failure(done -> s.send(text(DestinationRef.queue("other"), "no"), done))
                    .kind()).isEqualTo(EngineException.Kind.SECURITY);
            assertThat(EngineTestSupport.<EngineConsumer>failure(done -> s.createConsumer(
                    ConsumerInfo.of(DestinationRef.queue("other"), null, false, 10), EngineTestSupport.sink(d -> { }), done)).kind())
                    .isEqualTo(EngineException.Kind.SECURITY);
            assertThat(EngineTestSupport.<List<MessageData>>failure(done -> s.browse(DestinationRef.queue("ok"), null, done))
                    .kind()).isEqualTo(EngineException.Kind.SECURITY);
            assertThat(EngineTestSupport.<DestinationRef>failure(done -> c.createTemporaryDestination(
                    DestinationType.TEMPORARY_QUEUE, done)).kind()).isEqualTo(EngineException.Kind.SECURITY);
            assertThat(EngineTestSupport.<Void>failure(done -> s.send(EngineTestSupport.message(DestinationRef.queue("ok"),
                    "props").properties(Map.of("a", 1, "b", 2)).build(), done)).kind())
                    .isEqualTo(EngineException.Kind.RESOURCE_ALLOCATION);
            assertThat(EngineTestSupport.<EngineConsumer>await(done -> s.createConsumer(
                    ConsumerInfo.of(DestinationRef.queue("ok"), null, false, 10), EngineTestSupport.sink(d -> { }), done)))
                    .as("consume@ok is granted").isNotNull();
        }
    }
}
