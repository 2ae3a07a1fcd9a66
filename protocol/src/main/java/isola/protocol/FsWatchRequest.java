package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a file system watcher's resource actor ({@code Deno.FsWatcher}) takes from its isolate. Not
 * sealed: the actor adds the event batches its reader thread sends to the same mailbox type.
 */
public interface FsWatchRequest {
  /** The next event; the reply is {@code [kind, flag, path...]}, or null once the watcher is closed. */
  record Next(int promiseId, ActorRef<OpReply> replyTo) implements FsWatchRequest {}

  /** Stops watching: waiting and later {@code Next}s get null, and the actor stops. */
  record Close() implements FsWatchRequest {}
}
