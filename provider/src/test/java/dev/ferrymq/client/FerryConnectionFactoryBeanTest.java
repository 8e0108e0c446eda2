package dev.ferrymq.client;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "5.3 Connection factories" / "5.1 Administered objects": the factory configured as a JavaBean
 * (no-argument constructor, then properties), as XML and property-driven containers do.
 */
class FerryConnectionFactoryBeanTest {

    private final FakeBrokers brokers = new FakeBrokers();

    @Test
    @DisplayName("JavaBean: url and the facade options are read-write properties of the declared types")
    void beanProperties() throws Exception {
        Map<String, PropertyDescriptor> props = Arrays.stream(
                        Introspector.getBeanInfo(FerryConnectionFactory.class).getPropertyDescriptors())
                .collect(Collectors.toMap(PropertyDescriptor::getName, Function.identity()));
        assertThat(props.get("url").getPropertyType()).isEqualTo(String.class);
        for (var option : ClientOptions.ALL) {
            String name = Introspector.decapitalize(option.name().substring(0, 1).toUpperCase() + option.name().substring(1));
            PropertyDescriptor p = props.get(name);
            assertThat(p).as("bean property for option %s", option).isNotNull();
            assertThat(p.getWriteMethod()).as("setter of %s", option).isNotNull();
            assertThat(p.getReadMethod()).as("getter of %s", option).isNotNull();
            Class<?> type = p.getPropertyType().isPrimitive() ? Integer.class : p.getPropertyType();
            assertThat(type).as("type of %s", option).isEqualTo(option.type());
        }
    }

    @Test
    @DisplayName("JavaBean: properties set after the no-argument constructor configure connections like URL options")
    void propertiesConfigureConnections() throws JMSException {
        FerryConnectionFactory f = new FerryConnectionFactory();
        f.setUrl("fake://" + brokers.name);
        f.setClientID("bean-app");
        f.setPrefetch(7);
        f.setUser("u");
        f.setPassword("secret");
        try (Connection c = f.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("bean-app");
        }
        assertThat(f).isEqualTo(brokers.factory("clientID=bean-app&prefetch=7&user=u&password=secret"));
        assertThat(f.getUrl()).isEqualTo("fake://" + brokers.name);
        assertThat(f.getPrefetch()).isEqualTo(7);
        assertThat(f.getUser()).isEqualTo("u");
        assertThat(f.getPassword()).isEqualTo("secret");
        assertThat(f.toString()).contains("clientID=bean-app").doesNotContain("secret");
    }

    @Test
    @DisplayName("JavaBean: a property wins over the URL's option; unset, the URL's value or the default applies")
    void propertyWinsOverUrl() throws JMSException {
        FerryConnectionFactory f = brokers.factory("clientID=from-url&engineThread=true&prefetch=3");
        assertThat(f.getClientID()).isEqualTo("from-url");
        assertThat(f.getPrefetch()).isEqualTo(3);
        f.setClientID("from-bean");
        try (Connection c = f.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("from-bean");
        }
        assertThat(f).isEqualTo(brokers.factory("engineThread=true&prefetch=3&clientID=from-bean"));
        f.setClientID(null);
        assertThat(f.getClientID()).isEqualTo("from-url");
        assertThat(new FerryConnectionFactory("vm://x").getPrefetch()).isEqualTo(ClientOptions.PREFETCH.defaultValue());
        assertThat(new FerryConnectionFactory("vm://x").getClientID()).isNull();
    }

    @Test
    @DisplayName("Options set beside the URL (withOptions, JNDI properties) are never written into URL text: any characters pass unchanged")
    void optionsBesideTheUrl() throws JMSException {
        FerryConnectionFactory f = brokers.factory("clientID=from-url")
                .withOptions(Map.of("clientID", "a&b=c?d e%"));
        assertThat(f.getUrl()).isEqualTo("fake://" + brokers.name + "?clientID=from-url");
        try (Connection c = f.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("a&b=c?d e%");
        }
        assertThat(f.withOptions(Map.of("prefetch", "9")).getPrefetch()).isEqualTo(9);
        assertThat(f.getPrefetch()).as("withOptions makes a new factory").isEqualTo(ClientOptions.PREFETCH.defaultValue());
    }

    @Test
    @DisplayName("JavaBean: an invalid property value is refused by its setter, naming the option")
    void invalidProperty() {
        FerryConnectionFactory f = new FerryConnectionFactory();
        assertThatThrownBy(() -> f.setPrefetch(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prefetch'").hasMessageContaining("at least 1");
        assertThat(f.getPrefetch()).isEqualTo(ClientOptions.PREFETCH.defaultValue());
    }

    @Test
    @DisplayName("5.1 Administered objects: a bean-configured factory serializes with its properties")
    void serializableWithProperties() throws Exception {
        FerryConnectionFactory f = new FerryConnectionFactory("vm://x?prefetch=5");
        f.setClientID("c1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            FerryConnectionFactory copy = (FerryConnectionFactory) in.readObject();
            assertThat(copy).isEqualTo(f);
            assertThat(copy.getClientID()).isEqualTo("c1");
        }
    }
}
