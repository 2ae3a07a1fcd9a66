package isola.isolate;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
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

  private final String mainSource;
  private final NodeResolver packages;
  /** The last absolute path GraalJS parsed: the importer of the bare specifier it parses next. */
  private String lastParsed;

  /** {@code mainSource}: the main module's text when it is not a file (isola eval), else null. */
  ModuleFileSystem(Path cwd, Path mainModule, String mainSource) {
    this.delegate = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    this.delegate.setCurrentWorkingDirectory(cwd);
    this.mainModule = mainModule;
    this.mainSource = mainSource;
    this.packages = new NodeResolver(mainModule.getParent());
  }

  NodeResolver packages() {
    return packages;
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
    return NODE_ROOT.resolve(specifier.substring(5).replace('/', '+'));
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

  private static String jsString(String s) {
    return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** The text of file {@code path}, kept for error reports like a module's (CommonJS files). */
  String readSource(Path path) throws IOException {
    String text = Files.readString(path);
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
    byte[] bytes;
    if (mainSource != null && abs.equals(mainModule)) {
      bytes = mainSource.getBytes(StandardCharsets.UTF_8);
    } else if (abs.startsWith(STD_ROOT)) {
      bytes = stdSource(abs);
    } else if (abs.equals(UNRESOLVED)) {
      throw new java.nio.file.FileSystemException(abs.toString(), null, lastFailure.message());
    } else if (abs.startsWith(NODE_ROOT)) {
      return new ReadOnlyChannel(nodeFacade(abs));
    } else if (!Files.isRegularFile(abs)) {
      throw new NoSuchFileException(abs.toString());
    } else {
      bytes = Files.readAllBytes(abs);
    }
    String name = abs.getFileName().toString();
    if (name.endsWith(".json")) {
      return new ReadOnlyChannel(bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    sources.put(abs, text);
    if (mainSource == null || !abs.equals(mainModule)) {
      if (packages.isCommonJs(abs)) {
        return new ReadOnlyChannel(commonJsFacade(abs, text).getBytes(StandardCharsets.UTF_8));
      }
    }
    if (text.contains("import.meta")) {
      text = withImportMeta(text, abs.equals(mainModule));
    }
    return new ReadOnlyChannel(text.getBytes(StandardCharsets.UTF_8));
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
    Path node = nodeModule(specifier);
    if (node != null) return node;
    Path pkg = packageModule(specifier);
    return pkg != null ? pkg : otherwise.get();
  }

  /**
   * Bare and {@code npm:} specifiers (NodeResolver). GraalJS hands a bare specifier over without its
   * importer, but parses the importer's path right before it (DefaultESModuleLoader
   * .resolveImportedModule): the last absolute path parsed is the importer. Null for other specifiers.
   */
  private Path packageModule(String specifier) {
    if (specifier.startsWith("/")) {
      lastParsed = specifier;
      return null;
    }
    boolean npm = specifier.startsWith("npm:");
    if (!npm && !NodeResolver.isBare(specifier)) return null;
    Path importer = lastParsed != null ? Path.of(lastParsed) : mainModule;
    try {
      if (npm) return packages.resolveNpm(specifier);
      String target = packages.resolveImport(specifier, importer);
      return target.startsWith("node:") ? nodeModule(target) : Path.of(target);
    } catch (NodeResolver.Failure e) {
      // GraalJS puts an npm: URL it cannot parse to the network, so that one fails on reading.
      lastFailure = new ImportFailure(e.getMessage(), npm ? mainModule : importer, specifier);
      if (npm) return UNRESOLVED;
      throw e;
    }
  }

  /** The last specifier that did not resolve: 05_uncaught.js reports it as Deno's loader does. */
  record ImportFailure(String message, Path importer, String specifier) {}

  private ImportFailure lastFailure;

  ImportFailure lastFailure() {
    return lastFailure;
  }

  /** Where an {@code npm:} specifier that does not resolve points: reading it fails with the reason. */
  private static final Path UNRESOLVED = Path.of("/$isola$/unresolved");

  @Override
  public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions)
      throws IOException {
    if (mainSource != null && toAbsolutePath(path).equals(mainModule)) return;
    if (toAbsolutePath(path).startsWith(STD_ROOT)) {
      stdSource(toAbsolutePath(path));
      return;
    }
    if (toAbsolutePath(path).startsWith(NODE_ROOT)) return;
    delegate.checkAccess(path, modes, linkOptions);
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
    if (toAbsolutePath(path).startsWith(STD_ROOT) || toAbsolutePath(path).startsWith(NODE_ROOT)) {
      return toAbsolutePath(path);
    }
    return delegate.toRealPath(path, linkOptions);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
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
