package dev.ferrymq.engine.security;

import java.util.Set;

/**
 * Who a connection logged in as: its user name ({@code null} for an anonymous connection) and roles.
 *
 * <p>Threading contract: immutable.
 */
public record Identity(String user, Set<String> roles) {

    public Identity {
        roles = Set.copyOf(roles);
    }

    /** The user as messages name it. */
    public String describe() {
        return user == null ? "anonymous connection" : "user '" + user + "'";
    }
}
