package dev.ferrymq.spi.config;

import java.util.List;

/**
 * Writes option declarations as the Markdown tables the README shows, so the docs come from the code.
 *
 * <p>Threading: stateless; any thread.
 */
public final class OptionTable {

    private OptionTable() {
    }

    /** A Markdown table: one row per option with its name, type, default and description. */
    public static String markdown(List<? extends Option<?>> options) {
        StringBuilder sb = new StringBuilder("| option | type | default | description |\n|---|---|---|---|\n");
        for (Option<?> o : options) {
            sb.append("| `").append(o.name()).append("` | ").append(o.type().isEnum() ? "String" : o.type().getSimpleName())
                    .append(" | ").append(o.defaultText())
                    .append(" | ").append(o.description().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
