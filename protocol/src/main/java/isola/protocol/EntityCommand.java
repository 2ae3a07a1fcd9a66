package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a hosted script's isolate takes as a Cluster Sharding entity ({@code isola serve --cluster}),
 * keyed by the script's name. Every one of these may cross JVMs, and so may the replies their
 * {@code replyTo} refs take: all are bound to Pekko's Jackson CBOR serializer.
 */
public sealed interface EntityCommand extends CborSerializable {
  /**
   * An HTTP request from the front door of some node; the whole response goes back to {@code replyTo}.
   * After {@code answerBy} (epoch milliseconds) the front door has answered 503 and stopped waiting: a
   * call that arrives later (held in a shard region while its isolate moved) is not run.
   */
  record HttpCall(HttpRequestData request, long answerBy, ActorRef<HttpResponseData> replyTo)
      implements EntityCommand {}

  /** Where the isolate runs and how it is doing. */
  record Status(ActorRef<EntityStatus> replyTo) implements EntityCommand {}

  /** Starts the module anew (read again from disk on the hosting node); the old one answers what it has. */
  record Reload() implements EntityCommand {}

  /**
   * The shard is moving (rebalance, or this node leaving): answer what was taken, then stop. Requests
   * that come meanwhile wait in the shard region and go to the entity's next home.
   */
  record HandOff() implements EntityCommand {}
}
