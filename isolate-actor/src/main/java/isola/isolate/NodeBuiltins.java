package isola.isolate;

import java.util.List;
import java.util.Set;

/** The names of Node's built-in modules as Deno 2.9 lists them ({@code node:module}'s builtinModules). */
final class NodeBuiltins {
  /** In Deno's order; "node:"-prefixed names exist only with the prefix. */
  static final List<String> NAMES = List.of(
      "buffer", "console", "diagnostics_channel", "events", "module", "path/posix", "path/win32", "path",
      "sys", "url", "util", "worker_threads", "assert", "async_hooks", "cluster", "constants", "dns",
      "dns/promises", "domain", "fs", "os", "punycode", "string_decoder", "timers", "timers/promises",
      "util/types", "vm", "_http_agent", "_http_common", "_http_outgoing", "_http_server", "http", "http2",
      "https", "child_process", "crypto", "dgram", "zlib", "tls", "_tls_common", "_tls_wrap", "repl",
      "fs/promises", "node:test/reporters", "assert/strict", "readline", "readline/promises", "stream/web",
      "net", "process", "stream", "stream/consumers", "stream/promises", "tty", "inspector",
      "inspector/promises", "perf_hooks", "querystring", "node:sqlite", "node:test", "trace_events", "v8",
      "wasi", "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform",
      "_stream_writable");

  private static final Set<String> UNPREFIXED = Set.copyOf(NAMES);

  private NodeBuiltins() {}

  /** Whether Deno has a module {@code node:NAME}. */
  static boolean exists(String name) {
    return UNPREFIXED.contains(name) || UNPREFIXED.contains("node:" + name);
  }

  /** Whether {@code name} (without "node:") names a built-in that needs no prefix. */
  static boolean isBuiltin(String name) {
    return UNPREFIXED.contains(name) && !name.startsWith("node:");
  }
}
