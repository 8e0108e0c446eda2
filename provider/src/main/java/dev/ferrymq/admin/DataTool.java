package dev.ferrymq.admin;

/**
 * The command-line tool for a stopped broker's data directory:
 *
 * <pre>
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; list
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; browse &lt;queue&gt; [max]
 * java -cp ferrymq-provider.jar dev.ferrymq.admin.DataTool &lt;dataDirectory&gt; move &lt;deadLetterQueue&gt;
 * </pre>
 *
 * {@code list} prints each queue and durable subscription holding messages with its depth;
 * {@code browse} one line per available message; {@code move} moves the messages of a dead-letter
 * (or expiry) queue back to where they were sent. It refuses a directory a running broker holds.
 * Exit status: 0 done, 1 usage, 2 the directory cannot be opened, 3 the command failed.
 *
 * <p>Threading contract: a command-line entry point; it ends the JVM with its exit status.
 */
public final class DataTool {

    private DataTool() {
    }

    public static void main(String[] args) {
        dev.ferrymq.engine.admin.DataTool.main(args);
    }
}
