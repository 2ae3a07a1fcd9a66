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

  /**
   * A mail by name for the script ({@code send}/{@code ask} of isola:actors, or a Java actor through
   * {@code ClusterHost.mail}): the entity starts the isolate if it is not running and hands the mail to
   * the registration the script made under its own name ({@code register(name, handler)}). If there is
   * none by {@code deliverBy} (epoch milliseconds), {@code receipt} hears so, or, without a receipt, an
   * asker gets a failure. {@code receipt} (may be null) also hears of a delivery.
   */
  record Mail(ActorMail mail, long deliverBy, ActorRef<MailReceipt> receipt) implements EntityCommand {}

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
