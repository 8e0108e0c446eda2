package dev.ferrymq.admin;

import java.io.IOException;

/**
 * Writes a user line of the security file:
 * {@code java -cp ferrymq-provider.jar dev.ferrymq.admin.HashPassword [--iterations N] <user> <password|-> [role,role...]}
 * prints {@code user.<user> = PBKDF2WithHmacSHA512:<iterations>:<salt>:<hash> ; <roles>}. A password
 * of {@code -} is read from the console (not echoed) or the first line of standard input, so it
 * stays out of the shell history and the process list. Exit status 0, or 2 on a usage error.
 *
 * <p>Threading contract: a command-line entry point; {@link #line} is thread-safe.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        dev.ferrymq.engine.security.HashPassword.main(args);
    }

    /**
     * The security file line of a user: the key escaped as {@code .properties} needs, the password
     * hashed with a fresh salt and {@code iterations} PBKDF2 iterations, then the roles
     * (comma-separated, may be empty).
     */
    public static String line(String user, String password, String roles, int iterations) {
        return dev.ferrymq.engine.security.HashPassword.line(user, password, roles, iterations);
    }
}
