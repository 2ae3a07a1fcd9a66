package isola.isolate;

import isola.ops.OpException;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.PermissionSet;
import isola.protocol.WorkerEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of runtime/61_workers.js. As a parent: spawn worker isolates as child actors, post to them and
 * stop them. As a worker ({@code role} not null): post to the parent and report a fatal error to it.
 * Messages cross in wire form ({@link PortBinding}), never as live values of this context.
 *
 * <p>Runs only on the isolate's thread (ops are called from JS inside the actor's turn).
 */
final class WorkerBinding {
  private static final String ACTOR_PREFIX = "worker-";

  private final ActorContext<IsolateMessage> ctx;
  private final IsolateSpec spec;
  private final HostOutput output;
  private final Permissions permissions;
  private final WorkerParent role;
  private final JsErrors errors;
  private final PortBinding ports;
  private final Map<Integer, ActorRef<IsolateMessage>> workers = new HashMap<>();
  private final Map<Integer, WorkerCancel> cancels = new HashMap<>();
  private ActorRef<IsolateExited> exits;
  private int nextId = 1;

  WorkerBinding(
      ActorContext<IsolateMessage> ctx, IsolateSpec spec, HostOutput output, Permissions permissions,
      WorkerParent role, JsErrors errors, PortBinding ports) {
    this.ctx = ctx;
    this.ports = ports;
    this.errors = errors;
    this.spec = spec;
    this.output = output;
    this.permissions = permissions;
    this.role = role;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_worker_role", (ProxyExecutable) args -> role == null ? null : role.name());
    ops.put("op_worker_options_enabled", (ProxyExecutable) args -> spec.isUnstable("worker-options"));
    // (url, name, narrowing or null to inherit) -> the worker's number; a wider narrowing throws.
    ops.put("op_worker_spawn", (ProxyExecutable) args -> errors.guard(() -> {
      PermissionSet granted = args[2].isNull()
          ? spec.permissions()
          : permissions.narrowed(PermissionsBinding.narrowing(args[2]));
      return spawn(args[0].asString(), args[1].asString(), granted);
    }));
    ops.put("op_worker_post", (ProxyExecutable) args -> {
      ActorRef<IsolateMessage> worker = workers.get(args[0].asInt());
      if (worker != null) worker.tell(new WorkerEvent.ToWorker(ports.serialized(args[1], args[2], args[3], args[4])));
      return null;
    });
    ops.put("op_worker_terminate", (ProxyExecutable) args -> {
      ActorRef<IsolateMessage> worker = workers.remove(args[0].asInt());
      if (worker != null) {
        // A stop is read between turns; cancelling also ends a turn that never returns.
        cancels.remove(args[0].asInt()).cancel();
        ctx.stop(worker);
      }
      return null;
    });
    ops.put("op_worker_post_to_parent", (ProxyExecutable) args -> {
      // What the worker printed before posting is out before the parent can react (and perhaps exit):
      // Deno writes worker output at once.
      output.flush();
      role.parent().tell(new WorkerEvent.FromWorker(role.workerId(), ports.serialized(args[0], args[1], args[2], args[3])));
      return null;
    });
    ops.put("op_worker_fail", (ProxyExecutable) args -> {
      if (role != null) {
        // The worker's report goes out before the parent can react to it (Deno's order on stderr).
        output.flush();
        role.parent().tell(new WorkerEvent.Failed(
            role.workerId(), args[0].asString(), args[1].asString(), args[2].asInt(), args[3].asInt()));
      }
      return null;
    });
  }

  /**
   * Starts a worker isolate and returns its number at once: loading and running its module happen in
   * the child's own turns, so the parent never waits. Deno needs read access to a local worker module;
   * without it the worker fails as it starts, which the parent learns as an error event.
   */
  private int spawn(String url, String name, PermissionSet granted) {
    int id = nextId++;
    if (url.startsWith("file:")) {
      Path path = Path.of(URI.create(url));
      try {
        permissions.checkPath(PermissionKind.READ, path, path.toString());
      } catch (OpException denied) {
        output.print("error: Uncaught (in worker \"" + name + "\") " + denied.getMessage() + "\n", true);
        ctx.getSelf().tell(new WorkerEvent.Failed(id, denied.getMessage(), "", 0, 0));
        ctx.getSelf().tell(new WorkerEvent.Exited(id));
        return id;
      }
    }
    if (exits == null) {
      // One adapter for all workers (Pekko keeps one per message class); the actor name says which.
      exits = ctx.messageAdapter(IsolateExited.class,
          e -> new WorkerEvent.Exited(Integer.parseInt(e.name().substring(ACTOR_PREFIX.length()))));
    }
    IsolateSpec child = new IsolateSpec(ACTOR_PREFIX + id, url, null, spec.args(), granted, spec.cwd())
        .withUnstable(spec.unstable())
        .withConfig(spec.config());
    WorkerCancel cancel = new WorkerCancel();
    cancels.put(id, cancel);
    workers.put(id, ctx.spawn(
        IsolateActor.create(child, output.sibling(), exits, new WorkerParent(ctx.getSelf(), id, name, cancel)),
        ACTOR_PREFIX + id, IsolateActor.DISPATCHER));
    return id;
  }

  /** A worker that ended on its own is forgotten; its number is never reused. */
  void exited(int workerId) {
    workers.remove(workerId);
    cancels.remove(workerId);
  }
}
