package dev.ferrymq.jndi;

import dev.ferrymq.FerryConnectionFactory;
import dev.ferrymq.client.destination.FerryQueue;
import dev.ferrymq.client.destination.FerryTopic;
import dev.ferrymq.spi.BrokerUrl;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the bindings out of a JNDI environment (see {@link FerryInitialContextFactory} for the
 * keys). Stateless.
 */
final class JndiBindings {

    /** Artemis spelling. */
    static final String CONNECTION_FACTORY = "connectionFactory.";
    /** Qpid JMS spelling. */
    static final String CONNECTION_FACTORY_LOWER = "connectionfactory.";
    /**
     * Qpid JMS per-factory option: {@code property.connectionfactory.<name>.<option>}; the option
     * may carry a destination pattern after {@code @}, which may contain dots.
     */
    static final String FACTORY_PROPERTY = "property.connectionfactory.";
    static final String QUEUE = "queue.";
    static final String TOPIC = "topic.";
    static final String DYNAMIC_QUEUES = "dynamicQueues";
    static final String DYNAMIC_TOPICS = "dynamicTopics";
    static final List<String> DEFAULT_FACTORY_NAMES =
            List.of("ConnectionFactory", "QueueConnectionFactory", "TopicConnectionFactory");

    private JndiBindings() {
    }

    /**
     * The bindings by full name ({@code /}-separated), sorted, unmodifiable.
     *
     * @throws ConfigurationException naming the key whose URL or destination name is invalid
     */
    static SortedMap<String, Object> from(Map<?, ?> env) throws NamingException {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Map<String, String>> factoryOptions = new LinkedHashMap<>();
        SortedMap<String, Object> bindings = new TreeMap<>();
        Object providerUrl = env.get(Context.PROVIDER_URL);
        String defaultUrl = providerUrl == null || providerUrl.toString().isBlank()
                ? FerryConnectionFactory.DEFAULT_URL : providerUrl.toString().trim();
        for (String name : DEFAULT_FACTORY_NAMES) {
            urls.put(name, defaultUrl);
        }
        for (Map.Entry<?, ?> e : env.entrySet()) {
            if (!(e.getKey() instanceof String key) || e.getValue() == null) {
                continue;
            }
            String value = e.getValue().toString().trim();
            if (key.startsWith(CONNECTION_FACTORY) || key.startsWith(CONNECTION_FACTORY_LOWER)) {
                urls.put(bindingName(key, CONNECTION_FACTORY.length()), value);
            } else if (key.startsWith(FACTORY_PROPERTY)) {
                String rest = key.substring(FACTORY_PROPERTY.length());
                int at = rest.indexOf('@');
                int dot = at < 0 ? rest.lastIndexOf('.') : rest.lastIndexOf('.', at);
                if (dot <= 0 || dot == rest.length() - 1) {
                    throw configuration(key, "expected " + FACTORY_PROPERTY + "<factory name>.<option>");
                }
                factoryOptions.computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), value);
            } else if (key.startsWith(QUEUE)) {
                bindings.put(bindingName(key, QUEUE.length()), queue(key, value));
            } else if (key.startsWith(TOPIC)) {
                bindings.put(bindingName(key, TOPIC.length()), topic(key, value));
            }
        }
        for (Map.Entry<String, Map<String, String>> e : factoryOptions.entrySet()) {
            if (!urls.containsKey(e.getKey())) {
                throw configuration(FACTORY_PROPERTY + e.getKey() + "." + e.getValue().keySet().iterator().next(),
                        "no connection factory '" + e.getKey() + "' is defined");
            }
        }
        for (Map.Entry<String, String> e : urls.entrySet()) {
            checkUrl(e.getKey(), e.getValue());
            Map<String, String> options = factoryOptions.getOrDefault(e.getKey(), Map.of());
            bindings.put(e.getKey(), new FerryConnectionFactory(e.getValue()).withOptions(options));
        }
        return Collections.unmodifiableSortedMap(bindings);
    }

    /** A queue looked up under {@code dynamicQueues/}. */
    static FerryQueue queue(String key, String name) throws NamingException {
        try {
            return new FerryQueue(name);
        } catch (IllegalArgumentException e) {
            throw configuration(key, e.getMessage());
        }
    }

    /** A topic looked up under {@code dynamicTopics/}. */
    static FerryTopic topic(String key, String name) throws NamingException {
        try {
            return new FerryTopic(name);
        } catch (IllegalArgumentException e) {
            throw configuration(key, e.getMessage());
        }
    }

    private static String bindingName(String key, int prefixLength) throws NamingException {
        String name = key.substring(prefixLength).trim();
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw configuration(key, "the name to bind is empty or has an empty component");
        }
        return name;
    }

    private static void checkUrl(String name, String url) throws NamingException {
        try {
            BrokerUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw configuration("connection factory '" + name + "'", e.getMessage());
        }
    }

    private static ConfigurationException configuration(String key, String problem) {
        return new ConfigurationException("invalid JNDI property " + key + ": " + problem);
    }
}
