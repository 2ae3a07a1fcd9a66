package isola.isolate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The import map of a Deno project: {@code imports} and {@code scopes} of its {@code deno.json} (or
 * {@code deno.jsonc}), or the file its {@code importMap} field names, found as {@code deno run} finds
 * the config: in the main module's directory or the nearest parent that has one. Resolution follows
 * the WICG import maps algorithm as Deno's import_map crate does (longest key first, "/"-ending keys
 * as prefixes, scopes before the top-level imports).
 *
 * <p>Immutable once built; one per isolate.
 */
final class ImportMap {
  private static final JsonMapper JSONC = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);
  /** Keys longest (most specific) first: the spec's descending code unit order. */
  private static final Comparator<String> SPECIFIC_FIRST = Comparator.reverseOrder();

  /** specifier key -> address URL, or null for an entry that blocks. */
  private final Map<String, String> imports;
  /** scope prefix URL -> its specifier map. */
  private final Map<String, Map<String, String>> scopes;
  private final List<String> diagnostics;
  private final String warnings;

  private ImportMap(Map<String, String> imports, Map<String, Map<String, String>> scopes,
      List<String> diagnostics, String warnings) {
    this.imports = imports;
    this.scopes = scopes;
    this.diagnostics = List.copyOf(diagnostics);
    this.warnings = warnings;
  }

  /** A config file that cannot be read or parsed: Deno's message, and the run ends. */
  static final class ConfigError extends RuntimeException {
    ConfigError(String message) {
      super(message);
    }
  }

  /**
   * The import map of config file {@code config} ({@code --config}; "" for none, {@code --no-config};
   * null to find it from {@code dir}), or null when there is none.
   */
  static ImportMap load(String config, Path dir) {
    if (config == null) return discover(dir);
    if (config.isEmpty()) return null;
    Path file = Path.of(config);
    if (!Files.isRegularFile(file)) {
      throw new ConfigError("Error reading config file '" + file.toUri() + "'.\n\nCaused by:\n"
          + "    No such file or directory (os error 2)");
    }
    return fromConfig(file);
  }

  /** The import map for a program whose main module lives in {@code dir}, or null when there is none. */
  private static ImportMap discover(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String name : new String[] {"deno.json", "deno.jsonc"}) {
        Path config = d.resolve(name);
        if (Files.isRegularFile(config)) return fromConfig(config);
      }
    }
    return null;
  }

  private static ImportMap fromConfig(Path config) {
    JsonNode json = read(config, "Failed deserializing config file");
    if (json.has("imports") || json.has("scopes")) {
      ImportMap map = parse(json, config.toUri().toString());
      if (!json.has("importMap")) return map;
      // Deno 2.9 prints this warning twice.
      String warning = "Warning \"importMap\" field is ignored when \"imports\" or \"scopes\" are specified"
          + " in the config file.\n    at " + config.toUri() + "\n";
      return new ImportMap(map.imports, map.scopes, map.diagnostics, warning + warning);
    }
    JsonNode file = json.get("importMap");
    if (file == null || !file.isTextual()) return null;
    URI mapUrl = config.toUri().resolve(file.asText());
    if (!"file".equals(mapUrl.getScheme())) return null;
    Path map = Path.of(mapUrl);
    return parse(read(map, "Unable to load import map"), map.toUri().toString());
  }

  private static JsonNode read(Path file, String what) {
    try {
      JsonNode json = JSONC.readTree(Files.readString(file));
      if (json == null || !json.isObject()) throw new ConfigError(what + " '" + file.toUri() + "'.");
      return json;
    } catch (JsonProcessingException e) {
      throw new ConfigError(what + " '" + file.toUri() + "'.\n\nCaused by:\n    " + cause(e));
    } catch (IOException e) {
      throw new ConfigError("Error reading config file '" + file.toUri() + "'.");
    }
  }

  /** Deno's words for the commonest syntax error, an object or array left open; else Jackson's. */
  private static String cause(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input") && e.getLocation() != null) {
      String what = message.contains("Array") ? "array" : "object";
      return "Unterminated " + what + " on line " + e.getLocation().getLineNr() + " column "
          + e.getLocation().getColumnNr();
    }
    return message;
  }

  /** The map in {@code json} ({@code imports}, {@code scopes}), its relative addresses against {@code base}. */
  static ImportMap parse(JsonNode json, String base) {
    List<String> diagnostics = new ArrayList<>();
    Map<String, String> imports = json.path("imports").isObject()
        ? specifierMap(json.get("imports"), base, diagnostics) : Map.of();
    Map<String, Map<String, String>> scopes = new java.util.TreeMap<>(SPECIFIC_FIRST);
    if (json.path("scopes").isObject()) {
      for (var it = json.get("scopes").fields(); it.hasNext(); ) {
        var scope = it.next();
        String prefix = resolveUrl(scope.getKey(), base);
        if (prefix == null) {
          diagnostics.add("Invalid scope \"" + scope.getKey() + "\" (parsed against base URL \"" + base + "\").");
        } else if (scope.getValue().isObject()) {
          scopes.put(prefix, specifierMap(scope.getValue(), base, diagnostics));
        }
      }
    }
    return new ImportMap(imports, scopes, diagnostics, "");
  }

  private static Map<String, String> specifierMap(JsonNode map, String base, List<String> diagnostics) {
    Map<String, String> result = new java.util.TreeMap<>(SPECIFIC_FIRST);
    for (var it = map.fields(); it.hasNext(); ) {
      var entry = it.next();
      String key = entry.getKey();
      if (key.isEmpty()) {
        diagnostics.add("Invalid empty string specifier.");
        continue;
      }
      String urlKey = urlLike(key, base);
      String normalized = urlKey != null ? urlKey : key;
      JsonNode value = entry.getValue();
      String address = null;
      if (!value.isTextual()) {
        diagnostics.add("Invalid address \"" + value + "\" for the specifier key \"" + key
            + "\". Addresses must be strings.");
      } else {
        address = urlLike(value.asText(), base);
        if (address == null) {
          diagnostics.add("Invalid address \"" + value.asText() + "\" for the specifier key \"" + key + "\".");
        } else if (key.endsWith("/") && !address.endsWith("/")) {
          diagnostics.add("Invalid target address \"" + address + "\" for package specifier \"" + key
              + "\". Package address targets must end with \"/\".");
          address = null;
        }
      }
      result.put(normalized, address);
    }
    return result;
  }

  /**
   * What Deno prints on stderr before it runs: warnings about the config, then the entries of the map
   * it ignores or turns into blocks under "Resolver diagnostics:"; empty when all is well.
   */
  String report() {
    if (diagnostics.isEmpty()) return warnings;
    StringBuilder report = new StringBuilder(warnings).append("Resolver diagnostics:\n");
    diagnostics.forEach(d -> report.append("  - Import map: ").append(d).append('\n'));
    return report.toString();
  }

  /**
   * The URL {@code specifier} imported from {@code referrer} (a URL) maps to, or null when the map has
   * no entry for it. Throws {@link NodeResolver.Failure} for an entry that blocks.
   */
  String resolve(String specifier, String referrer) {
    String asUrl = urlLike(specifier, referrer);
    String normalized = asUrl != null ? asUrl : specifier;
    for (var scope : scopes.entrySet()) {
      String prefix = scope.getKey();
      if (prefix.equals(referrer) || (prefix.endsWith("/") && referrer.startsWith(prefix))) {
        String found = match(normalized, asUrl, scope.getValue());
        if (found != null) return found;
      }
    }
    return match(normalized, asUrl, imports);
  }

  private static String match(String normalized, String asUrl, Map<String, String> map) {
    for (var entry : map.entrySet()) {
      String key = entry.getKey();
      String address = entry.getValue();
      if (key.equals(normalized)) {
        if (address == null) throw blocked(key);
        return address;
      }
      if (key.endsWith("/") && normalized.startsWith(key) && (asUrl == null || hierarchical(asUrl))) {
        if (address == null) throw blocked(key);
        String after = normalized.substring(key.length());
        String url = hierarchical(address) ? resolveUrl(after, address) : address + after;
        if (url == null || !url.startsWith(address)) {
          throw new NodeResolver.Failure("Invalid address \"" + address + after + "\" for the specifier key \""
              + key + "\". The specifier \"" + normalized + "\" backtracks above its prefix \"" + key + "\"");
        }
        return url;
      }
    }
    return null;
  }

  private static NodeResolver.Failure blocked(String key) {
    return new NodeResolver.Failure("Blocked by null entry for \"\"" + key + "\"\"");
  }

  /** A relative ("./", "../", "/") or absolute URL specifier resolved against {@code base}; else null. */
  private static String urlLike(String specifier, String base) {
    if (specifier.startsWith("/") || specifier.startsWith("./") || specifier.startsWith("../")) {
      return resolveUrl(specifier, base);
    }
    return SCHEME.matcher(specifier).matches() ? specifier : null;
  }

  private static boolean hierarchical(String url) {
    return url.startsWith("file:") || url.startsWith("http:") || url.startsWith("https:");
  }

  private static String resolveUrl(String relative, String base) {
    if (SCHEME.matcher(relative).matches()) return relative;
    try {
      URI resolved = new URI(base).resolve(new URI(null, null, relative, null).getRawPath());
      if (!"file".equals(resolved.getScheme())) return resolved.toString();
      return "file://" + resolved.getRawPath();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
