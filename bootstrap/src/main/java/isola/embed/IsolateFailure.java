package isola.embed;

/** A hosted script failed (an uncaught error) or ended while an ask was waiting for its answer. */
public final class IsolateFailure extends RuntimeException {
  private final String isolate;

  public IsolateFailure(String isolate, String message) {
    super("isolate \"" + isolate + "\": " + message);
    this.isolate = isolate;
  }

  public String isolate() {
    return isolate;
  }
}
