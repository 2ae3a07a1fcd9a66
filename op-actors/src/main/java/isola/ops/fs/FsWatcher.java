package isola.ops.fs;

import static isola.ops.fs.Inotify.IN_ATTRIB;
import static isola.ops.fs.Inotify.IN_CLOSE_WRITE;
import static isola.ops.fs.Inotify.IN_CREATE;
import static isola.ops.fs.Inotify.IN_DELETE;
import static isola.ops.fs.Inotify.IN_DELETE_SELF;
import static isola.ops.fs.Inotify.IN_IGNORED;
import static isola.ops.fs.Inotify.IN_ISDIR;
import static isola.ops.fs.Inotify.IN_MODIFY;
import static isola.ops.fs.Inotify.IN_MOVED_FROM;
import static isola.ops.fs.Inotify.IN_MOVED_TO;
import static isola.ops.fs.Inotify.IN_MOVE_SELF;
import static isola.ops.fs.Inotify.IN_Q_OVERFLOW;

import isola.protocol.FsWatchRequest;
import isola.protocol.OpReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The resource actor of one {@code Deno.watchFs} watcher. A reader thread of its own waits on the
 * inotify descriptor and sends the events, worded as Deno words them ({@code [kind, flag, paths...]}),
 * to this actor, which hands one to each {@code next()} of the script, in order.
 *
 * <p>Kinds as Deno 2.9.6 reports the kernel's events (through the notify crate): created -> "create",
 * written or attributes changed -> "modify", closed after writing -> "access", deleted -> "remove", a
 * rename -> "remove" for the old name, "rename" for the new, then "rename" with both. Directories
 * created under a recursive watch are watched too.
 */
public final class FsWatcher extends AbstractBehavior<FsWatchRequest> {
  /** Events kept for a script that does not read them; past this, one "rescan" stands for the rest. */
  private static final int MAX_QUEUED = 65_536;
  private static final int POLL_MS = 200;

  private record Events(List<List<Object>> events) implements FsWatchRequest {}

  /** The inotify descriptor with its first watches, made while watchFs runs so its errors are its. */
  public static final class Setup {
    private final Inotify inotify;
    private final Map<Integer, Path> watched = new HashMap<>();
    /** The paths watchFs was given: their own deletion is reported from their watch. */
    private final java.util.Set<Path> roots = new java.util.HashSet<>();
    private final boolean recursive;

    private Setup(Inotify inotify, boolean recursive) {
      this.inotify = inotify;
      this.recursive = recursive;
    }

