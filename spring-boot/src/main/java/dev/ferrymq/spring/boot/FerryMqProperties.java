package dev.ferrymq.spring.boot;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.ClientOptions;
import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.engine.security.SecurityOptions;
import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.config.LimitOptions;
import dev.ferrymq.spi.config.Option;
import dev.ferrymq.spi.config.RedeliveryOptions;
import dev.ferrymq.store.StoreOptions;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code ferrymq.*} application properties: {@code ferrymq.url} (default
 * {@value FerryConnectionFactory#DEFAULT_URL}) and one property per FerryMQ option, named after the
 * option's declaration in kebab case ({@code clientID} is {@code ferrymq.client-id},
 * {@code maxDeliveryAttempts} is {@code ferrymq.max-delivery-attempts}), bound with Boot's relaxed
 * rules (so {@code FERRYMQ_PREFETCH} works too). Each set property becomes that option of the URL.
 * Stateless.
 */
public final class FerryMqProperties {

    public static final String PREFIX = "ferrymq";
    public static final String URL = PREFIX + ".url";

    /** Every option a property can set: the connection's and the broker's. */
    public static final List<Option<?>> OPTIONS = Stream.of(ClientOptions.ALL, BrokerOptions.ALL,
            RedeliveryOptions.ALL, LimitOptions.ALL, StoreOptions.ALL, SecurityOptions.ALL).flatMap(List::stream).toList();

    private FerryMqProperties() {
    }

    /** The property that sets {@code option}, e.g. {@code ferrymq.client-id}. */
    public static String propertyName(Option<?> option) {
        return PREFIX + "." + option.name().replaceAll("([a-z0-9])([A-Z]+)", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The option values the environment sets, by option name, in declaration order. */
    static Map<String, String> options(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> set = new LinkedHashMap<>();
        for (Option<?> option : OPTIONS) {
            binder.bind(propertyName(option), String.class).ifBound(value -> set.put(option.name(), value));
        }
        return set;
    }

    /**
     * The broker URL: {@code ferrymq.url} with the options set as properties added.
     *
     * @throws IllegalStateException naming both when a property sets an option the URL sets too, or
     *                               naming the property whose value is invalid for a connection option
     */
    public static String url(Environment environment) {
        String base = Binder.get(environment).bind(URL, String.class).orElse(FerryConnectionFactory.DEFAULT_URL);
        Map<String, String> inUrl = parse(base);
        StringBuilder url = new StringBuilder(base);
        char sep = base.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> o : options(environment).entrySet()) {
            if (inUrl.containsKey(o.getKey())) {
                throw new IllegalStateException("FerryMQ option '" + o.getKey() + "' is set twice: by " + URL + " ("
                        + base + ") and by " + propertyName(option(o.getKey())) + "; set it once");
            }
            url.append(sep).append(URLEncoder.encode(o.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(o.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        String result = url.toString();
        try {
            ClientOptions.split(BrokerUrl.parse(result).options());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid FerryMQ configuration (" + URL + " and " + PREFIX + ".*): "
                    + e.getMessage(), e);
        }
        return result;
    }

    private static Map<String, String> parse(String url) {
        try {
            return BrokerUrl.parse(url).options();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid " + URL + ": " + e.getMessage(), e);
        }
    }

    private static Option<?> option(String name) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
