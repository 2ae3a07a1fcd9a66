package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * The no-op async op ({@code op_void_async}, as in Deno's core): measures the bare round trip
 * JS → op actor → reply → promise resolved.
 */
public record VoidRequest(int promiseId, ActorRef<OpReply> replyTo) {}
