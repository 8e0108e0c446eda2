package dev.ferrymq.cdi.listener;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.lang.reflect.Type;

/**
 * JSON-B binding of bodies of other types. Only used after {@link #available()} said yes, so the
 * extension runs without the JSON-B API. Thread-safe (a {@link Jsonb} instance is).
 */
final class JsonBodies {

    private static final String BUILDER = "jakarta.json.bind.JsonbBuilder";
    private static volatile Boolean available;

    private JsonBodies() {
    }

    /** Whether the JSON-B API and an implementation are on the class path. */
    static boolean available() {
        Boolean known = available;
        if (known == null) {
            known = detect();
            available = known;
        }
        return known;
    }

    private static boolean detect() {
        try {
            Class.forName(BUILDER, false, JsonBodies.class.getClassLoader());
            return Holder.JSONB != null;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    static Object fromJson(String json, Type type) {
        return Holder.JSONB.fromJson(json, type);
    }

    static String toJson(Object value) {
        return Holder.JSONB.toJson(value);
    }

    /** Initialised on first use only, so the JSON-B types are linked only when present. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
