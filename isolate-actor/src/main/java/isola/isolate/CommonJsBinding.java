package isola.isolate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 71_commonjs.js: resolve a {@code require}, compile a CommonJS file into its wrapper
 * function, read a JSON file. Files are read through the module file system, as ES modules are (module
 * loading needs no --allow-read, in Deno neither for require).
 */
final class CommonJsBinding {
  /** Node's wrapper, on the file's first line so that line numbers stay those of the file. */
  private static final String WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";

  private final ModuleFileSystem modules;

  CommonJsBinding(ModuleFileSystem modules) {
    this.modules = modules;
  }

  void register(Map<String, Object> ops) {
    // A resolved path, "node:NAME", or "!" and the error message (no path starts with "!").
    ops.put("op_cjs_resolve", (ProxyExecutable) args -> {
      try {
        return modules.packages().resolveRequire(args[0].asString(), Path.of(args[1].asString()));
      } catch (NodeResolver.Failure e) {
        return "!" + e.getMessage();
      }
    });
    ops.put("op_cjs_compile", (ProxyExecutable) args -> compile(Path.of(args[0].asString())));
    ops.put("op_cjs_read", (ProxyExecutable) args -> read(Path.of(args[0].asString())));
    ops.put("op_cjs_is_esm", (ProxyExecutable) args -> {
      Path path = Path.of(args[0].asString());
      String name = path.getFileName().toString();
      return name.endsWith(".mjs") || (name.endsWith(".js") && !modules.packages().isCommonJs(path));
    });
    ops.put("op_cjs_require_esm", (ProxyExecutable) args -> requireEsm(Path.of(args[0].asString())));
    ops.put("op_node_builtin_names", (ProxyExecutable) args ->
        ProxyArray.fromList(new java.util.ArrayList<Object>(NodeBuiltins.NAMES)));
  }

  private Object compile(Path file) {
    String text = read(file);
    if (text.startsWith("#!")) text = "//" + text.substring(2);
    Source source = Source.newBuilder("js", WRAPPER_HEAD + text + "\n})", file.toString())
        .uri(file.toUri()).buildLiteral();
    return Context.getCurrent().eval(source);
  }

  /**
   * require of an ES module (Deno 2.9 allows it): evaluated at once through the module loader, which
   * returns its namespace (js.esm-eval-returns-exports) and keys it by path, shared with imports.
   */
  private Object requireEsm(Path file) {
    Source source = Source.newBuilder("js", file.toFile())
        .content(read(file)).mimeType("application/javascript+module").buildLiteral();
    return Context.getCurrent().eval(source);
  }

  private String read(Path file) {
    try {
      return modules.readSource(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
