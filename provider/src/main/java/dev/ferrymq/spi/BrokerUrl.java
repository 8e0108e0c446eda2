package dev.ferrymq.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed broker URL: {@code scheme://name?option=value&option=value}, e.g.
 * {@code vm://default?clientID=x}. Option values are URL-decoded.
 *
 * @param scheme  the engine scheme, e.g. {@code vm}
 * @param name    the broker name (the URL's authority)
 * @param options the query options in order, unmodifiable
 */
public record BrokerUrl(String scheme, String name, Map<String, String> options) {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    public static BrokerUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("broker URL is empty");
        }
        int sep = url.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("malformed broker URL '" + url + "': expected scheme://name, e.g. vm://default");
        }
        String scheme = url.substring(0, sep);
        String rest = url.substring(sep + 3);
        int q = rest.indexOf('?');
        String name = q < 0 ? rest : rest.substring(0, q);
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("malformed broker URL '" + url + "': broker name missing or contains '/'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (q >= 0 && q + 1 < rest.length()) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("malformed option '" + pair + "' in broker URL '" + url + "': expected name=value");
                }
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (options.put(key, value) != null) {
                    throw new IllegalArgumentException("option '" + key + "' given twice in broker URL '" + url + "'");
                }
            }
        }
        return new BrokerUrl(scheme, name, Collections.unmodifiableMap(options));
    }
}
