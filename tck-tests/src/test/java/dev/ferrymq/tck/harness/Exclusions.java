package dev.ferrymq.tck.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one exclusions file, {@code exclusions.csv} on the test class path: a provider run of a test
 * that checks the specification where that provider deviates from it. Columns: {@code test}
 * ({@code SimpleClassName#method}, or {@code SimpleClassName#method[invocation display name]} for
 * one case of a parameterized test), {@code provider} (id), {@code section}, {@code behaviour}
 * (what the provider does instead, and for FerryMQ the issue to fix it). RFC 4180 quoting.
 *
 * <p>Thread-safe: immutable after loading.
 */
public final class Exclusions {

    /** One excluded provider run. */
    public record Exclusion(String test, String provider, String section, String behaviour) {
        boolean matches(String testId, String caseName, Provider p) {
            if (!provider.equals(p.id())) {
                return false;
            }
            return test.equals(testId) || (caseName != null && test.equals(testId + "[" + caseName + "]"));
        }
    }

    private static final String RESOURCE = "exclusions.csv";
    private static final Exclusions INSTANCE = load();

    private final List<Exclusion> entries;

    private Exclusions(List<Exclusion> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Exclusions get() {
        return INSTANCE;
    }

    public List<Exclusion> all() {
        return entries;
    }

    /** The exclusion for this test (and parameterized case, or null) on this provider, if any. */
    public Optional<Exclusion> find(String testId, String caseName, Provider provider) {
        return entries.stream().filter(e -> e.matches(testId, caseName, provider)).findFirst();
    }

    private static Exclusions load() {
        List<Exclusion> list = new ArrayList<>();
        try (InputStream in = Exclusions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Exclusions(list);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cols = parseCsvLine(line);
                if (header) {
                    header = false;
                    continue;
                }
                if (cols.size() != 4) {
                    throw new IllegalStateException(RESOURCE + ": expected 4 columns in: " + line);
                }
                Provider.byId(cols.get(1));
                list.add(new Exclusion(cols.get(0).trim(), cols.get(1).trim(), cols.get(2).trim(), cols.get(3).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Exclusions(list);
    }

    static List<String> parseCsvLine(String line) {
        List<String> cols = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cols.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cols.add(cur.toString());
        return cols;
    }
}
