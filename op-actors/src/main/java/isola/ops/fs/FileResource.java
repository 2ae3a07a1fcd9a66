package isola.ops.fs;

import isola.ops.OpException;
import isola.protocol.FileRequest;
import isola.protocol.OpReply;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The resource actor of one open file: runs its async ops in order and closes it on
 * {@link FileRequest.Close} or when the isolate stops (it is the isolate's child). Spawn it with
 * {@link FsOps#DISPATCHER}.
 */
public final class FileResource {
  private FileResource() {}

  public static Behavior<FileRequest> create(OpenFile file) {
    return Behaviors.receive(FileRequest.class)
        .onMessage(FileRequest.Call.class, call -> {
          call.replyTo().tell(run(file, call));
          return Behaviors.same();
        })
        .onMessage(FileRequest.Close.class, close -> Behaviors.stopped())
        .onSignal(PostStop.class, stop -> {
          file.close();
          return Behaviors.same();
        })
        .build();
  }

  private static OpReply run(OpenFile file, FileRequest.Call call) {
    try {
      return OpReply.ok(call.promiseId(), file.run(call.op()));
    } catch (OpException e) {
      return OpReply.err(call.promiseId(), e.error());
    }
  }
}
