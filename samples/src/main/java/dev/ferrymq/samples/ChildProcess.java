package dev.ferrymq.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a sample's {@code main} with this JVM's java and class path. A reader
 * thread echoes its output lines to the sample's output (prefixed {@code child | }) and keeps
 * them, so a hard kill loses none of what it printed.
 *
 * <p>Threading: {@link #awaitLine}, {@link #kill} and {@link #close} are for one thread (the
 * sample's); the reader thread only appends lines.
 */
final class ChildProcess implements AutoCloseable {

    private static final long KILL_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildProcess(Process process, PrintStream out) {
        this.process = process;
        this.reader = new Thread(() -> read(out), "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(Class<?> main, PrintStream out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start(), out);
    }

    private void read(PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
                out.println("  child | " + line);
                fresh.add(line);
            }
        } catch (IOException e) {
            out.println("  child | (output closed: " + e.getMessage() + ")");
        }
    }

    /** Waits until the child printed a line starting with {@code prefix}; false after {@code millis} or when it died first. */
    boolean awaitLine(String prefix, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = fresh.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100))), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return true;
            }
            if (line == null && (left <= 0 || !process.isAlive() && !reader.isAlive())) {
                return false;
            }
        }
    }

    long pid() {
        return process.pid();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** SIGKILL (destroyForcibly), then waits until the process is gone and its output read; returns its exit code. */
    int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child JVM " + process.pid() + " still alive "
                    + KILL_TIMEOUT_SECONDS + " s after destroyForcibly");
        }
        reader.join(TimeUnit.SECONDS.toMillis(KILL_TIMEOUT_SECONDS));
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
