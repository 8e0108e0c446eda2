package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryReport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every journal file of a directory in order and rebuilds the live state.
 *
 * <p>Damage policy: in the last file, the first frame that does not validate is a write cut
 * short by a crash; nothing after it can have been acknowledged, so the file is truncated there.
 * In an earlier file the bytes from the damage to the file's end are skipped (frame boundaries
 * after damage cannot be trusted) and reading goes on with the next file: recovering later,
 * acknowledged batches is worth more than the risk that a skipped delete brings a deleted record
 * back. Files with an unreadable header are skipped whole and kept for inspection, except an
 * incomplete header at the end of the last file (a crash while creating it), which is deleted.
 * Every damage goes into the report. Batches are single frames, so each is recovered whole or not
 * at all.
 *
 * <p>Threading: runs on the opening thread before the writer starts.
 */
final class Recovery {

    static final Pattern FILE_NAME = Pattern.compile("journal-(\\d{1,19})\\.dat");

    private final Path directory;
    private final ChannelFactory channels;
    private final Map<Long, State> states = new HashMap<>();
    private final List<RecoveryReport.Damage> damages = new ArrayList<>();
    final LiveIndex index = new LiveIndex();
    long nextSeq = 1;
    long maxId;
    long lastFileNumber;
    private int segmentsRead;
    private long frames;

    private Recovery(Path directory, ChannelFactory channels) {
        this.directory = directory;
        this.channels = channels;
    }

    static String fileName(long number) {
        return String.format("journal-%010d.dat", number);
    }

    /** Scans {@code directory}; {@link #liveRecords()} and {@link #report()} hold the outcome. */
    static Recovery run(Path directory, ChannelFactory channels) throws IOException {
        Recovery r = new Recovery(directory, channels);
        List<Long> numbers = r.listFiles();
        for (int i = 0; i < numbers.size(); i++) {
            r.readFile(numbers.get(i), i == numbers.size() - 1);
        }
        return r;
    }

