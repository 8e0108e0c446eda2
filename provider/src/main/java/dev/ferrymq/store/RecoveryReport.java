package dev.ferrymq.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link dev.ferrymq.store.journals.Journals#open} found: how much it read and every piece of damage it skipped. A
 * journal opens whatever the damage (only a locked directory, an incompatible format or an I/O
 * error stop it); this report is how the damage becomes visible. Each damage is also logged as a
 * warning on the {@code dev.ferrymq.store} {@link System.Logger}. Immutable.
 *
 * @param segments    journal files read
 * @param frames      intact batches read
 * @param liveRecords live ids recovered
 * @param damages     skipped damage, in file order; empty when the journal was clean
 */
public record RecoveryReport(int segments, long frames, long liveRecords, List<Damage> damages) {

    public RecoveryReport {
        damages = List.copyOf(damages);
    }

    /** An empty report: nothing read, nothing damaged. */
    public static RecoveryReport empty() {
        return new RecoveryReport(0, 0, 0, List.of());
    }

    /** True when nothing was skipped. */
    public boolean isClean() {
        return damages.isEmpty();
    }

    /**
     * Damage in one file.
     *
     * @param file         the journal file
     * @param offset       where the unreadable bytes start
     * @param bytesSkipped how many bytes were not used from there on
     * @param reason       what was wrong, e.g. a checksum mismatch
     * @param action       what recovery did about it
     */
    public record Damage(Path file, long offset, long bytesSkipped, String reason, Action action) {

        @Override
        public String toString() {
            return file.getFileName() + " at offset " + offset + ": " + reason + "; " + bytesSkipped
                    + " bytes " + action.description;
        }
    }

    /** What recovery did with damaged bytes. */
    public enum Action {
        /**
         * The damage was the last file's tail (a write cut short by a crash): the file was cut
         * there, as nothing after it can have been acknowledged.
         */
        TRUNCATED("truncated (torn tail of the last file)"),
        /** The rest of a file after the damage was skipped; the file is kept untouched. */
        SKIPPED_REST_OF_FILE("skipped up to the end of that file, which is kept; later files were read"),
        /** A whole file was skipped (unreadable header); the file is kept untouched. */
        SKIPPED_FILE("skipped (whole file), which is kept"),
        /** An empty file left by a crash while it was being created was deleted. */
        DELETED_INCOMPLETE_FILE("deleted (file was being created when the store stopped)");

        private final String description;

        Action(String description) {
            this.description = description;
        }
    }
}
