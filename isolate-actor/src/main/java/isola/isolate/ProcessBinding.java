package isola.isolate;

import isola.ops.OpException;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.ops.process.ChildProcess;
import isola.ops.process.ChildRun;
import isola.ops.process.ProcessSpawn;
import isola.ops.process.ProcessSpawn.Stdio;
import isola.ops.process.Signals;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import isola.protocol.ProcessOutput;
import isola.protocol.ProcessRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 32_process.js ({@code Deno.Command}, {@code Deno.ChildProcess}, {@code Deno.kill}). A
 * spawned child is a {@link ChildProcess} resource actor, a child of the isolate, with a Deno resource
 * id; {@code outputSync} runs the child to its end on the isolate thread, as Deno blocks its thread.
 * The program is found before the run permission is checked, so a missing one is NotFound whatever
 * the flags (Deno's order).
 *
 * <p>Runs only on the isolate's thread.
 */
final class ProcessBinding {
  private final ActorContext<?> context;
  private final StagedBytes staged;
  private final Permissions permissions;
  private final WorkingDirectory cwd;
  private final Supplier<Map<String, String>> environment;
  private final ResourceTable resources;
  private final ActorRef<OpReply> replyTo;
  private final ActorRef<ProcessOutput> outputTo;
  private final HostOutput output;
  private final JsErrors errors;
  private final Map<Integer, Child> children = new HashMap<>();

  private record Child(Process process, ActorRef<ProcessRequest> actor) {}

  ProcessBinding(ActorContext<?> context, Permissions permissions, WorkingDirectory cwd,
      Supplier<Map<String, String>> environment, ResourceTable resources, ActorRef<OpReply> replyTo,
      ActorRef<ProcessOutput> outputTo, HostOutput output, JsErrors errors, StagedBytes staged) {
    this.context = context;
    this.staged = staged;
    this.permissions = permissions;
    this.cwd = cwd;
    this.environment = environment;
    this.resources = resources;
    this.replyTo = replyTo;
    this.outputTo = outputTo;
    this.output = output;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_spawn_child", (ProxyExecutable) a -> errors.guard(() -> spawn(a)));
    ops.put("op_spawn_sync", (ProxyExecutable) a -> errors.guard(() -> spawnSync(a)));
    ops.put("op_spawn_wait", (ProxyExecutable) a -> errors.guard(() -> {
      child(a[1].asInt()).actor().tell(new ProcessRequest.Wait(a[0].asInt(), replyTo));
      return null;
    }));
    ops.put("op_spawn_read", (ProxyExecutable) a -> errors.guard(() -> {
      child(a[1].asInt()).actor().tell(
          new ProcessRequest.Read(a[0].asInt(), a[2].asInt(), a[3].asInt(), replyTo));
      return null;
    }));
    ops.put("op_spawn_read_all", (ProxyExecutable) a -> errors.guard(() -> {
      child(a[1].asInt()).actor().tell(new ProcessRequest.ReadAll(a[0].asInt(), a[2].asInt(), replyTo));
      return null;
    }));
    ops.put("op_spawn_write", (ProxyExecutable) a -> errors.guard(() -> {
      child(a[1].asInt()).actor().tell(new ProcessRequest.Write(a[0].asInt(), JsValues.bytes(a[2]), replyTo));
      return null;
    }));
    ops.put("op_spawn_close_stdin", (ProxyExecutable) a -> errors.guard(() -> {
      child(a[0].asInt()).actor().tell(new ProcessRequest.CloseStdin());
      return null;
    }));
    ops.put("op_spawn_close", (ProxyExecutable) a -> {
      Child child = children.remove(a[0].asInt());
      if (child != null) child.actor().tell(new ProcessRequest.Close());
      return null;
    });
    ops.put("op_spawn_kill", (ProxyExecutable) a -> errors.guard(() -> {
      Child child = child(a[0].asInt());
      int signal = signal(a[1]);
      if (!child.process().isAlive()) {
        throw new OpException(OpError.of(ErrorKind.TypeError, "Child process has already terminated"));
      }
      Signals.kill(child.process().pid(), signal);
      return null;
    }));
    ops.put("op_kill", (ProxyExecutable) a -> errors.guard(() -> {
      long pid = a[0].asLong();
      // Signalling itself needs no permission in Deno.
      if (pid != ProcessHandle.current().pid()) permissions.checkUnscoped(PermissionKind.RUN);
      Signals.kill(pid, signal(a[1]));
      return null;
    }));
  }

  /** {@code [rid, pid]} of a child spawned from the arguments {@link #options} reads. */
  private Object spawn(Value[] a) throws OpException {
    ProcessSpawn.Options options = options(a);
    Process process = start(options);
    // Deno gives each piped stream a resource id before the child's own: the next ids a script
    // sees (a Deno.run child's rid, a file opened after) are Deno's.
    for (ProcessSpawn.Stdio stdio : List.of(options.stdin(), options.stdout(), options.stderr())) {
      if (stdio == ProcessSpawn.Stdio.PIPED) resources.newRid();
    }
    int rid = resources.newRid();
    children.put(rid, new Child(process, context.spawn(
        ChildProcess.create(process, options.stdout(), options.stderr(), outputTo),
        "child-process-" + rid, DispatcherSelector.sameAsParent())));
    return JsValues.toJs(List.of(rid, (double) process.pid()));
  }

  /** {@code [code, signal, stdout, stderr]}, the output null where not piped. */
  /** The options, then optionally the bytes to feed the child's stdin (node:child_process's {@code input}). */
  private Object spawnSync(Value[] a) throws OpException {
    ProcessSpawn.Options options = options(a);
    Process process = start(options);
    if (a.length > 8 && !a[8].isNull()) ChildRun.feed(process, JsValues.bytes(a[8]));
    ChildRun.Result result;
    try {
      result = ChildRun.run(process, options.stdout(), options.stderr(),
          chunk -> output.write(chunk.data(), chunk.stderr()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpException(OpError.of(ErrorKind.Interrupted, "interrupted"));
    }
    return staged.toJs(Arrays.asList(result.status().get(0), result.status().get(1),
        result.stdout(), result.stderr()));
  }

  private Process start(ProcessSpawn.Options options) throws OpException {
    Path program = ProcessSpawn.resolve(options.command(), options.cwd(), options.searchPath());
    permissions.checkProgram(options.command(), program);
    return ProcessSpawn.start(program, options);
  }

  /** {@code (command, args[], cwd|null, env [k, v, ...]|null, clearEnv, stdin, stdout, stderr)}. */
  private ProcessSpawn.Options options(Value[] a) {
    Path dir = a[2].isNull() ? cwd.get() : cwd.get().resolve(a[2].asString()).normalize();
    Map<String, String> inherited = environment.get();
    Map<String, String> env = a[4].asBoolean() ? new HashMap<>() : new HashMap<>(inherited);
    Map<String, String> given = new HashMap<>();
    String[] pairs = JsValues.strings(a[3]);
    for (int i = 0; i + 1 < pairs.length; i += 2) given.put(pairs[i], pairs[i + 1]);
    env.putAll(given);
    String searchPath = given.containsKey("PATH") ? given.get("PATH") : inherited.get("PATH");
    return new ProcessSpawn.Options(a[0].asString(), List.of(JsValues.strings(a[1])), dir, env,
        searchPath, Stdio.of(a[5].asString()), Stdio.of(a[6].asString()), Stdio.of(a[7].asString()));
  }

  /** Deno takes a signal's name, or a number handed to {@code kill(2)} as it is. */
  private static int signal(Value signo) throws OpException {
    return signo.isNumber() ? signo.asInt() : Signals.number(signo.asString());
  }

  private Child child(int rid) throws OpException {
    Child child = children.get(rid);
    if (child == null) throw new OpException(OpError.of(ErrorKind.BadResource, "Bad resource ID"));
    return child;
  }
}
