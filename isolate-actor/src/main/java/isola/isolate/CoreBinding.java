package isola.isolate;

import isola.protocol.IsolateSpec;
import isola.protocol.OpReply;
import isola.protocol.VoidRequest;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/** Core ops of 00_infra.js and 90_deno_ns.js: output, the no-op ops, and facts about the program. */
final class CoreBinding {
  private final IsolateSpec spec;
  private final HostOutput output;
  private final ActorRef<VoidRequest> core;
  private final ActorRef<OpReply> replyTo;

  CoreBinding(IsolateSpec spec, HostOutput output, ActorRef<VoidRequest> core, ActorRef<OpReply> replyTo) {
    this.spec = spec;
    this.output = output;
    this.core = core;
    this.replyTo = replyTo;
  }

  private String testOptionsJson() {
    if (spec.test() == null) return null;
    try {
      return JSON.writeValueAsString(spec.test());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  void register(Map<String, Object> ops) {
    ops.put("op_print", (ProxyExecutable) args -> {
      output.print(args[0].asString(), args.length > 1 && args[1].asBoolean());
      return null;
    });
    ops.put("op_void_sync", (ProxyExecutable) args -> null);
    ops.put("op_void_async", (ProxyExecutable) args -> {
      core.tell(new VoidRequest(args[0].asInt(), replyTo));
      return null;
    });
    ops.put("op_args", (ProxyExecutable) args -> ProxyArray.fromList(new java.util.ArrayList<Object>(spec.args())));
    ops.put("op_main_module", (ProxyExecutable) args -> spec.mainModule());
    ops.put("op_max_pending_ops", (ProxyExecutable) args -> spec.limits().maxPendingOps());
    ops.put("op_pid", (ProxyExecutable) args -> (int) ProcessHandle.current().pid());
    ops.put("op_test_options", (ProxyExecutable) args -> testOptionsJson());
    ops.put("op_serve_options", (ProxyExecutable) args -> spec.serve() == null ? null
        : ProxyArray.fromArray(spec.serve().hostname(), spec.serve().port()));
    ops.put("op_test_event", (ProxyExecutable) args -> {
      output.testEvent(args[0].asString());
      return null;
    });
    ops.put("op_time_origin", (ProxyExecutable) args -> System.currentTimeMillis());
  }
}
