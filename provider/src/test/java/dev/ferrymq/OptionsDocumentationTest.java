package dev.ferrymq;

import dev.ferrymq.client.ClientOptions;
import dev.ferrymq.engine.BrokerOptions;
import dev.ferrymq.engine.security.SecurityOptions;
import dev.ferrymq.spi.config.LimitOptions;
import dev.ferrymq.spi.config.OptionTable;
import dev.ferrymq.store.StoreOptions;
import dev.ferrymq.spi.config.RedeliveryOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's option tables are the declarations, written out: a changed option fails here until documented. */
class OptionsDocumentationTest {

    private static String readme() throws Exception {
        return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("README documents every connection (facade) option as declared in ClientOptions")
    void clientOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(ClientOptions.ALL));
    }

    @Test
    @DisplayName("README documents every broker option as declared in BrokerOptions")
    void brokerOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(BrokerOptions.ALL));
    }

    @Test
    @DisplayName("README documents every redelivery option as declared in RedeliveryOptions")
    void redeliveryOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(RedeliveryOptions.ALL));
    }

    @Test
    @DisplayName("README documents every memory limit option as declared in LimitOptions")
    void limitOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(LimitOptions.ALL));
    }

    @Test
    @DisplayName("README documents every store option as declared in StoreOptions")
    void storeOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(StoreOptions.ALL));
    }

    @Test
    @DisplayName("README documents every security and client limit option as declared in SecurityOptions")
    void securityOptionsDocumented() throws Exception {
        assertThat(readme()).contains(OptionTable.markdown(SecurityOptions.ALL));
    }
}
