package dev.ferrymq.client.fake;

import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.contract.AcknowledgementContract;
import dev.ferrymq.spi.contract.DispatchContract;
import dev.ferrymq.spi.contract.EngineFixture;
import dev.ferrymq.spi.contract.LifecycleContract;
import dev.ferrymq.spi.contract.TransactionContract;
import org.junit.jupiter.api.Nested;

import java.util.Map;
import java.util.UUID;

/**
 * The fake engine the facade-tier tests run on ({@code fake://}) against the whole SPI contract
 * suite ({@code dev.ferrymq.spi.contract}): the facade's tests may only rely on what every engine
 * does. It keeps messages in memory ({@link EngineFixture#stores()} false) and takes the
 * redelivery options the suite uses ({@code maxDeliveryAttempts}, {@code deadLetterQueue}).
 */
class FakeEngineContractTest {

    static final class FakeFixture implements EngineFixture {
        @Override
        public Engine start(Map<String, String> options) {
            int max = Integer.parseInt(options.getOrDefault("maxDeliveryAttempts", "0"));
            return FakeEngineProvider.broker("contract-" + UUID.randomUUID())
                    .withRedelivery(max, options.get("deadLetterQueue"));
        }

        @Override
        public void stopAll() {
        }

        @Override
        public boolean stores() {
            return false;
        }
    }

    @Nested
    class Dispatch extends DispatchContract {
        @Override
        protected EngineFixture newFixture() {
            return new FakeFixture();
        }
    }

    @Nested
    class Acknowledgement extends AcknowledgementContract {
        @Override
        protected EngineFixture newFixture() {
            return new FakeFixture();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected EngineFixture newFixture() {
            return new FakeFixture();
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected EngineFixture newFixture() {
            return new FakeFixture();
        }
    }
}