    private List<Long> listFiles() throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> {
                Matcher m = FILE_NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Long.parseLong(m.group(1)));
                }
            });
        }
        numbers.sort(Comparator.naturalOrder());
        if (!numbers.isEmpty()) {
            lastFileNumber = numbers.get(numbers.size() - 1);
        }
        return numbers;
    }

    private void readFile(long number, boolean last) throws IOException {
        Path path = directory.resolve(fileName(number));
        LiveIndex.Segment segment;
        long end;
        String damage;
        try (SegmentReader reader = SegmentReader.open(channels, path, number)) {
            if (!reader.readHeader()) {
                if (last && (reader.fileSize() < Format.HEADER_SIZE || reader.isAllZero())) {
                    Files.delete(path);
                    damage(path, 0, reader.fileSize(), reader.damage(), RecoveryReport.Action.DELETED_INCOMPLETE_FILE);
                } else {
                    damage(path, 0, reader.fileSize(), reader.damage(), RecoveryReport.Action.SKIPPED_FILE);
                }
                return;
            }
            segmentsRead++;
            nextSeq = Math.max(nextSeq, reader.firstSeq());
            maxId = Math.max(maxId, reader.nextId() - 1);
            segment = new LiveIndex.Segment(number, path, reader.fileSize());
            index.addSegment(segment);
            SegmentReader.Frame frame;
            while ((frame = reader.next()) != null) {
                frames++;
                long offset = frame.offset() + Format.FRAME_HEADER + 4;
                for (Format.DecodedOp op : frame.ops()) {
                    apply(op, number, offset, frame);
                    offset += op.size();
                }
            }
            end = reader.position();
            damage = reader.damage();
            if (damage == null) {
                index.setSize(segment, end);
                return;
            }
            long skipped = reader.fileSize() - end;
            if (!last) {
                damage(path, end, skipped, damage, RecoveryReport.Action.SKIPPED_REST_OF_FILE);
                return;
            }
            damage(path, end, skipped, damage, RecoveryReport.Action.TRUNCATED);
        }
        try (FileChannel ch = channels.open(path, Set.of(StandardOpenOption.WRITE))) {
            ch.truncate(end);
            ch.force(true);
        }
        index.setSize(segment, end);
    }

    private void damage(Path file, long offset, long skipped, String reason, RecoveryReport.Action action) {
        RecoveryReport.Damage d = new RecoveryReport.Damage(file, offset, skipped, reason, action);
        damages.add(d);
        System.getLogger("dev.ferrymq.store").log(System.Logger.Level.WARNING, "journal recovery: " + d);
    }

    /**
     * Applies one op, found at {@code offset} inside {@code frame} of file {@code segment}. A
     * delete forgets the id outright: the writer only copies ops of live ids, so no copy of an op
     * older than a delete can come later in file order.
     */
    private void apply(Format.DecodedOp op, long segment, long offset, SegmentReader.Frame frame) {
        maxId = Math.max(maxId, op.id());
        nextSeq = Math.max(nextSeq, op.seq() + 1);
        long seq = op.seq();
        if (op.kind() == Format.DELETE) {
            State s = states.get(op.id());
            if (s != null && seq > s.addSeq) {
                states.remove(op.id());
            }
            return;
        }
        State s = states.computeIfAbsent(op.id(), k -> new State());
        if (seq < s.addSeq) {
            return;
        }
        Place place = new Place(segment, offset, frame.offset(), frame.size());
        if (op.kind() == Format.UPDATE) {
            s.putUpdate(op, place);
            return;
        }
        if (seq > s.addSeq) {
            s.addSeq = seq;
            s.type = op.type();
            s.payload = op.payload();
            if (s.updates != null) {
                s.updates.removeIf(u -> u.seq < seq);
            }
        }
        s.addPlace = place;
        s.addSize = op.size();
    }

    /** The live records in first-append order; also registers them in {@link #index}. */
    List<LiveRecord> liveRecords() {
        List<Map.Entry<Long, State>> live = new ArrayList<>();
        for (Map.Entry<Long, State> e : states.entrySet()) {
            State s = e.getValue();
            if (s.payload != null) {
                live.add(e);
            }
        }
        live.sort(Comparator.comparingLong(e -> e.getValue().addSeq));
        List<LiveRecord> records = new ArrayList<>(live.size());
        for (Map.Entry<Long, State> e : live) {
            long id = e.getKey();
            State s = e.getValue();
            put(id, s.addSeq, Format.ADD, s.addSize, s.addPlace);
            List<LiveRecord.Update> updates = new ArrayList<>();
            if (s.updates != null) {
                s.updates.sort(Comparator.comparingLong(Update::seq));
                for (Update u : s.updates) {
                    if (u.seq > s.addSeq) {
                        put(id, u.seq, Format.UPDATE, u.size, u.place);
                        updates.add(new LiveRecord.Update(u.type, u.payload));
                    }
                }
            }
            records.add(new LiveRecord(id, s.type, s.payload, updates));
        }
        states.clear();
        return records;
    }

    private void put(long id, long seq, byte kind, int size, Place p) {
        index.put(id, seq, kind, size, index.segment(p.segment), p.offset, p.frameOffset, p.frameSize);
    }

    RecoveryReport report(long liveRecords) {
        return new RecoveryReport(segmentsRead, frames, liveRecords, damages);
    }

    /** What the files say about one id so far. */
    private static final class State {
        long addSeq = -1;
        byte type;
        byte[] payload;
        Place addPlace;
        int addSize;
        List<Update> updates;

        void putUpdate(Format.DecodedOp op, Place place) {
            if (updates == null) {
                updates = new ArrayList<>(1);
            }
            for (Update u : updates) {
                if (u.seq == op.seq()) {
                    u.place = place;
                    return;
                }
            }
            updates.add(new Update(op.seq(), op.type(), op.payload(), place, op.size()));
        }
    }

    /** Where the latest copy read of an op lies: file number, op offset, and its frame. */
    private record Place(long segment, long offset, long frameOffset, int frameSize) {
    }

    private static final class Update {
        final long seq;
        final byte type;
        final byte[] payload;
        Place place;
        final int size;

        Update(long seq, byte type, byte[] payload, Place place, int size) {
            this.seq = seq;
            this.type = type;
            this.payload = payload;
            this.place = place;
            this.size = size;
        }

        long seq() {
            return seq;
        }
    }
}
