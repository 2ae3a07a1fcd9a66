package isola.isolate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node's module resolution as Deno 2.9 does it for a project with a {@code package.json} and a local
 * {@code node_modules}: bare names and {@code npm:} specifiers found by walking up from the importer,
 * {@code package.json} {@code exports} / {@code imports} with Deno's conditions, {@code main} with
 * CommonJS's extension and directory rules, and whether a file is CommonJS. Offline: only the disk.
 *
 * <p>One per isolate; called on the isolate's thread (module loading and {@code require}).
 */
final class NodeResolver {
  /** Deno's conditions for an ES import: "deno" first, then Node's ("import" after "node"). */
  static final List<String> IMPORT_CONDITIONS = List.of("deno", "node", "import", "default");
  /** Deno's conditions for require (no "deno"). */
  static final List<String> REQUIRE_CONDITIONS = List.of("node", "require", "default");

  /** A specifier that does not resolve, with Deno's message. */
  static final class Failure extends IllegalArgumentException {
    Failure(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NPM =
      Pattern.compile("^npm:/?((?:@[^/@]+/)?[^/@]+)(?:@([^/]*))?(/.*)?$");
  private static final Pattern ESM_SYNTAX = Pattern.compile(
      "(?m)^[ \\t]*(?:import(?:[ \\t]+[\\w{*\"']|[ \\t]*[{*\"'])|import\\.meta|export(?:[ \\t]+[\\w{*]|[ \\t]*[{*]))");

  private final Map<Path, Optional<JsonNode>> packageJsons = new ConcurrentHashMap<>();
  private final Map<Path, Boolean> commonJs = new ConcurrentHashMap<>();
  private final Path projectDir;

  /** {@code projectDir}: where {@code npm:} specifiers are looked up (the main module's directory). */
  NodeResolver(Path projectDir) {
    this.projectDir = projectDir;
  }

  /** Not relative, not absolute and not a URL: a package name, a package subpath or a "#" import. */
  static boolean isBare(String specifier) {
    if (specifier.isEmpty() || specifier.startsWith("/") || specifier.startsWith("./")
        || specifier.startsWith("../") || specifier.equals(".") || specifier.equals("..")) {
      return false;
    }
    return !specifier.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  /**
   * The file an ES module at {@code referrer} imports by bare {@code specifier}, or
   * {@code "node:NAME"} for a built-in named without its prefix inside a package.
   */
  String resolveImport(String specifier, Path referrer) {
    Path dir = referrer.getParent();
    if (specifier.startsWith("#")) return packageImports(specifier, referrer, IMPORT_CONDITIONS, true);
    if (NodeBuiltins.isBuiltin(specifier) && insidePackage(referrer)) return "node:" + specifier;
    return packageResolve(specifier, dir, referrer, IMPORT_CONDITIONS, true);
  }

  /** The file of {@code npm:name[@range][/subpath]}, from the project's node_modules. */
  Path resolveNpm(String specifier, Path referrer) {
    Matcher m = NPM.matcher(specifier);
    if (!m.matches()) throw new Failure("Invalid npm specifier '" + specifier + "'.");
    String name = m.group(1);
    String range = m.group(2) == null ? "" : m.group(2);
    Path pkg = findPackage(name, projectDir);
    if (pkg == null || !VersionRange.satisfies(range, version(pkg))) {
      throw new Failure("Could not find a matching package for 'npm:" + name
          + (range.isEmpty() ? "" : "@" + range) + "' in the node_modules directory. Ensure you have all"
          + " your JSR and npm dependencies listed in your deno.json or package.json, then run `deno"
          + " install`. Alternatively, turn on auto-install by specifying `\"nodeModulesDir\": \"auto\"`"
          + " in your deno.json file.");
    }
    String subpath = m.group(3) == null ? "." : "." + m.group(3);
    return Path.of(packageEntry(pkg, subpath, name + subpath.substring(1), referrer,
        IMPORT_CONDITIONS, true));
  }

  /**
   * The file {@code require(specifier)} loads from a module at {@code referrer}, or {@code "node:NAME"}
   * for a built-in.
   */
  String resolveRequire(String specifier, Path referrer) {
    if (specifier.startsWith("node:")) return specifier;
    if (NodeBuiltins.isBuiltin(specifier)) return "node:" + specifier;
    Path dir = referrer.getParent();
    if (specifier.startsWith("#")) return packageImports(specifier, referrer, REQUIRE_CONDITIONS, false);
    if (!isBare(specifier)) {
      Path base = specifier.startsWith("/") ? Path.of(specifier) : dir.resolve(specifier).normalize();
      Path found = loadAsFile(base);
      if (found == null) found = loadAsDirectory(base);
      if (found == null) throw cannotFind(specifier, referrer);
      return found.toString();
    }
    return packageResolve(specifier, dir, referrer, REQUIRE_CONDITIONS, false);
  }

  private static Failure cannotFind(String specifier, Path referrer) {
    return new Failure("Cannot find module '" + specifier + "'\nRequire stack:\n- " + referrer);
  }

  /** Whether {@code file} runs as CommonJS: .cjs, "type": "commonjs", or in a package without ESM syntax. */
  boolean isCommonJs(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".cjs")) return true;
    if (!name.endsWith(".js")) return false;
    return commonJs.computeIfAbsent(file, f -> {
      String type = packageType(f.getParent());
      if (type != null) return type.equals("commonjs");
      if (!insidePackage(f)) return false;
      try {
        return !ESM_SYNTAX.matcher(ModuleTexts.text(f)).find();
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** Whether {@code file} belongs to a package in a node_modules folder. */
  static boolean insidePackage(Path file) {
    for (Path part : file) {
      if (part.toString().equals("node_modules")) return true;
    }
    return false;
  }

  private String packageType(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) return null;
      JsonNode pj = packageJson(d);
      if (pj != null) return pj.path("type").isTextual() ? pj.get("type").asText() : null;
    }
    return null;
  }

  private String packageResolve(
      String specifier, Path dir, Path referrer, List<String> conditions, boolean esm) {
    int slash = specifier.indexOf('/');
    if (specifier.startsWith("@")) {
      if (slash < 0) throw notADependency(specifier);
      slash = specifier.indexOf('/', slash + 1);
    }
    String name = slash < 0 ? specifier : specifier.substring(0, slash);
    String subpath = slash < 0 ? "." : "." + specifier.substring(slash);
    Path pkg = findPackage(name, dir);
    if (pkg == null) {
      if (esm) throw notADependency(specifier);
      throw cannotFind(specifier, referrer);
    }
    return packageEntry(pkg, subpath, specifier, referrer, conditions, esm);
  }

  private static Failure notADependency(String specifier) {
    return new Failure("Import \"" + specifier + "\" not a dependency" + addHint(specifier));
  }

  /**
   * Deno's hint after "not a dependency": the whole specifier as a package to add, unless its last
   * part looks like a file name (has a dot) or it is a bare scope.
   */
  static String addHint(String specifier) {
    String last = specifier.substring(specifier.lastIndexOf('/') + 1);
    if (last.contains(".") || (specifier.startsWith("@") && !specifier.contains("/"))) return "";
    return specifier.startsWith("@")
        ? "\n  hint: If you want to use a JSR or npm package, try running `deno add jsr:" + specifier
            + "` or `deno add npm:" + specifier + "`"
        : "\n  hint: If you want to use the npm package, try running `deno add npm:" + specifier + "`";
  }

  private Path findPackage(String name, Path from) {
    for (Path d = from; d != null; d = d.getParent()) {
      if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) continue;
      Path candidate = d.resolve("node_modules").resolve(name);
      if (Files.isDirectory(candidate)) return candidate;
    }
    return null;
  }

  private String version(Path pkg) {
    JsonNode pj = packageJson(pkg);
    return pj == null ? "" : pj.path("version").asText("");
  }

  /** The file {@code subpath} of package {@code pkg} names: through "exports" if any, else main and files. */
  private String packageEntry(
      Path pkg, String subpath, String specifier, Path referrer, List<String> conditions, boolean esm) {
    JsonNode pj = packageJson(pkg);
    JsonNode exports = pj == null ? null : pj.get("exports");
    if (exports != null && !exports.isNull()) {
      String target = exportsResolve(pkg, subpath, exports, conditions);
      if (target == null) {
        throw new Failure("[ERR_PACKAGE_PATH_NOT_EXPORTED] " + (subpath.equals(".")
            ? "No \"exports\" main defined" : "Package subpath '" + subpath + "' is not defined by \"exports\"")
            + " in '" + pkg.resolve("package.json") + "'" + importedFrom(referrer));
      }
      if (target.startsWith("node:")) return target;
      if (!Files.isRegularFile(Path.of(target))) {
        if (!esm) throw cannotFind(specifier, referrer);
        throw new Failure("[ERR_MODULE_NOT_FOUND] Cannot find module '" + Path.of(target).toUri() + "'"
            + importedFrom(referrer));
      }
      return target;
    }
    Path found;
    if (subpath.equals(".")) {
      found = loadAsDirectory(pkg);
    } else {
      Path base = pkg.resolve(subpath.substring(2));
      found = loadAsFile(base);
      if (found == null) found = loadAsDirectory(base);
    }
    if (found == null) {
      if (!esm) throw cannotFind(specifier, referrer);
      throw new Failure("[ERR_MODULE_NOT_FOUND] Cannot find module '"
          + pkg.resolve(subpath.substring(subpath.equals(".") ? 1 : 2)).toUri() + "'" + importedFrom(referrer));
    }
    return found.toString();
  }

  private static String importedFrom(Path referrer) {
    return referrer == null ? "" : " imported from '" + referrer.toUri() + "'";
  }

  private String packageImports(String specifier, Path referrer, List<String> conditions, boolean esm) {
    for (Path d = referrer.getParent(); d != null; d = d.getParent()) {
      if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) break;
      JsonNode pj = packageJson(d);
      if (pj == null) continue;
      JsonNode imports = pj.get("imports");
      String target = imports == null ? null : mapResolve(d, specifier, imports, conditions);
      if (target == null) {
        throw new Failure("[ERR_PACKAGE_IMPORT_NOT_DEFINED] Package import specifier \"" + specifier
            + "\" is not defined in package " + d.resolve("package.json") + importedFrom(referrer));
      }
      if (!target.startsWith("/") && !target.startsWith("node:")) {
        return packageResolve(target, d, referrer, conditions, esm);
      }
      return target;
    }
    throw new Failure("[ERR_PACKAGE_IMPORT_NOT_DEFINED] Package import specifier \"" + specifier
        + "\" is not defined" + importedFrom(referrer));
  }

