package dev.ferrymq.tck.harness;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ferrymq.tck.harness.CompatResults.Outcome;
import dev.ferrymq.tck.harness.CompatResults.Result;

/**
 * Renders the compatibility report as Markdown and HTML. Stateless and thread-safe.
 */
final class ReportFormat {

    private ReportFormat() {
    }

    static String markdown(List<String> providers, Map<String, List<Result>> bySection, List<Result> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Jakarta Messaging compatibility report\n\n");
        sb.append("Generated ").append(Instant.now()).append(" by tck-tests. Providers: ")
                .append(String.join(", ", providers)).append(".\n\n");
        sb.append("Test cases: ").append(CompatResults.caseCount(all)).append(".");
        for (String p : providers) {
            sb.append(" ").append(p).append(": ").append(summary(all, p)).append(".");
        }
        sb.append("\n\n## Per specification section\n\n| Section | Cases |");
        providers.forEach(p -> sb.append(' ').append(p).append(" pass / fail / skip |"));
        sb.append("\n|---|---:|");
        providers.forEach(p -> sb.append("---|"));
        sb.append('\n');
        for (Map.Entry<String, List<Result>> e : bySection.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(CompatResults.caseCount(e.getValue())).append(" |");
            providers.forEach(p -> sb.append(' ').append(summary(e.getValue(), p)).append(" |"));
            sb.append('\n');
        }
        sb.append("\n## Failures\n\n");
        List<Result> failures = all.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
        if (failures.isEmpty()) {
            sb.append("None.\n");
        }
        failures.forEach(r -> sb.append("- **").append(r.provider()).append("** `").append(r.caseId()).append("` (")
                .append(r.section()).append("): ").append(oneLine(r.detail())).append('\n'));
        sb.append("\n## Exclusions (exclusions.csv)\n\n| Test | Provider | Section | What the provider does |\n|---|---|---|---|\n");
        for (Exclusions.Exclusion x : Exclusions.get().all()) {
            sb.append("| `").append(x.test()).append("` | ").append(x.provider()).append(" | ").append(x.section())
                    .append(" | ").append(x.behaviour().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    static String html(List<String> providers, Map<String, List<Result>> bySection, List<Result> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Jakarta Messaging compatibility report</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right}")
                .append(".fail{background:#fdd}.ok{background:#dfd}.skip{background:#ffd}</style></head><body>\n")
                .append("<h1>Jakarta Messaging compatibility report</h1>\n<p>Generated ").append(Instant.now())
                .append(". Test cases: ").append(CompatResults.caseCount(all)).append('.');
        for (String p : providers) {
            sb.append(" <b>").append(esc(p)).append("</b>: ").append(summary(all, p)).append('.');
        }
        sb.append("</p>\n<h2>Per specification section</h2>\n<table><tr><th>Section</th><th>Cases</th>");
        providers.forEach(p -> sb.append("<th>").append(esc(p)).append(" pass / fail / skip</th>"));
        sb.append("</tr>\n");
        for (Map.Entry<String, List<Result>> e : bySection.entrySet()) {
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">")
                    .append(CompatResults.caseCount(e.getValue())).append("</td>");
            for (String p : providers) {
                long failed = CompatResults.count(e.getValue(), p, Outcome.FAILED);
                long skipped = CompatResults.count(e.getValue(), p, Outcome.SKIPPED);
                String cls = failed > 0 ? "fail" : skipped > 0 ? "skip" : "ok";
                sb.append("<td class=\"").append(cls).append("\">").append(summary(e.getValue(), p)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Failures</h2>\n<ul>\n");
        all.stream().filter(r -> r.outcome() == Outcome.FAILED).forEach(r -> sb.append("<li><b>").append(esc(r.provider()))
                .append("</b> <code>").append(esc(r.caseId())).append("</code> (").append(esc(r.section())).append("): ")
                .append(esc(oneLine(r.detail()))).append("</li>\n"));
        sb.append("</ul>\n<h2>Exclusions (exclusions.csv)</h2>\n<table><tr><th>Test</th><th>Provider</th>")
                .append("<th>Section</th><th>What the provider does</th></tr>\n");
        for (Exclusions.Exclusion x : Exclusions.get().all()) {
            sb.append("<tr><td><code>").append(esc(x.test())).append("</code></td><td>").append(esc(x.provider()))
                    .append("</td><td>").append(esc(x.section())).append("</td><td>").append(esc(x.behaviour()))
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String summary(List<Result> rs, String provider) {
        return CompatResults.count(rs, provider, Outcome.PASSED) + " / " + CompatResults.count(rs, provider, Outcome.FAILED)
                + " / " + CompatResults.count(rs, provider, Outcome.SKIPPED);
    }

    private static String oneLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
