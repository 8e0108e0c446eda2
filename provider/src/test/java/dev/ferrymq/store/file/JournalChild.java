package dev.ferrymq.store.file;

import dev.ferrymq.store.AppendCallback;
import dev.ferrymq.store.Batch;
import dev.ferrymq.store.Journal;
import dev.ferrymq.store.JournalConfig;
import dev.ferrymq.store.RecoveryListener;
import dev.ferrymq.store.StoreException;
import dev.ferrymq.store.journals.Journals;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The program a test runs in a child JVM. {@code append <dir> <seed>}: appends records from four
 * threads forever, two asynchronously and two waiting for each append (so that they write rounds
 * themselves when the journal is idle), deleting two in three once acknowledged (so compaction
 * runs), and prints {@code A <id>} once an add is durable and {@code D <id>} once a delete is, until it is killed. {@code lock <dir>}: tries to
 * open the directory and prints {@code OPENED} or {@code LOCKED <message>}.
 */
public final class JournalChild {

    static final int FILE_SIZE = 64 * 1024;

    private JournalChild() {
    }

    /** The payload of record {@code id}: its length and bytes follow from the id, so the parent can check it. */
    static byte[] payload(long id) {
        byte[] b = new byte[(int) (id * 7919 % 3000)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (id + i);
        }
        return b;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        Path dir = Path.of(args[1]);
        JournalConfig config = JournalConfig.file(dir).withJournalFileSize(FILE_SIZE);
        if (args[0].equals("lock")) {
            try (Journal j = Journals.open(config, RecoveryListener.IGNORE)) {
                out.println("OPENED");
            } catch (StoreException e) {
                out.println("LOCKED " + e.getMessage());
            }
            return;
        }
        Journal journal = Journals.open(config, RecoveryListener.IGNORE);
        out.println("OPEN");
        for (int t = 0; t < 4; t++) {
            Thread worker = t < 2 ? new Thread(() -> produce(journal, out)) : new Thread(() -> produceWaiting(journal, out));
            worker.start();
        }
        Thread.currentThread().join();
    }

    /**
     * As a synchronous producer does: each add and delete through {@link Journal#appendWaiting},
     * waiting for it, so this thread writes and forces rounds itself whenever the journal is idle.
     */
    private static void produceWaiting(Journal journal, PrintStream out) {
        while (true) {
            long id = journal.nextId();
            if (!appendAndWait(journal, Batch.add(id, (byte) 1, payload(id)), "A " + id, out)) {
                return;
            }
            if (id % 3 != 0 && !appendAndWait(journal, Batch.delete(id), "D " + id, out)) {
                return;
            }
        }
    }

    private static boolean appendAndWait(Journal journal, Batch batch, String durableLine, PrintStream out) {
        Semaphore done = new Semaphore(0);
        boolean[] ok = new boolean[1];
        journal.appendWaiting(batch, new AppendCallback() {
            @Override
            public void onDurable() {
                out.println(durableLine);
                ok[0] = true;
                done.release();
            }

            @Override
            public void onFailed(StoreException error) {
                out.println("F " + error);
                done.release();
            }
        });
        done.acquireUninterruptibly();
        return ok[0];
    }

    private static void produce(Journal journal, PrintStream out) {
        Semaphore inFlight = new Semaphore(8);
        while (true) {
            inFlight.acquireUninterruptibly();
            long id = journal.nextId();
            journal.append(Batch.add(id, (byte) 1, payload(id)), new AppendCallback() {
                @Override
                public void onDurable() {
                    out.println("A " + id);
                    if (id % 3 != 0) {
                        journal.append(Batch.delete(id), new AppendCallback() {
                            @Override
                            public void onDurable() {
                                out.println("D " + id);
                                inFlight.release();
                            }

                            @Override
                            public void onFailed(StoreException error) {
                                out.println("F " + error);
                                inFlight.release();
                            }
                        });
                    } else {
                        inFlight.release();
                    }
                }

                @Override
                public void onFailed(StoreException error) {
                    out.println("F " + error);
                    inFlight.release();
                }
            });
        }
    }
}
