/**
 * FerryMQ: a Jakarta Messaging 3.1 provider with its own in-JVM engine ({@code vm://name}).
 *
 * <p>Exported, and nothing else: the JMS entry points ({@code dev.ferrymq}: the connection factory;
 * {@code dev.ferrymq.jndi}: the JNDI initial context factory); what the README tells users to call
 * on the in-JVM engine ({@code dev.ferrymq.admin}) and the broker MBean's interface
 * ({@code dev.ferrymq.management}: the platform MBean server reads it from outside the module); and
 * the engine SPI ({@code dev.ferrymq.spi}, {@code dev.ferrymq.spi.config}, with the selector grammar
 * {@code dev.ferrymq.selector} that its {@code MessageData} is read by), which a second engine
 * implements in a module of its own and which the facade's API names ({@code RedeliveryPolicy},
 * {@code Option}, {@code DeadLetterProperties}). The facade's implementation
 * ({@code dev.ferrymq.client..}), the in-JVM engine ({@code dev.ferrymq.engine..}) and the store
 * stay inside. {@code ArchitectureTest} checks that the exported packages name no type
 * of an unexported one and that its list is this one; {@code ModuleLayerTest} loads the module in a
 * layer of its own and runs a message through it.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.ferrymq {
    requires transitive jakarta.messaging;
    requires transitive java.naming;
    requires java.management;
    // optional: only dev.ferrymq.admin.FerryMqMetrics names its types (Micrometer has no module-info)
    requires static transitive micrometer.core;

    exports dev.ferrymq;
    exports dev.ferrymq.jndi;
    exports dev.ferrymq.admin;
    exports dev.ferrymq.spi;
    exports dev.ferrymq.spi.config;
    exports dev.ferrymq.selector;
    exports dev.ferrymq.management;

    uses dev.ferrymq.spi.EngineProvider;
    provides dev.ferrymq.spi.EngineProvider with dev.ferrymq.engine.VmEngineProvider;
}
