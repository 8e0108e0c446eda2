package dev.ferrymq.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link PrintStream} a sample writes to, whose text a test reads back. Thread-safe as PrintStream is. */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
        return stream;
    }

    String text() {
        stream.flush();
        synchronized (stream) {
            return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        }
    }
}