    private void watch(Path path) throws IOException {
      watched.put(inotify.addWatch(path.toString()), path);
      if (recursive && Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> children = Files.list(path)) {
          for (Path child : children.toList()) {
            if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) watch(child);
          }
        }
      }
    }
  }

  /** Watches {@code paths} (absolute, existing); directories below them too if {@code recursive}. */
  public static Setup setUp(List<Path> paths, boolean recursive) throws IOException {
    Setup setup = new Setup(Inotify.open(), recursive);
    try {
      for (Path path : paths) {
        setup.roots.add(path);
        setup.watch(path);
      }
    } catch (IOException | RuntimeException e) {
      setup.inotify.close();
      throw e;
    }
    return setup;
  }

  public static boolean available() {
    return Inotify.available();
  }

  public static Behavior<FsWatchRequest> create(Setup setup) {
    return Behaviors.setup(ctx -> new FsWatcher(ctx, setup));
  }

  private final ArrayDeque<List<Object>> events = new ArrayDeque<>();
  private final ArrayDeque<FsWatchRequest.Next> waiting = new ArrayDeque<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private boolean overflowed;

  private FsWatcher(ActorContext<FsWatchRequest> ctx, Setup setup) {
    super(ctx);
    ActorRef<FsWatchRequest> self = ctx.getSelf();
    Thread reader = new Thread(() -> read(setup, self), "isola-fs-watch");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public Receive<FsWatchRequest> createReceive() {
    return newReceiveBuilder()
        .onMessage(Events.class, this::onEvents)
        .onMessage(FsWatchRequest.Next.class, this::onNext)
        .onMessage(FsWatchRequest.Close.class, c -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> {
          stopped.set(true);
          for (FsWatchRequest.Next next : waiting) next.replyTo().tell(OpReply.ok(next.promiseId(), null));
          waiting.clear();
          return this;
        })
        .build();
  }

  private Behavior<FsWatchRequest> onEvents(Events batch) {
    for (List<Object> event : batch.events()) {
      if (events.size() < MAX_QUEUED) {
        events.add(event);
        overflowed = false;
      } else if (!overflowed) {
        overflowed = true;
        events.add(List.of("other", "rescan"));
      }
    }
    deliver();
    return this;
  }

  private Behavior<FsWatchRequest> onNext(FsWatchRequest.Next next) {
    waiting.add(next);
    deliver();
    return this;
  }

  private void deliver() {
    while (!events.isEmpty() && !waiting.isEmpty()) {
      FsWatchRequest.Next next = waiting.remove();
      next.replyTo().tell(OpReply.ok(next.promiseId(), events.remove()));
    }
  }

  /** The reader thread: owns the descriptor from here on, closes it when the actor has stopped. */
  private void read(Setup setup, ActorRef<FsWatchRequest> self) {
    Map<Integer, Path> renamed = new LinkedHashMap<>();
    try (Inotify inotify = setup.inotify) {
      while (!stopped.get()) {
        List<Inotify.Event> raw = inotify.await(POLL_MS);
        if (raw.isEmpty() || stopped.get()) continue;
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
          Inotify.Event e = raw.get(i);
          // Deleting a watched file changes its link count first; Deno reports only the removal.
          if (e.mask() == IN_ATTRIB && e.name().isEmpty() && i + 1 < raw.size()
              && raw.get(i + 1).wd() == e.wd() && (raw.get(i + 1).mask() & IN_DELETE_SELF) != 0) {
            continue;
          }
          translate(setup, e, renamed, out);
        }
        if (!out.isEmpty()) self.tell(new Events(out));
      }
    } catch (IOException | RuntimeException e) {
      // The descriptor failed (it is closed with the watcher); the script sees no more events.
    }
  }

  private static void translate(Setup setup, Inotify.Event e, Map<Integer, Path> renamed,
      List<List<Object>> out) {
    if ((e.mask() & IN_Q_OVERFLOW) != 0) {
      out.add(List.of("other", "rescan"));
      return;
    }
    Path base = setup.watched.get(e.wd());
    if (base == null) return;
    if ((e.mask() & IN_IGNORED) != 0) {
      setup.watched.remove(e.wd());
      return;
    }
    Path path = e.name().isEmpty() ? base : base.resolve(e.name());
    int mask = e.mask();
    if ((mask & IN_CREATE) != 0) {
      out.add(event("create", path));
      if ((mask & IN_ISDIR) != 0 && setup.recursive) watchQuietly(setup, path);
    }
    if ((mask & (IN_MODIFY | IN_ATTRIB)) != 0) out.add(event("modify", path));
    if ((mask & IN_CLOSE_WRITE) != 0) out.add(event("access", path));
    if ((mask & IN_MOVED_FROM) != 0) {
      out.add(event("remove", path));
      renamed.put(e.cookie(), path);
      if (renamed.size() > 64) renamed.remove(renamed.keySet().iterator().next());
    }
    if ((mask & IN_MOVED_TO) != 0) {
      out.add(event("rename", path));
      Path from = renamed.remove(e.cookie());
      if (from != null) out.add(event("rename", from, path));
      if ((mask & IN_ISDIR) != 0 && setup.recursive) watchQuietly(setup, path);
    }
    // A directory below a root is reported gone by its parent's watch (IN_DELETE), not twice.
    boolean self = (mask & (IN_DELETE_SELF | IN_MOVE_SELF)) != 0;
    if ((mask & IN_DELETE) != 0 || (self && setup.roots.contains(path))) out.add(event("remove", path));
  }

  private static void watchQuietly(Setup setup, Path dir) {
    try {
      setup.watch(dir);
    } catch (IOException | RuntimeException e) {
      // gone again already, or the watch limit is reached: its events are missed, as in notify
    }
  }

  private static List<Object> event(String kind, Path... paths) {
    List<Object> event = new ArrayList<>(2 + paths.length);
    event.add(kind);
    event.add(null);
    for (Path p : paths) event.add(p.toString());
    return event;
  }
}
