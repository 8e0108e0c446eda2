package dev.ferrymq.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens the journal's segment files. The default is {@link FileChannel#open(Path, Set,
 * java.nio.file.attribute.FileAttribute[])}; tests inject channels that count forces or fail
 * writes as a full disk would.
 *
 * <p>Threading: called on the thread opening the journal and on whichever thread holds its write
 * permit (the writer thread, or an appender writing its own round).
 */
@FunctionalInterface
public interface ChannelFactory {

    /** The plain file system. */
    ChannelFactory DEFAULT = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
}
