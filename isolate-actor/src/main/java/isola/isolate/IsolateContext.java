package isola.isolate;

import isola.protocol.ActorEvent;
import isola.protocol.OpReply;
import isola.protocol.SerializedValue;
import isola.protocol.WorkerEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One isolate's GraalJS context with the runtime JS loaded, and the few entry points the host calls
 * into it (run the main module, resolve a batch of op replies, run due timers).
 *
 * <p>Runs only on the isolate's thread: the owning {@link IsolateActor} is the only caller. Every
 * method is one host→JS call, after which GraalJS drains the microtask queue; that is the microtask
 * checkpoint of Deno's event loop.
 */
final class IsolateContext implements AutoCloseable {
  /** Same for every context, so all of them share the engine's code (DESIGN.md). */
  // Array access: ops hand JS plain Java arrays (FileInfo.numbers) whose elements it reads inline.
  static final HostAccess HOST_ACCESS =
      HostAccess.newBuilder().allowBufferAccess(true).allowArrayAccess(true).build();

  private final Context context;
  private final ModuleFileSystem modules;
  private final Value runMain;
  private final Value resolveOps;
  private final Value runNextTimer;
  private final Value hasPendingWork;
  private final Value pendingOpCount;
  private final Value exitCode;
  private final Value processRejections;
  private final Value workerEvent;
  private final Value signal;
  private final Value runTicks;
  private final Value portPump;
  private final Value broadcast;
  private final Value actorMail;
  private final Value host;
  private Value httpEnded;
  private boolean rejectionsQueued;
  private boolean ticksQueued;

  IsolateContext(
      SharedEngine shared, Path cwd, Path mainModule, String mainSource, String config,
      Map<String, Object> ops, JsErrors errors, StagedBytes staged) {
    this.modules = new ModuleFileSystem(cwd, mainModule, mainSource, config, staged);
    this.context = newContext(shared, modules);
    Map<String, Object> binding = new HashMap<>(ops);
    binding.put("op_source_line", (ProxyExecutable) args ->
        sourceLine(args[0].asString(), args[1].asInt()));
    binding.put("op_rejections_queued", (ProxyExecutable) args -> {
      rejectionsQueued = true;
      return null;
    });
    new CommonJsBinding(modules).register(binding);
    binding.put("op_ticks_queued", (ProxyExecutable) args -> {
      ticksQueued = true;
      return null;
    });
    binding.put("op_import_failure", (ProxyExecutable) args -> {
      ModuleFileSystem.ImportFailure failure = modules.lastFailure();
      if (failure == null) return null;
      String importer = failure.importer().toUri().toString();
      Object site = failure.specifier() == null ? null : importSite(importer, failure.specifier(), null);
      return ProxyArray.fromArray(failure.message(), importer, site);
    });
    binding.put("op_import_map_report", (ProxyExecutable) args -> modules.importMapReport());
    binding.put("op_last_module", (ProxyExecutable) args -> modules.lastModule());
    binding.put("op_import_site", (ProxyExecutable) args ->
        importSite(args[0].asString(), args[1].asString(), args[2].isNull() ? null : args[2].asString()));
    Value internal = context.eval("js", "({})");
    // A plain JS object, filled in one call: 00_infra.js copies every op out of it, and reading a host
    // proxy map once per op costs more. One Value.putMember per op (~300) got that entry point queued
    // for compilation, with the Graal compiler's start-up, in the middle of every isolate's start.
    Object[] names = binding.keySet().toArray();
    Object[] functions = new Object[names.length];
    for (int i = 0; i < names.length; i++) functions[i] = binding.get((String) names[i]);
    Value bindingObject = context.eval("js", BINDING_OBJECT)
        .execute(ProxyArray.fromArray(names), ProxyArray.fromArray(functions));
    bindingObject.putMember("op_load_runtime", (ProxyExecutable) args -> {
      context.eval(shared.runtimeSource(args[0].asString())).execute(bindingObject, internal);
      return null;
    });
    for (Source source : shared.eagerRuntimeSources()) {
      context.eval(source).execute(bindingObject, internal);
    }
    errors.bind(internal.getMember("throwOpError"));
    Value nodeFacade = internal.getMember("node").getMember("facade");
    modules.nodeFacades(name -> {
      Value text = nodeFacade.execute(name);
      return text.isNull() ? null : text.asString();
    });
    Value host = internal.getMember("host");
    this.runMain = host.getMember("runMain");
    this.resolveOps = host.getMember("resolveOps");
    this.runNextTimer = host.getMember("runNextTimer");
    this.hasPendingWork = host.getMember("hasPendingWork");
    this.pendingOpCount = internal.getMember("pendingOpCount");
    this.exitCode = host.getMember("exitCode");
    this.processRejections = host.getMember("processRejections");
    this.workerEvent = host.getMember("workerEvent");
    this.signal = host.getMember("signal");
    this.runTicks = host.getMember("runTicks");
    this.portPump = host.getMember("portPump");
    this.broadcast = host.getMember("broadcast");
    this.actorMail = host.getMember("actorMail");
    this.host = host;
  }

