package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** Opens a TCP connection; the reply is the connected socket, adopted by the isolate as a resource. */
public record ConnectRequest(int promiseId, String hostname, int port, ActorRef<OpReply> replyTo) {}
