package isola.isolate.web;

/** A Web Crypto operation that failed; {@code name} is the DOMException name JS throws it as. */
public final class CryptoFailure extends Exception {
  private final String name;

  public CryptoFailure(String name, String message) {
    super(message, null, false, false);
    this.name = name;
  }

  public String name() {
    return name;
  }

  static CryptoFailure data(String message) {
    return new CryptoFailure("DataError", message);
  }

  static CryptoFailure operation(String message) {
    return new CryptoFailure("OperationError", message);
  }
}
