package isola.isolate;

import isola.protocol.IsolateMessage;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a worker isolate knows of its creator: where its messages go, its number there, its name, and
 * the handle through which the parent can cancel it mid-turn.
 */
public record WorkerParent(ActorRef<IsolateMessage> parent, int workerId, String name, WorkerCancel cancel) {}
