package dev.ferrymq.store.file;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which ids are live and where their live ops lie: per id the (sequence, file, size) of its add
 * and updates, per file the bytes still live. The writer uses it to check batches, to delete
 * files with nothing live and to pick files to compact.
 *
 * <p>Threading: confined to the journal's writer thread (and the opening thread before the
 * writer starts).
 */
final class LiveIndex {

    /** One journal file's accounting. */
    static final class Segment {
        final long number;
        final Path path;
        long totalBytes;
        long liveBytes;
        int liveOps;

        Segment(long number, Path path, long totalBytes) {
            this.number = number;
            this.path = path;
            this.totalBytes = totalBytes;
        }
    }

    /** The live ops of one id: parallel arrays of sequence, segment number and encoded size. */
    private static final class Entry {
        long[] seqs = new long[1];
        long[] segs = new long[1];
        int[] sizes = new int[1];
        int count;

        void put(long seq, long seg, int size) {
            if (count == seqs.length) {
                int n = count * 2;
                seqs = java.util.Arrays.copyOf(seqs, n);
                segs = java.util.Arrays.copyOf(segs, n);
                sizes = java.util.Arrays.copyOf(sizes, n);
            }
            seqs[count] = seq;
            segs[count] = seg;
            sizes[count] = size;
            count++;
        }

        int indexOf(long seq) {
            for (int i = 0; i < count; i++) {
                if (seqs[i] == seq) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final Map<Long, Entry> live = new HashMap<>();
    private long diskBytes;
    private long liveBytes;

    void addSegment(Segment s) {
        segments.put(s.number, s);
        diskBytes += s.totalBytes;
    }

    void grow(Segment s, long bytes) {
        s.totalBytes += bytes;
        diskBytes += bytes;
    }

    void setSize(Segment s, long bytes) {
        diskBytes += bytes - s.totalBytes;
        s.totalBytes = bytes;
    }

    void removeSegment(Segment s) {
        segments.remove(s.number);
        diskBytes -= s.totalBytes;
    }

    Segment segment(long number) {
        return segments.get(number);
    }

    Segment oldest() {
        Map.Entry<Long, Segment> e = segments.firstEntry();
        return e == null ? null : e.getValue();
    }

    int segmentCount() {
        return segments.size();
    }

    boolean isLive(long id) {
        return live.containsKey(id);
    }

    /** Records an add or update op of {@code id} in segment {@code seg}. */
    void put(long id, long seq, Segment seg, int size) {
        live.computeIfAbsent(id, k -> new Entry()).put(seq, seg.number, size);
        seg.liveBytes += size;
        seg.liveOps++;
        liveBytes += size;
    }

    /** Deletes {@code id}: all its ops become dead. */
    void delete(long id) {
        Entry e = live.remove(id);
        if (e == null) {
            return;
        }
        for (int i = 0; i < e.count; i++) {
            Segment s = segments.get(e.segs[i]);
            if (s != null) {
                s.liveBytes -= e.sizes[i];
                s.liveOps--;
            }
            liveBytes -= e.sizes[i];
        }
    }

    /** True when the op {@code seq} of {@code id} is live and its current copy is in {@code seg}. */
    boolean isLiveCopy(long id, long seq, Segment seg) {
        Entry e = live.get(id);
        if (e == null) {
            return false;
        }
        int i = e.indexOf(seq);
        return i >= 0 && e.segs[i] == seg.number;
    }

    /** Moves the live op {@code seq} of {@code id} to segment {@code to} (compaction copied it there). */
    void move(long id, long seq, Segment to) {
        Entry e = live.get(id);
        int i = e.indexOf(seq);
        Segment from = segments.get(e.segs[i]);
        if (from != null) {
            from.liveBytes -= e.sizes[i];
            from.liveOps--;
        }
        e.segs[i] = to.number;
        to.liveBytes += e.sizes[i];
        to.liveOps++;
    }

    long liveRecords() {
        return live.size();
    }

    long liveBytes() {
        return liveBytes;
    }

    long diskBytes() {
        return diskBytes;
    }
}