  /**
   * Every context of the engine is built with these same options (different options would split the
   * code cache). Only {@code modules}, the context's file system, differs.
   */
  /** From the environment, as Deno's ICU reads it (GraalJS would take the JVM's locale, "en" for C.UTF-8). */
  private static final String INTL_LOCALE = NavigatorBinding.intlLocale(System.getenv());

  private static final String BINDING_OBJECT = """
      (names, functions) => {
        const binding = Object.create(null);
        for (let i = 0; i < names.length; i++) binding[names[i]] = functions[i];
        return binding;
      }""";

  private static Context newContext(SharedEngine shared, ModuleFileSystem modules) {
    return Context.newBuilder("js", "wasm")
        .engine(shared.engine())
        .allowHostAccess(HOST_ACCESS)
        .allowHostClassLookup(name -> false)
        .allowCreateThread(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowIO(IOAccess.newBuilder().fileSystem(modules).build())
        // WebAssembly is GraalWasm behind GraalJS's WebAssembly API, which evaluates through polyglot
        // access; scripts themselves have no Polyglot object (js.polyglot-builtin is off).
        .allowPolyglotAccess(PolyglotAccess.newBuilder()
            .allowEval("js", "wasm").allowBindingsAccess("js").allowBindingsAccess("wasm").build())
        .allowExperimentalOptions(true)
        .option("js.ecmascript-version", "staging")
        .option("js.temporal", "true")
        .option("js.locale", INTL_LOCALE)
        .option("js.webassembly", "true")
        .option("js.console", "false")
        .option("js.print", "false")
        .option("js.load", "false")
        .option("js.polyglot-builtin", "false")
        .option("js.java-package-globals", "false")
        .option("js.graal-builtin", "true")
        .option("js.unhandled-rejections", "handler")
        .option("js.text-encoding", "true")
        .option("js.esm-eval-returns-exports", "true")
        .option("js.shell", "true")
        .option("js.stack-trace-api", "true")
        .option("js.lazy-translation", "true")
        .option("js.use-utc-for-legacy-dates", "false")
        .build();
  }

  /**
   * Parses the runtime JS into the shared engine's code cache in a throwaway context, so that the
   * first isolate finds it parsed.
   */
  static void prewarm() {
    SharedEngine shared = SharedEngine.get();
    Path here = Path.of("").toAbsolutePath();
    try (Context context = newContext(shared, new ModuleFileSystem(here, here.resolve("$prewarm$.js"), "", "", new StagedBytes()))) {
      for (Source source : shared.eagerRuntimeSources()) {
        context.eval(source);
      }
    }
  }

  /** Starts evaluating the main module; its result and errors arrive through the event loop. */
  void runMain(String mainModuleUrl) {
    runMain.executeVoid(mainModuleUrl);
  }

  /** The kind of a reply whose value is staged bytes (StagedBytes), to become an ArrayBuffer. */
  private static final Integer BYTES = 0;

  /** Resolves every reply of the batch in one call, so microtasks run once after all of them. */
  void resolve(List<OpReply> replies) {
    Object[] flat = new Object[replies.size() * 4];
    int i = 0;
    for (OpReply reply : replies) {
      flat[i++] = reply.promiseId();
      switch (reply) {
        case OpReply.Ok ok when ok.value() instanceof byte[] bytes -> {
          flat[i++] = BYTES;
          flat[i++] = modules.staged().stage(bytes);
          flat[i++] = null;
        }
        case OpReply.Ok ok -> {
          flat[i++] = null;
          flat[i++] = JsValues.toJs(ok.value());
          flat[i++] = null;
        }
        case OpReply.Err err -> {
          flat[i++] = err.error().kind().name();
          flat[i++] = err.error().message();
          flat[i++] = err.error().code();
        }
      }
    }
    resolveOps.executeVoid(ProxyArray.fromArray(flat));
  }

  /**
   * Delivers a message, error or end of a worker (or, in a worker, a message from its parent);
   * {@code wire} turns a message into the form the runtime reads.
   */
  void workerEvent(WorkerEvent event, Function<SerializedValue, Object> wire) {
    switch (event) {
      case WorkerEvent.ToWorker m -> workerEvent.executeVoid("message", -1, wire.apply(m.data()));
      case WorkerEvent.FromWorker m -> workerEvent.executeVoid("message", m.workerId(), wire.apply(m.data()));
      case WorkerEvent.Failed f -> workerEvent.executeVoid(
          "error", f.workerId(), ProxyArray.fromArray(f.message(), f.filename(), f.lineno(), f.colno()));
      case WorkerEvent.Exited e -> workerEvent.executeVoid("exit", e.workerId(), null);
    }
  }

  /** The process received {@code name}, which the script listens for (Deno.addSignalListener). */
  void signal(String name) {
    signal.executeVoid(name);
  }

  /** Hands port {@code portId} its next message (or its end), if its script still listens. */
  void portPump(int portId) {
    portPump.executeVoid(portId);
  }

  int pendingOpCount() {
    return pendingOpCount.execute().asInt();
  }

  /**
   * A watched HTTP exchange ended: its response went out whole, or the client went away. 62_http.js,
   * which defines this entry point, loads on first use (06_lazy.js): it is looked up the first time.
   */
  void httpEnded(int exchangeId, boolean completed) {
    if (httpEnded == null) httpEnded = host.getMember("httpEnded");
    httpEnded.executeVoid(exchangeId, completed);
  }

  void actorMail(ActorEvent event) {
    actorMail.executeVoid(event.registrationId(), event.body(), event.replyId());
  }

  /** A message posted to a BroadcastChannel named {@code name} in another isolate. */
  void broadcast(String name, Object wire) {
    broadcast.executeVoid(name, wire);
  }

  /** Runs the next due timer callback, if any; false when none is due. One call per callback. */
  boolean runNextTimer() {
    return runNextTimer.execute().asBoolean();
  }

  /**
   * Whether the turn left promises rejected without a handler. They are reported by
   * {@link #processRejections} after the timers already due, as Deno orders them.
   */
  boolean takeRejectionsQueued() {
    boolean queued = rejectionsQueued;
    rejectionsQueued = false;
    return queued;
  }

  /**
   * Runs the {@code process.nextTick} callbacks queued during the turn, if any: Deno runs them once
   * the turn's microtasks are drained, and drains microtasks again after them. True if there were.
   */
  boolean runTicks() {
    if (!ticksQueued) return false;
    ticksQueued = false;
    runTicks.executeVoid();
    return true;
  }

  void processRejections() {
    processRejections.executeVoid();
  }

  /** Whether referenced work (timers, ops) keeps the isolate alive. */
  boolean hasPendingWork() {
    return hasPendingWork.execute().asBoolean();
  }

  /** {@code Deno.exitCode}, the code a natural end of the program exits with. */
  int exitCode() {
    return exitCode.execute().asInt();
  }

  private Object sourceLine(String url, int line) {
    String text = sourceOfUrl(url);
    if (text == null || line < 1) return null;
    // Stack rendering reads many lines of one file in a row (01_errors.js scans upward for names).
    if (text != linesOf) {
      linesOf = text;
      lines = text.split("\n", -1);
    }
    return line <= lines.length ? lines[line - 1].replace("\r", "") : null;
  }

  /** The text whose lines {@link #lines} holds (compared by identity). */
  private String linesOf;
  private String[] lines;

  /**
   * Where module {@code importerUrl} imports {@code targetUrl}: "line:col" of the specifier's opening
   * quote, or with {@code name} of that imported name; null if not found. GraalJS reports a failed
   * import without its position, Deno reports it with one.
   */
  private Object importSite(String importerUrl, String targetUrl, String name) {
    String text = sourceOfUrl(importerUrl);
    if (text == null) return null;
    Matcher m =
        Pattern.compile("([\"'])([^\"'\\n]+)\\1").matcher(text);
    while (m.find()) {
      if (!names(importerUrl, m.group(2), targetUrl)) continue;
      int at = m.start();
      if (name != null) {
        int statement = Math.max(text.lastIndexOf("import", at), text.lastIndexOf("export", at));
        Matcher n = Pattern
            .compile("\\b" + Pattern.quote(name) + "\\b")
            .matcher(text).region(Math.max(statement, 0), at);
        if (!n.find()) continue;
        at = n.start();
      }
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return line + ":" + (at - lineStart + 1);
    }
    return null;
  }

  /** Whether specifier {@code literal} in {@code importerUrl} names {@code target} (a file URL or as written). */
  private static boolean names(String importerUrl, String literal, String target) {
    if (!target.startsWith("file:")) return literal.equals(target);
    try {
      // Compared as paths: URI.resolve turns "file:///a" into "file:/a".
      Path resolved = Path.of(URI.create(importerUrl).resolve(literal)).normalize();
      return resolved.equals(Path.of(URI.create(target)).normalize());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return false;
    }
  }

  private String sourceOfUrl(String url) {
    if (!url.startsWith("file:")) return null;
    try {
      return modules.sourceOf(Path.of(URI.create(url)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a failure from a call into JS is the program ending itself ({@code Deno.exit}). */
  static boolean isExit(PolyglotException e) {
    return e.isExit();
  }

  @Override
  public void close() {
    try {
      context.close(true);
    } catch (PolyglotException e) {
      // A context that exited (Deno.exit) is already closed for further use.
      if (!e.isExit() && !e.isCancelled()) throw e;
    } catch (IllegalStateException ignored) {
      // closed already
    }
  }
}
