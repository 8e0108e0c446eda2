package dev.ferrymq.spring.boot;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.spi.BrokerUrl;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.config.DeclaredOptions;
import dev.ferrymq.spi.config.Option;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

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
 * rules (so {@code FERRYMQ_PREFETCH} works too). The options are the facade's and the ones the
 * engine serving the URL's scheme declares. Each set property becomes that option of the factory,
 * set beside the URL ({@link FerryConnectionFactory#withOptions}): nothing is written into URL text.
 * Stateless.
 */
public final class FerryMqProperties {

    public static final String PREFIX = "ferrymq";
    public static final String URL = PREFIX + ".url";

    private FerryMqProperties() {
    }

    /** The property that sets {@code option}, e.g. {@code ferrymq.client-id}. */
    public static String propertyName(Option<?> option) {
        return PREFIX + "." + option.name().replaceAll("([a-z0-9])([A-Z]+)", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Every option a property can set for a factory of {@code url}: the connection's, and the
     * ones the engine serving its scheme declares (engine-wide and per destination).
     *
     * @throws IllegalStateException when the URL is malformed or no engine serves its scheme
     */
    public static List<Option<?>> options(String url) {
        DeclaredOptions engine;
        try {
            engine = Engines.forScheme(BrokerUrl.parse(url).scheme()).options();
        } catch (RuntimeException e) {
            throw new IllegalStateException("invalid " + URL + ": " + e.getMessage(), e);
        }
        return Stream.of(FerryConnectionFactory.connectionOptions(), engine.engine(), engine.perDestination()).flatMap(List::stream).toList();
    }

    /** The option values the environment sets for a factory of {@code url}, by option name, in declaration order. */
    static Map<String, String> options(Environment environment, String url) {
        Binder binder = Binder.get(environment);
        Map<String, String> set = new LinkedHashMap<>();
        for (Option<?> option : options(url)) {
            binder.bind(propertyName(option), String.class).ifBound(value -> set.put(option.name(), value));
        }
        return set;
    }

    /**
     * The connection factory the properties describe: {@code ferrymq.url} with the options set as
     * properties beside it, every option checked as a connection would (so a bad configuration
     * fails startup, not the first connection).
     *
     * @throws IllegalStateException naming both when a property sets an option the URL sets too,
     *                               or naming the option that is unknown or whose value is invalid
     */
    public static FerryConnectionFactory factory(Environment environment) {
        String url = Binder.get(environment).bind(URL, String.class).orElse(FerryConnectionFactory.DEFAULT_URL);
        Map<String, String> inUrl = urlOptions(url);
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : options(environment, url).entrySet()) {
            if (inUrl.containsKey(o.getKey())) {
                throw new IllegalStateException("FerryMQ option '" + o.getKey() + "' is set twice: by " + URL + " ("
                        + url + ") and by " + propertyName(option(url, o.getKey())) + "; set it once");
            }
            properties.put(o.getKey(), o.getValue());
        }
        FerryConnectionFactory factory = new FerryConnectionFactory(url).withOptions(properties);
        try {
            factory.checkOptions();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid FerryMQ configuration (" + URL + " and " + PREFIX + ".*): "
                    + e.getMessage(), e);
        }
        return factory;
    }

    private static Map<String, String> urlOptions(String url) {
        try {
            return BrokerUrl.parse(url).options();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid " + URL + ": " + e.getMessage(), e);
        }
    }

    private static Option<?> option(String url, String name) {
        return options(url).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
