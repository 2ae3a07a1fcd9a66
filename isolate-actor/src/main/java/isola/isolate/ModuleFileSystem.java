package isola.isolate;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only file system a context sees: GraalJS reads ES modules through it, and nothing else. It is
 * read-only, resolves everything against the isolate's working directory, and completes each module's
 * {@code import.meta} with Deno's {@code main}, {@code filename}, {@code dirname} and {@code resolve}
 * (GraalJS gives only {@code url} and has no public hook for the rest).
 *
 * <p>Called by GraalJS on the isolate's thread while it loads modules.
 */
final class ModuleFileSystem implements FileSystem {

  /** Set by 00_infra.js: completes an import.meta object from its url. */
  static final String META_HOOK = "Symbol.for(\"isola.importMeta\")";

  private final FileSystem delegate;
  private final Path mainModule;
  private final Map<Path, String> sources = new ConcurrentHashMap<>();
  /**
   * GraalJS asks for the real path and the existence of a module at each import of it (thousands for
   * a package like lodash-es); one answer per isolate is enough, as Deno's module graph also keeps it.
   */
  private final Map<Path, Path> realPaths = new java.util.HashMap<>();
  private final Set<Path> readable = new java.util.HashSet<>();

  private final String mainSource;
  private final NodeResolver packages;
  private final StagedBytes staged;
  /** The last absolute path GraalJS parsed: the importer of the bare specifier it parses next. */
  private String lastParsed;

  /**
   * {@code mainSource}: the main module's text when it is not a file (isola eval), else null;
   * {@code config}: the Deno config file as IsolateSpec says (a path, "" for none, null to find it).
   */
  ModuleFileSystem(Path cwd, Path mainModule, String mainSource, String config, StagedBytes staged) {
    this.staged = staged;
    this.delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    this.delegate.setCurrentWorkingDirectory(cwd);
    this.mainModule = mainModule;
    this.mainSource = mainSource;
    this.packages = new NodeResolver(mainModule.getParent());
    ImportMap map = null;
    String error = null;
    try {
      map = ImportMap.load(config, mainModule.getParent());
    } catch (ImportMap.ConfigError e) {
      error = e.getMessage();
    }
    this.importMap = map;
    this.configError = error;
  }

  /** The project's import map (deno.json), or null. */
  private final ImportMap importMap;
  /** Why the project's config could not be read: every import fails with it (Deno does not start). */
  private final String configError;

  /** What Deno prints about the import map before it runs (ImportMap.report), or "". */
  String importMapReport() {
    return importMap == null ? "" : importMap.report();
  }

  NodeResolver packages() {
    return packages;
  }

  StagedBytes staged() {
    return staged;
  }

  /**
   * Where the bundled standard modules live: {@code jsr:@std/assert} (any version) resolves here, so
   * tests import Deno's assertion module without network access. The directory cannot exist on disk.
   */
  static final Path STD_ROOT = Path.of("/$isola$/std");

  private static final java.util.regex.Pattern STD_SPECIFIER =
      java.util.regex.Pattern.compile("^jsr:/?@std/([a-z_-]+)(?:@[^/]*)?(/.*)?$");

  /** The bundled module a specifier names ({@code jsr:@std/assert@1}), or null. */
  private static Path stdModule(String specifier) {
    if (specifier.equals("isola:actors")) return STD_ROOT.resolve("isola_actors.js");
    if (!specifier.startsWith("jsr:")) return null;
    java.util.regex.Matcher m = STD_SPECIFIER.matcher(specifier);
    if (!m.matches()) return null;
    String sub = m.group(2) == null ? "" : m.group(2).replace("/", "_");
    return STD_ROOT.resolve(m.group(1) + sub + ".js");
  }

  private static byte[] stdSource(Path path) throws IOException {
    String resource = "/isola/std/" + path.getFileName();
    try (java.io.InputStream in = ModuleFileSystem.class.getResourceAsStream(resource)) {
      if (in == null) throw new NoSuchFileException(path.toString());
      return in.readAllBytes();
    }
  }

  /**
   * Where {@code node:NAME} imports resolve: {@code /$isola$/node/NAME} ("/" in NAME as "+"), a facade
   * module 70_node.js writes over the module's exports. Cannot exist on disk.
   */
  static final Path NODE_ROOT = Path.of("/$isola$/node");

  /** NAME -> the facade module text of node:NAME, or null when Deno has no such module. */
  private java.util.function.Function<String, String> nodeFacades = name -> null;

