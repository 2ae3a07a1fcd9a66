package isola.isolate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Engine state that V8 shows Deno's inspector but JS itself cannot see: a promise's state and result,
 * a proxy's target and handler. GraalJS keeps them in its object model (JSPromiseObject,
 * JSProxyObject), reachable only through the polyglot Value's guest receiver, so we read them by
 * reflection. If a GraalJS upgrade moves them, the ops answer "unknown" (a pending promise, not a
 * proxy) instead of failing: console output degrades, programs keep working.
 */
final class GuestInternals {
  private static final Field RECEIVER = receiverField();

  private GuestInternals() {}

  static void register(Map<String, Object> ops) {
    ops.put("op_promise_details", (ProxyExecutable) args -> promiseDetails(args[0]));
    ops.put("op_proxy_details", (ProxyExecutable) args -> proxyDetails(args[0]));
  }

  /** [state, result] with Deno's states (0 pending, 1 fulfilled, 2 rejected), or null if unknown. */
  static Object promiseDetails(Value promise) {
    Object guest = receiver(promise);
    if (guest == null || !guest.getClass().getName().endsWith(".JSPromiseObject")) return null;
    Object state = call(guest, "getPromiseState");
    if (!(state instanceof Integer s)) return null;
    Object result = s == 0 ? null : call(guest, "getPromiseResult");
    return ProxyArray.fromArray(s, result);
  }

  /** [target, handler] of a proxy, or null for anything else. */
  static Object proxyDetails(Value value) {
    Object guest = receiver(value);
    if (guest == null || !guest.getClass().getName().endsWith(".JSProxyObject")) return null;
    return ProxyArray.fromArray(call(guest, "getProxyTarget"), call(guest, "getProxyHandler"));
  }

  private static Object receiver(Value value) {
    if (RECEIVER == null || value == null) return null;
    try {
      return RECEIVER.get(value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object call(Object guest, String method) {
    try {
      Method m = guest.getClass().getMethod(method);
      return m.invoke(guest);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Field receiverField() {
    try {
      Field f = Value.class.getSuperclass().getDeclaredField("receiver");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