  private String exportsResolve(Path pkg, String subpath, JsonNode exports, List<String> conditions) {
    boolean sugar = !exports.isObject();
    if (exports.isObject()) {
      var names = exports.fieldNames();
      sugar = names.hasNext() && !names.next().startsWith(".");
    }
    if (sugar) return subpath.equals(".") ? target(pkg, exports, null, conditions) : null;
    return mapResolve(pkg, subpath, exports, conditions);
  }

  /** Node's PACKAGE_IMPORTS_EXPORTS_RESOLVE: an exact key, else the longest matching "*" pattern. */
  private String mapResolve(Path pkg, String key, JsonNode map, List<String> conditions) {
    if (map.has(key) && !key.contains("*")) return target(pkg, map.get(key), null, conditions);
    String bestKey = null;
    String bestMatch = null;
    for (var it = map.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      int star = k.indexOf('*');
      if (star < 0 || k.indexOf('*', star + 1) >= 0) continue;
      String prefix = k.substring(0, star);
      String suffix = k.substring(star + 1);
      if (key.startsWith(prefix) && !key.equals(prefix) && key.endsWith(suffix)
          && key.length() >= k.length() && (bestKey == null || patternKeyCompare(bestKey, k) > 0)) {
        bestKey = k;
        bestMatch = key.substring(prefix.length(), key.length() - suffix.length());
      }
    }
    return bestKey == null ? null : target(pkg, map.get(bestKey), bestMatch, conditions);
  }

