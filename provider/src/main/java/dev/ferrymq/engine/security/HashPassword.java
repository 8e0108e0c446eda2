package dev.ferrymq.engine.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a user line of the security file, run by users as {@link dev.ferrymq.admin.HashPassword}
 * (this class's {@code main} works the same):
 * {@code java -cp ferrymq-provider.jar dev.ferrymq.admin.HashPassword [--iterations N] <user> <password|-> [role,role...]}
 * prints {@code user.<user> = PBKDF2WithHmacSHA512:<iterations>:<salt>:<hash> ; <roles>}. A password
 * of {@code -} is read from the console (not echoed) or the first line of standard input, so it
 * stays out of the shell history and the process list.
 *
 * <p>Threading contract: a command-line entry point; {@link #line} is thread-safe.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        int exit = run(List.of(args), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command without {@code System.exit}: returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        int i = 0;
        if (args.size() >= 2 && args.get(0).equals("--iterations")) {
            try {
                iterations = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                iterations = 0;
            }
            i = 2;
        }
        List<String> rest = args.subList(i, args.size());
        if (rest.size() < 2 || rest.size() > 3 || iterations < 1) {
            err.println("usage: HashPassword [--iterations N] <user> <password, or - to read it> [role,role...]");
            return 2;
        }
        String password = rest.get(1).equals("-") ? readPassword() : rest.get(1);
        out.println(line(rest.get(0), password, rest.size() == 3 ? rest.get(2) : "", iterations));
        return 0;
    }

    /**
     * The security file line of a user: the key escaped as {@code .properties} needs, the password
     * hashed with a fresh salt, then the roles.
     */
    public static String line(String user, String password, String roles, int iterations) {
        String hash = PasswordHash.of(password, iterations).toString();
        String value = hash + " ; " + String.join(", ", SecurityFile.roles(roles));
        return escapeKey(SecurityFile.USER_PREFIX + user) + " = " + value;
    }

    /** Escapes a {@code .properties} key: separators, comment marks and backslashes, non-ASCII as {@code \\uXXXX}. */
    static String escapeKey(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 8);
        for (char c : key.toCharArray()) {
            if (c == ' ' || c == '=' || c == ':' || c == '#' || c == '!' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String readPassword() throws IOException {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("password: ");
            return typed == null ? "" : new String(typed);
        }
        String l = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return l == null ? "" : l;
    }
}
