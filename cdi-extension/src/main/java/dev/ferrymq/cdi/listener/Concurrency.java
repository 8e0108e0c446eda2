package dev.ferrymq.cdi.listener;

/**
 * A listener's concurrency range, from {@code "n"} or {@code "min-max"}.
 *
 * @param min consumers kept even when idle (at least 1)
 * @param max consumers at most (at least min)
 */
public record Concurrency(int min, int max) {

    /** Parses the attribute; fails with a message saying what is wrong. */
    public static Concurrency parse(String text) {
        String[] bounds = text.trim().split("-", -1);
        if (bounds.length > 2) {
            throw new IllegalArgumentException("concurrency '" + text + "' is neither \"n\" nor \"min-max\"");
        }
        try {
            int min = Integer.parseInt(bounds[0].trim());
            int max = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : min;
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("concurrency '" + text + "' needs 1 <= min <= max");
            }
            return new Concurrency(min, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("concurrency '" + text + "' is neither \"n\" nor \"min-max\"", e);
        }
    }
}
