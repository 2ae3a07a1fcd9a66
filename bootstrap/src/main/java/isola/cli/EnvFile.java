package isola.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dotenv file as Deno's {@code --env-file} reads it: {@code NAME=value} lines, an optional
 * {@code export}, {@code #} comments (in an unquoted value, after a blank), single quotes taken
 * literally, double quotes with {@code \n}, {@code \t}, {@code \"} and {@code \\} escapes.
 */
final class EnvFile {
  private EnvFile() {}

  static Map<String, String> read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  static Map<String, String> parse(String text) {
    Map<String, String> vars = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("export ")) line = line.substring(7).strip();
      int eq = line.indexOf('=');
      if (eq <= 0) continue;
      String name = line.substring(0, eq).strip();
      String rest = line.substring(eq + 1).strip();
      if (rest.startsWith("\"") || rest.startsWith("'")) {
        char quote = rest.charAt(0);
        StringBuilder value = new StringBuilder();
        String body = rest.substring(1);
        // A quoted value may run over several lines until its closing quote.
        while (true) {
          int end = closingQuote(body, quote);
          if (end >= 0) {
            value.append(body, 0, end);
            break;
          }
          value.append(body).append('\n');
          if (++i >= lines.length) break;
          body = lines[i];
        }
        vars.put(name, quote == '"' ? unescape(value.toString()) : value.toString());
      } else {
        int comment = rest.indexOf(" #");
        vars.put(name, (comment >= 0 ? rest.substring(0, comment) : rest).strip());
      }
    }
    return vars;
  }

  private static int closingQuote(String s, char quote) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quote == '"') i++;
      else if (c == quote) return i;
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(++i);
      out.append(switch (next) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        default -> next;
      });
    }
    return out.toString();
  }
}
