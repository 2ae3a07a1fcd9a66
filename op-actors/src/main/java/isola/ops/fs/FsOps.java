package isola.ops.fs;

import isola.ops.OpException;
import isola.protocol.FsRequest;
import isola.protocol.OpReply;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * An isolate's async path ops ({@code Deno.readFile}, {@code Deno.stat}, ...). Spawn it with
 * {@link #DISPATCHER}: its calls block, so they never run on an isolate thread.
 */
public final class FsOps {
  /** The pool for blocking file system calls (reference.conf). */
  public static final DispatcherSelector DISPATCHER =
      DispatcherSelector.fromConfig("isola.blocking-io-dispatcher");

  private FsOps() {}

  public static Behavior<FsRequest> create() {
    return Behaviors.receiveMessage(req -> {
      req.replyTo().tell(call(req));
      return Behaviors.same();
    });
  }

  private static OpReply call(FsRequest req) {
    try {
      return OpReply.ok(req.promiseId(), FsSyscalls.run(req.op()));
    } catch (OpException e) {
      return OpReply.err(req.promiseId(), e.error());
    }
  }
}
