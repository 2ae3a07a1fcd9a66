package isola.isolate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a CommonJS module exports to ES importers, found in its text without running it, as Node's
 * cjs-module-lexer finds them: {@code exports.x =}, {@code module.exports.x =}, {@code exports["x"] =},
 * {@code Object.defineProperty(exports, "x", ...)}, {@code module.exports = { a, b: ..., ...require("y") }}
 * and re-exports ({@code module.exports = require("y")}, {@code __exportStar(require("y"), exports)}).
 * A name found is exported even if the code never sets it (Deno and Node do the same).
 */
final class CjsExports {
  private static final String EXPORTS = "(?<![\\w$.])(?:module\\s*\\.\\s*)?exports";
  private static final String STRING = "(['\"])((?:(?!\\1)[^\\\\\\n])*)\\1";
  private static final Pattern DOT_ASSIGN =
      Pattern.compile(EXPORTS + "\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*=(?!=)");
  private static final Pattern BRACKET_ASSIGN =
      Pattern.compile(EXPORTS + "\\s*\\[\\s*" + STRING + "\\s*\\]\\s*=(?!=)");
  private static final Pattern DEFINE =
      Pattern.compile("Object\\.defineProperty\\(\\s*" + EXPORTS + "\\s*,\\s*" + STRING);
  private static final Pattern REEXPORT = Pattern.compile(
      "(?:(?<![\\w$.])module\\.exports\\s*=\\s*|__exportStar\\(\\s*|__export\\(\\s*)require\\(\\s*" + STRING + "\\s*\\)");
  private static final Pattern OBJECT = Pattern.compile("(?<![\\w$.])module\\.exports\\s*=\\s*\\{");
  private static final Pattern KEY =
      Pattern.compile("^(?:([A-Za-z_$][\\w$]*)|\"([^\"\\\\\\n]*)\"|'([^'\\\\\\n]*)')\\s*(?:$|[:(])");
  private static final Pattern SPREAD_REQUIRE =
      Pattern.compile("^\\.\\.\\.\\s*require\\(\\s*" + STRING + "\\s*\\)\\s*$");

  private CjsExports() {}

  /** The names module {@code file} exports, its re-exports followed through {@code resolver}. */
  static Set<String> of(Path file, String text, NodeResolver resolver) {
    Set<String> names = new LinkedHashSet<>();
    collect(file, text, resolver, names, new java.util.HashSet<>());
    names.remove("default");
    return names;
  }

  private static void collect(Path file, String text, NodeResolver resolver, Set<String> names, Set<Path> seen) {
    if (!seen.add(file)) return;
    List<String> reexports = new ArrayList<>();
    Matcher m = DOT_ASSIGN.matcher(text);
    while (m.find()) names.add(m.group(1));
    m = BRACKET_ASSIGN.matcher(text);
    while (m.find()) names.add(m.group(2));
    m = DEFINE.matcher(text);
    while (m.find()) names.add(m.group(2));
    m = REEXPORT.matcher(text);
    while (m.find()) reexports.add(m.group(2));
    m = OBJECT.matcher(text);
    while (m.find()) objectKeys(text, m.end(), names, reexports);
    for (String specifier : reexports) {
      try {
        String target = resolver.resolveRequire(specifier, file);
        Path path = Path.of(target);
        if (target.startsWith("node:") || !resolver.isCommonJs(path)) continue;
        collect(path, Files.readString(path), resolver, names, seen);
      } catch (IOException | IllegalArgumentException e) {
        // Node skips a re-export it cannot follow.
      }
    }
  }

  /** The keys of the object literal starting after {@code start} ("{" consumed). */
  private static void objectKeys(String text, int start, Set<String> names, List<String> reexports) {
    int depth = 0;
    int entryStart = start;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(text, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == '}')) {
        entry(text.substring(entryStart, i).trim(), names, reexports);
        if (c == '}') return;
        entryStart = i + 1;
      }
    }
  }

  private static int skipString(String text, int open) {
    char quote = text.charAt(open);
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == quote) return i;
    }
    return text.length();
  }

  private static void entry(String entry, Set<String> names, List<String> reexports) {
    Matcher spread = SPREAD_REQUIRE.matcher(entry);
    if (spread.matches()) {
      reexports.add(spread.group(2));
      return;
    }
    Matcher key = KEY.matcher(entry);
    if (!key.find()) return;
    names.add(key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2) : key.group(3));
  }
}
