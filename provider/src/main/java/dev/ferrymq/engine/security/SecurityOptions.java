package dev.ferrymq.engine.security;

import dev.ferrymq.spi.config.Option;

import java.util.List;

/**
 * The broker options of security and of the limits against a bad client, declared once. Security
 * is off unless {@link #SECURITY_FILE} names a file; the limits always apply. Like every broker
 * option they take effect when the broker starts.
 *
 * <p>Threading contract: immutable constants.
 */
public final class SecurityOptions {

    public static final Option<String> SECURITY_FILE = Option.string("securityFile", null,
            "Path of the security file (users with PBKDF2 password hashes and roles, and the roles' permissions "
                    + "per destination pattern), read when the broker starts; set: every connection must log in "
                    + "and every operation is checked; none: security is off.");

    public static final Option<String> ANONYMOUS_ROLES = Option.string("anonymousRoles", null,
            "With securityFile set: comma-separated roles of a connection made without a user name; none: such "
                    + "connections are refused.");

    public static final Option<String> JAAS_LOGIN_ENTRY = Option.string("jaasLoginEntry", null,
            "With securityFile set: name of the JAAS login configuration entry that checks user names and passwords "
                    + "instead of the file's user lines (the file still gives the permissions); none: the file's users.");

    public static final Option<String> JAAS_CONFIG_FILE = Option.string("jaasConfigFile", null,
            "JAAS login configuration file that holds jaasLoginEntry; none: the JVM's configuration "
                    + "(-Djava.security.auth.login.config).");

    public static final Option<String> JAAS_ROLE_PRINCIPAL_CLASS = Option.string("jaasRolePrincipalClass", null,
            "Class name of the principals whose names are a JAAS user's roles; none: every principal of the "
                    + "logged-in subject.");

    public static final Option<Long> MAX_MESSAGE_SIZE = Option.number("maxMessageSize", 100L * 1024 * 1024, -1,
            "Largest message a send accepts, in estimated bytes (the measure of maxQueueBytes, plus the bytes of "
                    + "string and byte array values in properties and map or stream bodies); a larger one fails with "
                    + "ResourceAllocationException; 0 or -1: no limit.")
            .withDefaultText("104857600 (100 MiB)");

    public static final Option<Long> MAX_MESSAGE_PROPERTIES = Option.number("maxMessageProperties", 1000, -1,
            "Most properties a sent message may carry; more fail the send with ResourceAllocationException; "
                    + "0 or -1: no limit.");

    public static final Option<Long> MAX_SESSIONS_PER_CONNECTION = Option.number("maxSessionsPerConnection", 10_000,
            -1, "Most open sessions of one connection; one more fails with ResourceAllocationException; "
                    + "0 or -1: no limit.");

    public static final Option<Long> MAX_CONSUMERS_PER_CONNECTION = Option.number("maxConsumersPerConnection",
            100_000, -1, "Most open consumers (browsers excluded) of one connection, all its sessions together; "
                    + "one more fails with ResourceAllocationException; 0 or -1: no limit.");

    /** Every option, in documentation order. */
    public static final List<Option<?>> ALL = List.of(SECURITY_FILE, ANONYMOUS_ROLES, JAAS_LOGIN_ENTRY,
            JAAS_CONFIG_FILE, JAAS_ROLE_PRINCIPAL_CLASS, MAX_MESSAGE_SIZE,
            MAX_MESSAGE_PROPERTIES, MAX_SESSIONS_PER_CONNECTION, MAX_CONSUMERS_PER_CONNECTION);

    private SecurityOptions() {
    }
}