  void nodeFacades(java.util.function.Function<String, String> facades) {
    this.nodeFacades = facades;
  }

  private static Path nodeModule(String specifier) {
    if (!specifier.startsWith("node:")) return null;
    String name = specifier.substring(5);
    if (!NodeBuiltins.exists(name)) throw new NodeResolver.Failure("No such built-in module: " + specifier);
    return NODE_ROOT.resolve(name.replace('/', '+'));
  }

  private byte[] nodeFacade(Path path) throws IOException {
    String name = "node:" + path.getFileName().toString().replace('+', '/');
    String text = nodeFacades.apply(name.substring(5));
    // GraalJS reports it as "Error reading module 'node:x' imported from ...: <this message>".
    if (text == null) throw new IOException("No such built-in module: " + name);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The ES module GraalJS loads for a CommonJS file: 71_commonjs.js runs the file (once, shared with
   * require) and the facade exports module.exports as default and as "module.exports", and each name
   * CjsExports finds, as Deno does.
   */
  private String commonJsFacade(Path file, String text) {
    StringBuilder facade = new StringBuilder("const m = globalThis[Symbol.for(\"isola.commonjs\")](")
        .append(jsString(file.toString())).append(");export default m;export { m as \"module.exports\" };");
    int i = 0;
    for (String name : CjsExports.of(file, text, packages)) {
      String quoted = jsString(name);
      facade.append("const e").append(i).append(" = m[").append(quoted).append("];export { e")
          .append(i++).append(" as ").append(quoted).append(" };");
    }
    return facade.toString();
  }

  /** {@code s} as a JS string literal (JSON's quoting, which JS reads the same). */
  static String jsString(String s) {
    return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** The text of file {@code path}, kept for error reports like a module's (CommonJS files). */
  String readSource(Path path) throws IOException {
    String text = ModuleTexts.text(path);
    sources.put(path, text);
    return text;
  }

  /** The text of a module this isolate loaded (as written on disk), for error reports; or null. */
  String sourceOf(Path path) {
    return sources.get(path);
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    Path abs = toAbsolutePath(path);
    if (StagedBytes.isStaged(abs)) {
      byte[] bytes = staged.take(abs);
      if (bytes == null) throw new java.nio.file.NoSuchFileException(abs.toString());
      return new ReadOnlyChannel(bytes);
    } else if (abs.startsWith(STD_ROOT)) {
      String text = new String(stdSource(abs), StandardCharsets.UTF_8);
      sources.put(abs, text);
      return new ReadOnlyChannel(servedBytes(abs, text, false));
    } else if (abs.equals(UNRESOLVED)) {
      throw new java.nio.file.FileSystemException(abs.toString(), null, lastFailure.message());
    } else if (missing.containsKey(abs)) {
      return new ReadOnlyChannel(("throw globalThis[Symbol.for(\"isola.moduleNotFound\")]("
          + jsString(missing.get(abs)) + ");").getBytes(StandardCharsets.UTF_8));
    } else if (abs.startsWith(NODE_ROOT)) {
      return new ReadOnlyChannel(nodeFacade(abs));
    } else if (mainSource != null && abs.equals(mainModule)) {
      sources.put(abs, mainSource);
      return new ReadOnlyChannel(servedBytes(abs, mainSource, true));
    }
    ModuleTexts.Entry file = ModuleTexts.entry(abs);
    sources.put(abs, file.text());
    lastModule = abs;
    boolean main = abs.equals(mainModule);
    boolean commonJs = packages.isCommonJs(abs);
    String variant = commonJs ? "commonjs" : main ? "main" : "module";
    return new ReadOnlyChannel(file.served(variant, text ->
        commonJs ? commonJsFacade(abs, text).getBytes(StandardCharsets.UTF_8) : servedBytes(abs, text, main)));
  }

  /**
   * An ES module's text as GraalJS gets it: JSON as written, JavaScript with its using declarations
   * rewritten (ModuleRewrites) and import.meta completed.
   */
  private static byte[] servedBytes(Path abs, String text, boolean main) {
    if (abs.getFileName().toString().endsWith(".json")) return text.getBytes(StandardCharsets.UTF_8);
    text = ModuleRewrites.rewrite(text, abs.toUri().toString());
    if (text.contains("import.meta")) text = withImportMeta(text, main);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Puts the import.meta completion on the module's first line (after a shebang, if any) so that line
   * numbers in stack traces stay those of the file; the hook is told the line, and stack traces take
   * the prefix's length off that line's columns (01_errors.js).
   */
  private static String withImportMeta(String text, boolean main) {
    if (text.startsWith("#!")) {
      int nl = text.indexOf('\n');
      if (nl < 0) return text;
      return text.substring(0, nl + 1) + metaPrefix(main, 2) + text.substring(nl + 1);
    }
    return metaPrefix(main, 1) + text;
  }

  private static String metaPrefix(boolean main, int line) {
    return "globalThis[" + META_HOOK + "](import.meta," + main + "," + line + ");";
  }

  @Override
  public Path parsePath(URI uri) {
    return parsePath(uri.toString(), () -> delegate.parsePath(uri));
  }

  @Override
  public Path parsePath(String path) {
    return parsePath(path, () -> delegate.parsePath(path));
  }

  private Path parsePath(String specifier, java.util.function.Supplier<Path> otherwise) {
    Path std = stdModule(specifier);
    if (std != null) return std;
    if (StagedBytes.isStaged(specifier)) return Path.of(specifier);
    if (specifier.startsWith("/")) {
      lastParsed = specifier;
      return otherwise.get();
    }
    Path importer = lastParsed != null ? Path.of(lastParsed) : mainModule;
    if (configError != null) {
      lastFailure = new ImportFailure(configError, importer, null);
      throw new NodeResolver.Failure(configError);
    }
    try {
      Path mapped = mappedModule(specifier, importer);
      if (mapped != null) return mapped;
      Path node = nodeModule(specifier);
      if (node != null) return node;
      Path pkg = packageModule(specifier, importer);
      return pkg != null ? pkg : otherwise.get();
    } catch (NodeResolver.Failure e) {
      if (inDynamicImport()) {
        // import() rejects with what the module throws: Deno's TypeError, the message without the hint.
        Path failed = FAILED_ROOT.resolve(missing.size() + ".js");
        missing.put(failed, e.getMessage().split("\n  hint: ")[0]);
        return failed;
      }
      lastFailure = new ImportFailure(e.getMessage(), importer, specifier);
      // GraalJS puts a URL (npm:, node:) it cannot parse to the network, so that one fails on reading.
      if (!NodeResolver.isBare(specifier) && !specifier.startsWith("./") && !specifier.startsWith("../")) {
        return UNRESOLVED;
      }
      throw e;
    }
  }

  /** Where a URL specifier that does not resolve points: reading it fails with the reason. */
  private static final Path UNRESOLVED = Path.of("/$isola$/unresolved");

  /**
   * What the import map makes of a specifier that is not relative nor a path (modules inside
   * node_modules resolve as Node does, without it): a file, a package, a built-in; null when the map
   * has no entry. A bare specifier it does not map fails here when no package has its name either,
   * with Deno's message that names the map.
   */
  private Path mappedModule(String specifier, Path importer) {
    if (importMap == null || specifier.startsWith("./") || specifier.startsWith("../")
        || NodeResolver.insidePackage(importer)) {
      return null;
    }
    String referrer = importer.toUri().toString();
    String url = importMap.resolve(specifier, referrer);
    if (url == null) {
      if (!NodeResolver.isBare(specifier) || specifier.startsWith("#")) return null;
      try {
        return packageModule(specifier, importer);
      } catch (NodeResolver.Failure e) {
        if (!e.getMessage().startsWith("Import \"")) throw e;
        throw new NodeResolver.Failure("Import \"" + specifier + "\" not a dependency and not in import map from \""
            + referrer + "\"" + NodeResolver.addHint(specifier));
      }
    }
    if (url.startsWith("file:")) {
      Path file = Path.of(URI.create(url));
      if (!Files.isRegularFile(file)) throw new NodeResolver.Failure("Module not found \"" + url + "\".");
      return file;
    }
    Path std = stdModule(url);
    if (std != null) return std;
    Path node = nodeModule(url);
    if (node != null) return node;
    if (url.startsWith("npm:")) return packages.resolveNpm(url, importer);
    return delegate.parsePath(url);
  }

  /**
   * Modules that import() asked for and that do not resolve or exist, each served as a module that
   * throws Deno's TypeError (05_uncaught.js): message by path.
   */
  private final Map<Path, String> missing = new java.util.HashMap<>();

  /** Where a specifier of import() that does not resolve points (see missing). */
  private static final Path FAILED_ROOT = Path.of("/$isola$/missing");

  /**
   * Whether GraalJS is loading the specifier of an import() call (not a static import of the graph it
   * loads): a static import fails the whole graph before it runs, as Deno's does, while import() must
   * reject with the error Deno gives. Asked only when a module is missing.
   */
  private static boolean inDynamicImport() {
    return StackWalker.getInstance().walk(frames -> frames
        .dropWhile(f -> !f.getMethodName().equals("hostLoadImportedModule"))
        .skip(1)
        .findFirst()
        .map(f -> f.getClassName().endsWith(".ImportCallNode"))
        .orElse(false));
  }

  /**
   * Bare and {@code npm:} specifiers (NodeResolver). GraalJS hands a bare specifier over without its
   * importer, but parses the importer's path right before it (DefaultESModuleLoader
   * .resolveImportedModule): the last absolute path parsed is the importer. Null for other specifiers.
   */
  private Path packageModule(String specifier, Path importer) {
    if (specifier.startsWith("npm:")) return packages.resolveNpm(specifier, importer);
    if (!NodeResolver.isBare(specifier)) return null;
    String target = packages.resolveImport(specifier, importer);
    return target.startsWith("node:") ? nodeModule(target) : Path.of(target);
  }

  /** The last specifier that did not resolve: 05_uncaught.js reports it as Deno's loader does. */
  record ImportFailure(String message, Path importer, String specifier) {}

  private ImportFailure lastFailure;

  /**
   * The module file GraalJS read last: the one a parse error names by its relative specifier, and the
   * JSON module that an import without `with { type: "json" }` reached (GraalJS reads it, then fails
   * with only "Invalid module type was asserted"). 05_uncaught.js names it as Deno does.
   */
  private Path lastModule;

  String lastModule() {
    return lastModule == null ? null : lastModule.toUri().toString();
  }

  ImportFailure lastFailure() {
    return lastFailure;
  }

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
      throws IOException {
    if (mainSource != null && toAbsolutePath(path).equals(mainModule)) return;
    if (toAbsolutePath(path).startsWith(STD_ROOT)) {
      stdSource(toAbsolutePath(path));
      return;
    }
    if (toAbsolutePath(path).startsWith(NODE_ROOT) || missing.containsKey(toAbsolutePath(path))) return;
    boolean reading = !modes.contains(AccessMode.WRITE) && !modes.contains(AccessMode.EXECUTE);
    if (reading && readable.contains(path)) return;
    try {
      delegate.checkAccess(path, modes, linkOptions);
    } catch (NoSuchFileException e) {
      // GraalJS reports a missing file of import() itself, as an Error; Deno rejects with a TypeError.
      if (!reading || !inDynamicImport()) throw e;
      missing.put(toAbsolutePath(path), "Module not found \"" + toAbsolutePath(path).toUri() + "\".");
    }
    if (reading) readable.add(path);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    delegate.createDirectory(dir, attrs);
  }

  @Override
  public void delete(Path path) throws IOException {
    delegate.delete(path);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    delegate.checkAccess(dir, Set.of(AccessMode.READ));
    throw new IOException("directory listing is not available to modules");
  }

  @Override
  public Path toAbsolutePath(Path path) {
    return delegate.toAbsolutePath(path);
  }

  @Override
  public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
    if (mainSource != null && toAbsolutePath(path).equals(mainModule)) return mainModule;
    if (toAbsolutePath(path).startsWith(STD_ROOT) || toAbsolutePath(path).startsWith(NODE_ROOT)
        || missing.containsKey(toAbsolutePath(path))) {
      return toAbsolutePath(path);
    }
    if (linkOptions.length > 0) return delegate.toRealPath(path, linkOptions);
    Path real = realPaths.get(path);
    if (real == null) {
      real = delegate.toRealPath(path);
      realPaths.put(path, real);
    }
    return real;
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    if (StagedBytes.isStaged(path)) {
      if (!staged.has(path)) throw new java.nio.file.NoSuchFileException(path.toString());
      return Map.of("isRegularFile", true);
    }
    return delegate.readAttributes(path, attributes, options);
  }

  /** A finished module text served to GraalJS. */
  private static final class ReadOnlyChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private int position;
    private boolean open = true;

    ReadOnlyChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) return -1;
      int n = Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = (int) Math.min(newPosition, bytes.length);
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
