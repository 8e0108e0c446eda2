package dev.ferrymq.cdi;

import dev.ferrymq.cdi.extension.FerryCdiExtension;
import jakarta.enterprise.inject.spi.Extension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension needs nothing but the jar: it is registered for java.util.ServiceLoader, which CDI containers use. */
@Timeout(60)
class ExtensionRegistrationTest {

    @Test
    @DisplayName("META-INF/services/jakarta.enterprise.inject.spi.Extension names the FerryMQ extension")
    void registeredAsService() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(FerryCdiExtension.class);
    }
}
