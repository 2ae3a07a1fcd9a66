package isola.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end-to-end case: {@code NAME.js} with its expected stdout ({@code NAME.out}, exact unless it
 * holds {@code [WILDCARD]}, as test-runner timings do; none means empty), stderr ({@code NAME.err}, a pattern where {@code [WILDCARD]} matches anything; none means
 * empty) and exit code. Header comments in the script set the rest:
 * {@code // @args run --allow-read %FILE% a b} (the isola argv, default {@code run %FILE%}) and
 * {@code // @exit 1} (default 0). The script runs with its own directory as the working directory.
 */
record Fixture(Path script, List<String> argv, int exitCode, String stdout, String stderrPattern) {
  private static final Pattern HEADER = Pattern.compile("^// @(args|exit) (.*)$", Pattern.MULTILINE);

  static Fixture load(Path script) throws IOException {
    String text = Files.readString(script);
    List<String> argv = List.of("run", "%FILE%");
    int exit = 0;
    Matcher m = HEADER.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("args")) argv = List.of(m.group(2).trim().split("\\s+"));
      else exit = Integer.parseInt(m.group(2).trim());
    }
    String base = script.getFileName().toString().replaceFirst("\\.[cm]?[jt]s$", "");
    Path out = script.resolveSibling(base + ".out");
    Path err = script.resolveSibling(base + ".err");
    List<String> resolved = new ArrayList<>();
    for (String a : argv) resolved.add(a.replace("%FILE%", script.getFileName().toString()));
    return new Fixture(
        script,
        List.copyOf(resolved),
        exit,
        Files.exists(out) ? Files.readString(out) : "",
        Files.exists(err) ? Files.readString(err) : "");
  }

  String name() {
    return script.getParent().getFileName() + "/" + script.getFileName();
  }

  /** Deno's spec-test convention: the pattern is literal text except {@code [WILDCARD]}. */
  static boolean matches(String pattern, String actual) {
    StringBuilder regex = new StringBuilder("(?s)");
    int from = 0;
    int at;
    while ((at = pattern.indexOf("[WILDCARD]", from)) >= 0) {
      regex.append(Pattern.quote(pattern.substring(from, at))).append(".*");
      from = at + "[WILDCARD]".length();
    }
    regex.append(Pattern.quote(pattern.substring(from)));
    return Pattern.compile(regex.toString()).matcher(actual).matches();
  }
}
