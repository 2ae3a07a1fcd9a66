package isola.isolate;

import isola.ops.OpException;
import isola.ops.fs.FileResource;
import isola.ops.fs.FsOps;
import isola.ops.fs.FsWatcher;
import isola.ops.fs.OpenFile;
import isola.protocol.ErrorKind;
import isola.protocol.FileRequest;
import isola.protocol.FsWatchRequest;
import isola.protocol.OpError;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Deno's resource ids of one isolate. Each open file is a resource actor, a child of the isolate (so it
 * stops, and closes its file, with the isolate); {@code *Sync} ops use the file directly. Ids start at
 * 3, after stdin, stdout and stderr, as in Deno.
 *
 * <p>Runs only on the isolate's thread.
 */
final class ResourceTable {
  /** An open file and the actor that runs its async ops. */
  record FileHandle(OpenFile file, ActorRef<FileRequest> actor) {}

  private final ActorContext<?> context;
  private final Map<Integer, FileHandle> files = new HashMap<>();
  private final Map<Integer, ActorRef<FsWatchRequest>> watchers = new HashMap<>();
  private int nextRid = 3;

  ResourceTable(ActorContext<?> context) {
    this.context = context;
  }

  /** A fresh id for a resource kept elsewhere (sockets, see {@link NetBinding}): one id space. */
  int newRid() {
    return nextRid++;
  }

  int add(OpenFile file) {
    int rid = nextRid++;
    ActorRef<FileRequest> actor = context.spawn(FileResource.create(file), "file-" + rid, FsOps.DISPATCHER);
    files.put(rid, new FileHandle(file, actor));
    return rid;
  }

  /** A Deno.watchFs watcher: its actor, a child of the isolate, stops it with the isolate. */
  int add(FsWatcher.Setup watch) {
    int rid = nextRid++;
    watchers.put(rid, context.spawn(FsWatcher.create(watch), "fs-watcher-" + rid, FsOps.DISPATCHER));
    return rid;
  }

  ActorRef<FsWatchRequest> watcher(int rid) throws OpException {
    ActorRef<FsWatchRequest> watcher = watchers.get(rid);
    if (watcher == null) throw badResource();
    return watcher;
  }

  /** Stops a watcher; closing one twice is no error (Deno's FsWatcher.close is idempotent). */
  void closeWatcher(int rid) {
    ActorRef<FsWatchRequest> watcher = watchers.remove(rid);
    if (watcher != null) watcher.tell(new FsWatchRequest.Close());
  }

  FileHandle file(int rid) throws OpException {
    FileHandle handle = files.get(rid);
    if (handle == null) throw badResource();
    return handle;
  }

  /** Closes after the async ops already sent to the file; later use of the id is a BadResource. */
  void close(int rid) throws OpException {
    FileHandle handle = files.remove(rid);
    if (handle == null) throw badResource();
    handle.actor().tell(new FileRequest.Close());
  }

  private static OpException badResource() {
    return new OpException(OpError.of(ErrorKind.BadResource, "Bad resource ID"));
  }
}
