package isola.isolate;

import isola.ops.OpException;
import isola.protocol.OpError;
import org.graalvm.polyglot.Value;

/**
 * Throws typed op errors into JS from sync ops. A sync op is a host call; it fails by calling the
 * runtime's {@code internal.throwOpError}, whose exception GraalJS hands back to the calling JS
 * unchanged, so the script catches a real {@code Deno.errors.*} instance.
 *
 * <p>Runs only on the isolate's thread.
 */
final class JsErrors {
  private Value thrower;

  /** Set once the runtime JS is loaded (see {@link IsolateContext}). */
  void bind(Value thrower) {
    this.thrower = thrower;
  }

  /** Raises {@code error} in JS; never returns normally. */
  RuntimeException raise(OpError error) {
    thrower.executeVoid(error.kind().name(), error.message(), error.code());
    return new IllegalStateException("internal.throwOpError returned");
  }

  /** A sync op body that may fail with a typed error. */
  interface Body {
    Object run() throws OpException;
  }

  Object guard(Body body) {
    try {
      return body.run();
    } catch (OpException e) {
      throw raise(e.error());
    }
  }
}
