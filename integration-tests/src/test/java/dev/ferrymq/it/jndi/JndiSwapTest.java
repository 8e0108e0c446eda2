package dev.ferrymq.it.jndi;

import dev.ferrymq.admin.Brokers;
import dev.ferrymq.it.ArtemisBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.naming.Context;
import javax.naming.InitialContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that uses only JNDI, with a jndi.properties written for ActiveMQ Artemis
 * ({@code connectionFactory.X=}, {@code queue.X=}, {@code topic.X=}), switched to FerryMQ by
 * changing two lines: the initial context factory class and the connection factory URL.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JndiSwapTest {

    private static final List<String> EXPECTED = List.of(
            "invoice for tea x2", "invoice for coffee x1", "price tea=3.20", "left over: none");

    @AfterEach
    void stop() {
        Brokers.stop("it-jndi");
    }

    @Test
    @DisplayName("The FerryMQ jndi.properties is the Artemis one with exactly the factory class and the URL changed")
    void onlyTwoLinesChange() {
        List<String> artemis = lines("jndi/artemis-app.properties");
        List<String> ferry = lines("jndi/ferrymq-app.properties");
        assertThat(ferry).hasSameSizeAs(artemis);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < artemis.size(); i++) {
            if (!artemis.get(i).equals(ferry.get(i))) {
                changed.add(ferry.get(i));
            }
        }
        assertThat(changed).containsExactly(
                "java.naming.factory.initial=dev.ferrymq.jndi.FerryInitialContextFactory",
                "connectionFactory.ConnectionFactory=vm://it-jndi");
    }

    @Test
    @DisplayName("The JNDI application runs on Artemis with its own jndi.properties")
    void runsOnArtemis() throws Exception {
        ArtemisBroker.ensureStarted();
        assertThat(runWith("jndi/artemis-app.properties")).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    @DisplayName("The same JNDI application runs unchanged on FerryMQ with the switched jndi.properties")
    void runsOnFerryMq() throws Exception {
        assertThat(runWith("jndi/ferrymq-app.properties")).containsExactlyElementsOf(EXPECTED);
    }

    /** What {@code new InitialContext()} does with a jndi.properties on the class path. */
    private static List<String> runWith(String resource) throws Exception {
        Properties env = new Properties();
        try (InputStream in = JndiSwapTest.class.getClassLoader().getResourceAsStream(resource)) {
            env.load(in);
        }
        Context jndi = new InitialContext(env);
        try {
            return OrderApplication.run(jndi);
        } finally {
            jndi.close();
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = JndiSwapTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
