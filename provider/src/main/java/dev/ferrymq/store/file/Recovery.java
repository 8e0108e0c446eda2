package dev.ferrymq.store.file;

import dev.ferrymq.store.ChannelFactory;
import dev.ferrymq.store.LiveRecord;
import dev.ferrymq.store.RecoveryListener;
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

    /** Most records read back and handed over at once by {@link #deliverLiveRecords}. */
    static final int CHUNK_RECORDS = 8192;
    /** About the most payload bytes read back at once (a chunk still ends at a frame boundary). */
    static final int CHUNK_BYTES = 8 << 20;

    private Recovery(Path directory, ChannelFactory channels) {
        this.directory = directory;
        this.channels = channels;
    }

    static String fileName(long number) {
        return String.format("journal-%010d.dat", number);
    }

    /** Scans {@code directory}; {@link #deliverLiveRecords} and {@link #report} give the outcome. */
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
            if (s.updates != null) {
                s.updates.removeIf(u -> u.seq < seq);
            }
        }
        s.addPlace = place;
        s.addSize = op.size();
    }

    /**
     * Registers the live records in {@link #index} and gives them to {@code listener} in
     * first-append order; returns how many there were. The scan skipped the add payloads, so they
     * are read back here a chunk at a time (at most {@value #CHUNK_RECORDS} records or about
     * {@value #CHUNK_BYTES} bytes, ending at a frame boundary), each frame's checksum checked
     * again, and handed over at once: a payload the listener decodes and drops dies young instead
     * of staying live, with all the others, until the whole journal has been read.
     *
     * @throws IOException when reading fails or a file no longer holds what the scan found
     */
    long deliverLiveRecords(RecoveryListener listener) throws IOException {
        List<Map.Entry<Long, State>> live = new ArrayList<>();
        for (Map.Entry<Long, State> e : states.entrySet()) {
            if (e.getValue().addPlace != null) {
                live.add(e);
            }
        }
        states.clear();
        live.sort(Comparator.comparingLong(e -> e.getValue().addSeq));
        LiveOpReader reader = new LiveOpReader(channels, true);
        int from = 0;
        while (from < live.size()) {
            int to = from;
            long bytes = 0;
            while (to < live.size() && ((to - from < CHUNK_RECORDS && bytes < CHUNK_BYTES)
                    || sameFrame(live.get(to - 1).getValue(), live.get(to).getValue()))) {
                bytes += live.get(to).getValue().addSize;
                to++;
            }
            deliver(live.subList(from, to), reader, listener);
            for (int i = from; i < to; i++) {
                live.set(i, null);
            }
            from = to;
        }
        return live.size();
    }

    private static boolean sameFrame(State a, State b) {
        return a.addPlace.segment == b.addPlace.segment && a.addPlace.frameOffset == b.addPlace.frameOffset;
    }

    /** Registers one chunk of live records, reads their add payloads and hands them over in order. */
    private void deliver(List<Map.Entry<Long, State>> chunk, LiveOpReader reader, RecoveryListener listener)
            throws IOException {
        int n = chunk.size();
        LiveIndex.Op[] adds = new LiveIndex.Op[n];
        List<List<LiveRecord.Update>> updates = new ArrayList<>(n);
        Map<LiveIndex.Segment, List<Integer>> bySegment = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long id = chunk.get(i).getKey();
            State s = chunk.get(i).getValue();
            adds[i] = put(id, s.addSeq, Format.ADD, s.addSize, s.addPlace);
            updates.add(liveUpdates(id, s));
            bySegment.computeIfAbsent(adds[i].segment(), k -> new ArrayList<>()).add(i);
        }
        byte[][] payloads = new byte[n][];
        for (Map.Entry<LiveIndex.Segment, List<Integer>> e : bySegment.entrySet()) {
            List<Integer> order = e.getValue();
            order.sort(Comparator.comparingLong(i -> adds[i].offset()));
            List<LiveIndex.Op> ops = new ArrayList<>(order.size());
            for (int i : order) {
                ops.add(adds[i]);
            }
            List<Format.DecodedOp> read;
            try {
                read = reader.read(e.getKey(), ops);
            } catch (LiveOpReader.Unreadable u) {
                throw new IOException("journal file " + e.getKey().path + " changed while it was being recovered: "
                        + u.getMessage() + " (at byte " + u.offset() + ")");
            }
            for (int k = 0; k < order.size(); k++) {
                payloads[order.get(k)] = read.get(k).payload();
            }
        }
        for (int i = 0; i < n; i++) {
            State s = chunk.get(i).getValue();
            byte[] payload = payloads[i];
            payloads[i] = null;
            listener.onRecord(new LiveRecord(chunk.get(i).getKey(), s.type, payload, updates.get(i)));
        }
    }

    /** Registers the updates of {@code id} later than its add, oldest first, and returns them. */
    private List<LiveRecord.Update> liveUpdates(long id, State s) {
        if (s.updates == null) {
            return List.of();
        }
        List<LiveRecord.Update> updates = new ArrayList<>(s.updates.size());
        s.updates.sort(Comparator.comparingLong(Update::seq));
        for (Update u : s.updates) {
            if (u.seq > s.addSeq) {
                put(id, u.seq, Format.UPDATE, u.size, u.place);
                updates.add(new LiveRecord.Update(u.type, u.payload));
            }
        }
        return updates;
    }

    private LiveIndex.Op put(long id, long seq, byte kind, int size, Place p) {
        return index.put(id, seq, kind, size, index.segment(p.segment), p.offset, p.frameOffset, p.frameSize);
    }

    RecoveryReport report(long liveRecords) {
        return new RecoveryReport(segmentsRead, frames, liveRecords, damages);
    }

    /** What the files say about one id so far. */
    private static final class State {
        long addSeq = -1;
        byte type;
        /** Where the add's latest copy lies; null while no add was read (its payload is read back at the end). */
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
