package isola.isolate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * The one GraalJS {@link Engine} of this JVM and the runtime's JS sources. Every context is built from
 * it with identical options, so parsed and compiled code (the runtime JS above all) is shared between
 * isolates (DESIGN.md, "GraalJS facts").
 */
public final class SharedEngine {
  /** The runtime JS files, in load order (the numeric prefix states the order, as in Deno). */
  static final List<String> RUNTIME_FILES = List.of(
      "00_infra.js",
      "01_errors.js",
      "01_inspect.js",
      "02_console.js",
      "03_timers.js",
      "04_events.js",
      "05_uncaught.js",
      "06_lazy.js",
      "07_disposable_stack.js",
      "08_json.js",
      "09_date.js",
      "10_permissions.js",
      "30_fs.js",
      "31_os.js",
      "32_process.js",
      "33_signals.js",
      "40_webidl.js",
      "41_abort.js",
      "42_encoding.js",
      "43_url.js",
      "44_urlpattern.js",
      "45_structured_clone.js",
      "46_performance.js",
      "47_navigator.js",
      "48_locks.js",
      "48_message_port.js",
      "49_broadcast_channel.js",
      "50_streams.js",
      "51_blob.js",
      "51_filereader.js",
      "52_formdata.js",
      "53_compression.js",
      "54_crypto.js",
      "55_text_streams.js",
      "56_headers.js",
      "57_body.js",
      "58_request.js",
      "59_response.js",
      "60_net.js",
      "61_workers.js",
      "62_http.js",
      "63_fetch.js",
      "64_actors.js",
      "65_websocket.js",
      "66_webstorage.js",
      "67_wasm.js",
      "68_event_source.js",
      "70_node.js",
      "71_commonjs.js",
      "80_testing.js",
      "90_deno_ns.js",
      "99_main.js");

  private static volatile SharedEngine instance;

  private final Engine engine;
  private final List<Source> runtimeSources;
  private final List<Source> eagerRuntimeSources;
  private final Map<String, Source> nodeSources = new ConcurrentHashMap<>();

  private SharedEngine() {
    this.engine = Engine.newBuilder("js", "wasm")
        // Lets polyglot.engine.* system properties tune compilation (thresholds are experimental).
        .allowExperimentalOptions(true)
        .option("engine.WarnInterpreterOnly", "false")
        .build();
    this.runtimeSources = RUNTIME_FILES.stream().map(SharedEngine::load).toList();
    Set<String> lazy = lazyFiles(runtimeSource("06_lazy.js").getCharacters().toString());
    this.eagerRuntimeSources = runtimeSources.stream().filter(s -> !lazy.contains(fileName(s))).toList();
  }

  /** The runtime files 06_lazy.js loads on first use: the names in its groups' `files` lists. */
  private static Set<String> lazyFiles(String lazyJs) {
    Set<String> files = new java.util.HashSet<>();
    java.util.regex.Matcher lists = java.util.regex.Pattern.compile("files: \\[([^\\]]*)\\]").matcher(lazyJs);
    while (lists.find()) {
      java.util.regex.Matcher names = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(lists.group(1));
      while (names.find()) files.add(names.group(1));
    }
    if (files.isEmpty()) throw new IllegalStateException("no `files: [...]` lists found in 06_lazy.js");
    return Set.copyOf(files);
  }

  /** The runtime files every isolate evaluates as it starts, in order. */
  List<Source> eagerRuntimeSources() {
    return eagerRuntimeSources;
  }

  public static SharedEngine get() {
    SharedEngine e = instance;
    if (e == null) {
      synchronized (SharedEngine.class) {
        e = instance;
        if (e == null) {
          instance = e = new SharedEngine();
        }
      }
    }
    return e;
  }

  private static volatile Thread prewarm;

  /**
   * Starts creating the engine and parsing the runtime JS every isolate evaluates into its code cache
   * (the files loaded on first use are parsed when first used) on a second thread; later calls do
   * nothing. {@code isola run} starts it first thing, so that it overlaps the actor system's start: on
   * a cold JVM that saves a good part of a second before the first isolate runs.
   */
  public static synchronized void startPrewarm() {
    if (prewarm != null) return;
    prewarm = Thread.ofPlatform().daemon().name("isola-prewarm").start(() -> {
      try {
        IsolateContext.prewarm();
      } catch (RuntimeException e) {
        // Only a head start: the isolate meets (and reports) the same failure itself.
      }
    });
  }

  /**
   * Waits for a prewarm that was started: an isolate that started beside it would parse the same
   * runtime files a second time. For hosts that start their first isolates right away (the CLI); it
   * blocks the caller, so never an isolate's thread.
   */
  public static void awaitPrewarm() {
    Thread thread = prewarm;
    if (thread == null) return;
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  Engine engine() {
    return engine;
  }


  /** One runtime file by its name ({@code 50_streams.js}), for the groups 06_lazy.js loads on first use. */
  Source runtimeSource(String file) {
    int at = RUNTIME_FILES.indexOf(file);
    if (at < 0) throw new IllegalArgumentException("no runtime file " + file);
    return runtimeSources.get(at);
  }

  static String fileName(Source runtimeSource) {
    return runtimeSource.getName().substring("ext:isola/".length());
  }

  /**
   * The implementation of a {@code node:} module ({@code resources/isola/node/NAME.js}), read and parsed
   * on first use in this JVM: scripts that never import one do not pay for them.
   */
  Source nodeSource(String name) {
    return nodeSources.computeIfAbsent(name, n -> load("node", n + ".js"));
  }

  private static Source load(String file) {
    return load("runtime", file);
  }

  private static Source load(String dir, String file) {
    String resource = "/isola/" + dir + "/" + file;
    try (InputStream in = SharedEngine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("runtime file missing from the class path: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Source.newBuilder("js", text, "ext:isola/" + (dir.equals("runtime") ? "" : dir + "/") + file).cached(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
