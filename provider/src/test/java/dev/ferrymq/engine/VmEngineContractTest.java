package dev.ferrymq.engine;

import dev.ferrymq.spi.Engine;
import dev.ferrymq.spi.Engines;
import dev.ferrymq.spi.contract.AcknowledgementContract;
import dev.ferrymq.spi.contract.DispatchContract;
import dev.ferrymq.spi.contract.EngineFixture;
import dev.ferrymq.spi.contract.LifecycleContract;
import dev.ferrymq.spi.contract.TransactionContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The in-JVM engine ({@code vm://}) against the whole SPI contract suite
 * ({@code dev.ferrymq.spi.contract}), once on each store: in memory, and on the file journal with
 * PERSISTENT messages stored.
 */
class VmEngineContractTest {

    /** Brokers of the in-JVM engine on one store kind; {@code dataDirectory} null for memory. */
    static final class VmFixture implements EngineFixture {
        private final Path dataDirectory;
        private final List<String> started = new ArrayList<>();

        VmFixture(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        @Override
        public Engine start(Map<String, String> options) {
            String name = "contract-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> all = new HashMap<>(options);
            if (dataDirectory == null) {
                all.put("store", "memory");
            } else {
                all.put("store", "file");
                all.put("dataDirectory", dataDirectory.resolve(name).toString());
            }
            started.add(name);
            return Engines.forScheme("vm").engine(name, BrokerOptions.DECLARED.parse(all));
        }

        @Override
        public void stopAll() {
            started.forEach(Brokers::stop);
        }

        @Override
        public boolean stores() {
            return dataDirectory != null;
        }
    }

    @Nested
    class MemoryStore {
        @Nested
        class Dispatch extends DispatchContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(null);
            }
        }

        @Nested
        class Acknowledgement extends AcknowledgementContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(null);
            }
        }

        @Nested
        class Transactions extends TransactionContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(null);
            }
        }

        @Nested
        class Lifecycle extends LifecycleContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(null);
            }
        }
    }

    @Nested
    class FileStore {
        @TempDir
        Path dir;

        @Nested
        class Dispatch extends DispatchContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(dir);
            }
        }

        @Nested
        class Acknowledgement extends AcknowledgementContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(dir);
            }
        }

        @Nested
        class Transactions extends TransactionContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(dir);
            }
        }

        @Nested
        class Lifecycle extends LifecycleContract {
            @Override
            protected EngineFixture newFixture() {
                return new VmFixture(dir);
            }
        }
    }
}
