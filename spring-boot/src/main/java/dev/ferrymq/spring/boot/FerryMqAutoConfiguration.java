package dev.ferrymq.spring.boot;

import dev.ferrymq.FerryConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration;
import org.springframework.boot.jms.autoconfigure.JmsProperties;
import org.springframework.boot.jms.autoconfigure.JndiConnectionFactoryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Gives a Spring Boot application FerryMQ the way spring-boot-artemis gives it Artemis: a
 * {@link ConnectionFactory} bean named {@code jmsConnectionFactory}, made from {@code ferrymq.url}
 * and the {@code ferrymq.*} option properties ({@link FerryMqProperties}), which Boot's JMS
 * auto-configuration then uses for {@code JmsTemplate} and {@code @JmsListener} containers (and its
 * JMS health indicator, when the actuator is present). As for Artemis, the factory is wrapped in a
 * {@link CachingConnectionFactory} configured by {@code spring.jms.cache.*} unless
 * {@code spring.jms.cache.enabled=false}. Backs off when the application defines a
 * ConnectionFactory of its own or one is configured through {@code spring.jms.jndi-name}.
 *
 * <p>An invalid configuration fails startup with an IllegalStateException naming the property.
 */
@AutoConfiguration(before = JmsAutoConfiguration.class, after = JndiConnectionFactoryAutoConfiguration.class)
@ConditionalOnClass({ConnectionFactory.class, FerryConnectionFactory.class})
@ConditionalOnMissingBean(ConnectionFactory.class)
@EnableConfigurationProperties(JmsProperties.class)
public class FerryMqAutoConfiguration {

    static FerryConnectionFactory ferryConnectionFactory(Environment environment) {
        return FerryMqProperties.factory(environment);
    }

    /** The default: one shared connection, sessions (and producers, consumers) cached. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "spring.jms.cache.enabled", matchIfMissing = true)
    static class Caching {

        @Bean(name = "jmsConnectionFactory")
        CachingConnectionFactory cachingJmsConnectionFactory(Environment environment, JmsProperties jms) {
            CachingConnectionFactory caching = new CachingConnectionFactory(ferryConnectionFactory(environment));
            JmsProperties.Cache cache = jms.getCache();
            caching.setCacheConsumers(cache.isConsumers());
            caching.setCacheProducers(cache.isProducers());
            caching.setSessionCacheSize(cache.getSessionCacheSize());
            return caching;
        }
    }

    /** {@code spring.jms.cache.enabled=false}: the FerryMQ factory itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "spring.jms.cache.enabled", havingValue = false)
    static class Plain {

        @Bean(name = "jmsConnectionFactory")
        FerryConnectionFactory jmsConnectionFactory(Environment environment) {
            return ferryConnectionFactory(environment);
        }
    }
}
