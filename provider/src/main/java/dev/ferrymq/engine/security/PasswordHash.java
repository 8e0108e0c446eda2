package dev.ferrymq.engine.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A salted PBKDF2 password hash as the security file stores it:
 * {@code PBKDF2WithHmacSHA512:<iterations>:<salt, Base64>:<hash, Base64>}. Checking a password
 * always costs the full iteration count and compares in constant time.
 *
 * <p>Threading contract: immutable and thread-safe.
 */
public final class PasswordHash {

    /** The algorithm of new hashes (the only one read). */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    /** Iterations of new hashes: OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static PasswordHash of(String password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * A hash no password matches (random salt and hash), costing {@code iterations} to check: what
     * an unknown user is checked against, so that it takes as long as a wrong password.
     */
    static PasswordHash dummy(int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new PasswordHash(iterations, salt, hash);
    }

    /**
     * Parses the stored form.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the text)
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            throw new IllegalArgumentException("a password hash must read " + ALGORITHM
                    + ":<iterations>:<salt>:<hash> (made by HashPassword)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count of a password hash is not a number");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("the iteration count of a password hash must be at least 1");
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[2]);
            byte[] hash = b64.decode(parts[3]);
            if (salt.length == 0 || hash.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or hash of a password hash is not Base64");
        }
    }

    /** Whether {@code password} matches: always derives the full hash, then compares in constant time. */
    public boolean matches(String password) {
        byte[] candidate = derive(password == null ? "" : password, salt, iterations, hash.length);
        return MessageDigest.isEqual(candidate, hash);
    }

    public int iterations() {
        return iterations;
    }

    /** The stored form. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
