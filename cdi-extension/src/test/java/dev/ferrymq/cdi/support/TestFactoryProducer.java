package dev.ferrymq.cdi.support;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;

/** The application's @Default ConnectionFactory bean in listener tests: the running test's broker. */
@Dependent
public class TestFactoryProducer {

    @Produces
    ConnectionFactory factory() {
        return TestBroker.factory();
    }
}
