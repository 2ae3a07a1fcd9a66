package isola.embed;

import isola.ops.http.HttpExchange;
import isola.protocol.OpReply;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Reads a request's whole body off its connection (the exchange answers reads as {@link OpReply}
 * messages), then hands it on; a client that goes away first gets nothing, as there is no one to
 * answer.
 */
final class RequestBody {
  private RequestBody() {}

  static Behavior<OpReply> read(HttpExchange exchange, Consumer<byte[]> then) {
    return Behaviors.setup(ctx -> {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      exchange.read(1, ctx.getSelf());
      return Behaviors.receive(OpReply.class)
          .onMessage(OpReply.Ok.class, ok -> {
            if (ok.value() == null) {
              then.accept(body.toByteArray());
              return Behaviors.stopped();
            }
            body.writeBytes((byte[]) ok.value());
            exchange.read(1, ctx.getSelf());
            return Behaviors.same();
          })
          .onMessage(OpReply.Err.class, err -> Behaviors.stopped())
          .build();
    });
  }
}
