package dev.ferrymq.it.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application as written for Artemis: it names no provider class; Boot's JMS
 * auto-configuration gives it a JmsTemplate and its {@code @JmsListener} containers from whichever
 * ConnectionFactory the dependencies configure (here ferrymq-spring-boot from {@code ferrymq.*}).
 */
@SpringBootApplication
public class OrderBootApplication {

    public static final String ORDERS = "boot.orders";
    public static final String CONFIRMATIONS = "boot.confirmations";
    public static final String FAILING = "boot.failing";

    @Component
    public static class OrderDesk {

        @JmsListener(destination = ORDERS)
        @SendTo(CONFIRMATIONS)
        public String confirm(String order) {
            return "confirmed " + order;
        }

        @JmsListener(destination = FAILING)
        public void reject(String order) {
            throw new IllegalArgumentException("cannot take " + order);
        }
    }
}
