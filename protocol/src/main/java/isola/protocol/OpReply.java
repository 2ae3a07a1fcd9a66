package isola.protocol;

/**
 * The answer to one async op, addressed to the promise the JS side is waiting on.
 * {@code value} is a plain Java value (null, Boolean, Number, String, byte[], or a record of those).
 */
public sealed interface OpReply extends IsolateMessage {
  int promiseId();

  record Ok(int promiseId, Object value) implements OpReply {}

  record Err(int promiseId, OpError error) implements OpReply {}

  static OpReply ok(int promiseId, Object value) {
    return new Ok(promiseId, value);
  }

  static OpReply err(int promiseId, OpError error) {
    return new Err(promiseId, error);
  }
}
