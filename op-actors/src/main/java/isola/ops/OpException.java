package isola.ops;

import isola.protocol.OpError;

/**
 * An op failing with a typed error. Thrown by host code that runs an op (inline on the isolate thread
 * for sync ops, in an op actor for async ones) and turned into {@code Deno.errors.*} on the JS side.
 * Carries no stack trace: it is an answer, not a bug.
 */
public final class OpException extends Exception {
  private final OpError error;

  public OpException(OpError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public OpError error() {
    return error;
  }
}
