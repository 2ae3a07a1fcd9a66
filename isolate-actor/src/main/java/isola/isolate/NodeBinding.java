package isola.isolate;

import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync op of 70_node.js: evaluates the implementation file of a {@code node:} module in the calling
 * context and returns its {@code (binding, internal)} function. The source is the engine's, parsed once
 * per JVM; 70_node.js calls this at most once per module and isolate, on first import or require.
 */
final class NodeBinding {
  private final SharedEngine shared;

  NodeBinding(SharedEngine shared) {
    this.shared = shared;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_node_load", (ProxyExecutable) args ->
        Context.getCurrent().eval(shared.nodeSource(args[0].asString())));
  }
}
