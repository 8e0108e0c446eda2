package dev.ferrymq.engine.security;

import dev.ferrymq.spi.config.DestinationOptions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the security file, a {@code .properties} file (UTF-8) of users and permissions:
 * <pre>
 * # user.&lt;name&gt; = &lt;password hash, see HashPassword&gt; ; &lt;role&gt;, &lt;role&gt;...
 * user.alice = PBKDF2WithHmacSHA512:210000:&lt;salt&gt;:&lt;hash&gt; ; orders, admin
 * # &lt;operation&gt;[@&lt;destination pattern&gt;] = &lt;role&gt;, &lt;role&gt;...   (* = every connection)
 * send@orders.* = orders
 * consume@orders.* = orders
 * manage@DLQ.* = admin
 * </pre>
 * Operations are the {@link Operation} keys; patterns follow the per-destination option rules.
 *
 * <p>Threading contract: stateless; the result is immutable.
 */
final class SecurityFile {

    static final String USER_PREFIX = "user.";

    /** A user's stored hash and roles. */
    record User(PasswordHash hash, Set<String> roles) {
    }

    /** The parsed file. */
    record Contents(Map<String, User> users, DestinationOptions permissions) {
    }

    private SecurityFile() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws IllegalArgumentException naming the file and the key that is wrong (never a hash)
     */
    static Contents read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read security file '" + file + "': " + e.getMessage(), e);
        }
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, String> permissions = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key);
            if (key.startsWith(USER_PREFIX)) {
                String name = key.substring(USER_PREFIX.length());
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("security file '" + file + "': key '" + key + "' names no user");
                }
                users.put(name, user(file, key, value));
            } else {
                permissions.put(key, value);
            }
        }
        try {
            return new Contents(Map.copyOf(users), DestinationOptions.parse(Operation.options(), permissions));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security file '" + file + "': " + e.getMessage()
                    + " (keys are user.<name> or <operation>[@<pattern>], operations: "
                    + java.util.Arrays.stream(Operation.values()).map(Operation::key).toList() + ")", e);
        }
    }

    private static User user(Path file, String key, String value) {
        int semicolon = value.indexOf(';');
        String hash = semicolon < 0 ? value : value.substring(0, semicolon);
        try {
            return new User(PasswordHash.parse(hash), roles(semicolon < 0 ? "" : value.substring(semicolon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security file '" + file + "', key '" + key + "': " + e.getMessage(), e);
        }
    }

    /** A comma-separated role list; blanks dropped. */
    static Set<String> roles(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String r : text.split(",")) {
                if (!r.isBlank()) {
                    out.add(r.trim());
                }
            }
        }
        return out;
    }
}