  private static int patternKeyCompare(String a, String b) {
    int baseA = a.indexOf('*');
    int baseB = b.indexOf('*');
    if (baseA != baseB) return baseA > baseB ? -1 : 1;
    return Integer.compare(b.length(), a.length());
  }

  /** Node's PACKAGE_TARGET_RESOLVE; null when the target names nothing for these conditions. */
  private String target(Path pkg, JsonNode target, String match, List<String> conditions) {
    if (target == null || target.isNull()) return null;
    if (target.isTextual()) {
      String t = target.asText();
      if (match != null) t = t.replace("*", match);
      if (!t.startsWith("./")) return t.startsWith("node:") || (!t.startsWith("/") && !t.contains(":")) ? t : null;
      return pkg.resolve(t.substring(2)).normalize().toString();
    }
    if (target.isArray()) {
      for (JsonNode item : target) {
        String r = target(pkg, item, match, conditions);
        if (r != null) return r;
      }
      return null;
    }
    if (target.isObject()) {
      for (var it = target.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().equals("default") || conditions.contains(e.getKey())) {
          String r = target(pkg, e.getValue(), match, conditions);
          if (r != null) return r;
        }
      }
    }
    return null;
  }

  /** CommonJS LOAD_AS_FILE: the exact file, then with .js, .json. */
  private static Path loadAsFile(Path base) {
    if (Files.isRegularFile(base)) return base;
    for (String ext : new String[] {".js", ".json"}) {
      Path p = base.resolveSibling(base.getFileName() + ext);
      if (Files.isRegularFile(p)) return p;
    }
    return null;
  }

  /** CommonJS LOAD_AS_DIRECTORY: package.json "main" (as file, then as directory), then index.js. */
  private Path loadAsDirectory(Path dir) {
    if (!Files.isDirectory(dir)) return null;
    JsonNode pj = packageJson(dir);
    if (pj != null && pj.path("main").isTextual()) {
      Path main = dir.resolve(pj.get("main").asText()).normalize();
      Path found = loadAsFile(main);
      if (found == null) found = loadIndex(main);
      if (found != null) return found;
    }
    return loadIndex(dir);
  }

  private static Path loadIndex(Path dir) {
    for (String index : new String[] {"index.js", "index.json"}) {
      Path p = dir.resolve(index);
      if (Files.isRegularFile(p)) return p;
    }
    return null;
  }

  private JsonNode packageJson(Path dir) {
    return packageJsons.computeIfAbsent(dir, d -> {
      Path file = d.resolve("package.json");
      if (!Files.isRegularFile(file)) return Optional.empty();
      try {
        return Optional.of(JSON.readTree(file.toFile()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }).orElse(null);
  }
}
