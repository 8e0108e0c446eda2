/**
 * The engine SPI: the only thing the JMS facade ({@code dev.ferrymq.client}) knows of an engine.
 *
 * <p>Every resource action is one asynchronous call taking a small typed info record and a
 * {@link dev.ferrymq.spi.Completion}. Implementations never block the caller for longer than it
 * takes to hand the work to the owner of the state it touches (unless the completion says the
 * caller waits for it anyway, {@link dev.ferrymq.spi.Completion#callerWaits()}: then the call's
 * own I/O may run on the caller's thread), and never call back into application code. Nothing here imports {@code jakarta.jms}: errors are
 * {@link dev.ferrymq.spi.EngineException}s whose {@link dev.ferrymq.spi.EngineException.Kind}
 * names the JMS exception the facade translates them to.
 *
 * <p>Resource tree: {@link dev.ferrymq.spi.Engine} (one broker) opens
 * {@link dev.ferrymq.spi.EngineConnection}s, which create {@link dev.ferrymq.spi.EngineSession}s,
 * which send {@link dev.ferrymq.spi.MessageData} and create
 * {@link dev.ferrymq.spi.EngineConsumer}s that push {@link dev.ferrymq.spi.Delivery deliveries}
 * into a {@link dev.ferrymq.spi.DeliverySink}.
 */
package dev.ferrymq.spi;
