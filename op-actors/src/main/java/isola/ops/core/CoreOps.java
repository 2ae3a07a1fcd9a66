package isola.ops.core;

import isola.protocol.OpReply;
import isola.protocol.VoidRequest;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Host side of Deno's core async ops that touch no resource. Today that is {@code op_void_async}, the
 * no-op Deno's core keeps for measuring the op round trip; isola's benchmarks use it the same way.
 */
public final class CoreOps {
  private CoreOps() {}

  public static Behavior<VoidRequest> create() {
    return Behaviors.receiveMessage(req -> {
      req.replyTo().tell(OpReply.ok(req.promiseId(), null));
      return Behaviors.same();
    });
  }
}
