package isola.ops.fs;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import isola.ops.NativeCalls;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Linux's inotify(7) through the FFM API, for {@code Deno.watchFs}. The JDK's WatchService has no
 * close-after-write event, does not pair a rename's two halves and polls on a thread of its own;
 * Deno (the notify crate) reports both, so the kernel's events are read as they are.
 *
 * <p>One instance is one inotify descriptor; after {@link FsWatcher} hands it to its reader thread,
 * only that thread uses it.
 */
final class Inotify implements AutoCloseable {
  static final int IN_MODIFY = 0x2;
  static final int IN_ATTRIB = 0x4;
  static final int IN_CLOSE_WRITE = 0x8;
  static final int IN_MOVED_FROM = 0x40;
  static final int IN_MOVED_TO = 0x80;
  static final int IN_CREATE = 0x100;
  static final int IN_DELETE = 0x200;
  static final int IN_DELETE_SELF = 0x400;
  static final int IN_MOVE_SELF = 0x800;
  static final int IN_Q_OVERFLOW = 0x4000;
  static final int IN_IGNORED = 0x8000;
  static final int IN_ISDIR = 0x40000000;
  /** What notify watches for. */
  static final int WATCHED = IN_ATTRIB | IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY
      | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

  private static final int IN_NONBLOCK = 0x800;
  private static final int IN_CLOEXEC = 0x80000;
  private static final short POLLIN = 1;
  private static final int EINTR = 4;
  private static final int EAGAIN = 11;

  private static final MethodHandle INIT = NativeCalls.downcall("inotify_init1",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle ADD_WATCH = NativeCalls.downcall("inotify_add_watch",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle POLL = NativeCalls.downcall("poll",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle READ = NativeCalls.downcall("read",
      FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
  private static final MethodHandle CLOSE = NativeCalls.downcall("close",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  /** One event as the kernel reported it; {@code name} is "" for the watched path itself. */
  record Event(int wd, int mask, int cookie, String name) {}

  private final int fd;
  private final Arena arena = Arena.ofShared();
  private final MemorySegment buffer = arena.allocate(64 * 1024, 8);
  private final MemorySegment pollFd = arena.allocate(8, 4);
  private boolean closed;

  private Inotify(int fd) {
    this.fd = fd;
  }

  static boolean available() {
    return INIT != null && ADD_WATCH != null && POLL != null && READ != null && CLOSE != null;
  }

  static Inotify open() throws IOException {
    if (!available()) throw new IOException("inotify is not available");
    try {
      int fd = (int) INIT.invokeExact(NativeCalls.scratch().errnoState, IN_NONBLOCK | IN_CLOEXEC);
      if (fd < 0) throw new IOException(errnoMessage(NativeCalls.scratch().errno()));
      return new Inotify(fd);
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException(e);
    }
  }

  /** Watches {@code path}; returns the watch descriptor. */
  int addWatch(String path) throws IOException {
    try {
      NativeCalls.Scratch scratch = NativeCalls.scratch();
      int wd = (int) ADD_WATCH.invokeExact(scratch.errnoState, fd, scratch.cString(path), WATCHED);
      if (wd < 0) throw new IOException(errnoMessage(scratch.errno()) + ": " + path);
      return wd;
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException(e);
    }
  }

  /** The events that arrive within {@code timeoutMs} (none if nothing happened). */
  List<Event> await(int timeoutMs) throws IOException {
    List<Event> events = new ArrayList<>();
    try {
      NativeCalls.Scratch scratch = NativeCalls.scratch();
      pollFd.set(JAVA_INT, 0, fd);
      pollFd.set(JAVA_SHORT, 4, POLLIN);
      pollFd.set(JAVA_SHORT, 6, (short) 0);
      int ready = (int) POLL.invokeExact(scratch.errnoState, pollFd, 1L, timeoutMs);
      if (ready < 0 && scratch.errno() != EINTR) throw new IOException(errnoMessage(scratch.errno()));
      if (ready <= 0) return events;
      // The kernel merges identical events still unread (a truncating open and the write after it
      // are one "modify"): give a burst a moment to arrive, as a reader woken less eagerly would.
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
      long n = (long) READ.invokeExact(scratch.errnoState, fd, buffer, buffer.byteSize());
      if (n < 0) {
        int errno = scratch.errno();
        if (errno == EAGAIN || errno == EINTR) return events;
        throw new IOException(errnoMessage(errno));
      }
      for (long at = 0; at + 16 <= n; ) {
        int wd = buffer.get(JAVA_INT, at);
        int mask = buffer.get(JAVA_INT, at + 4);
        int cookie = buffer.get(JAVA_INT, at + 8);
        int len = buffer.get(JAVA_INT, at + 12);
        events.add(new Event(wd, mask, cookie, name(at + 16, len)));
        at += 16 + len;
      }
      return events;
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException(e);
    }
  }

  private String name(long at, int len) {
    int end = 0;
    while (end < len && buffer.get(JAVA_BYTE, at + end) != 0) end++;
    byte[] bytes = new byte[end];
    MemorySegment.copy(buffer, JAVA_BYTE, at, bytes, 0, end);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      int ignored = (int) CLOSE.invokeExact(NativeCalls.scratch().errnoState, fd);
    } catch (Throwable e) {
      // the descriptor is gone either way
    }
    arena.close();
  }

  private static String errnoMessage(int errno) {
    Errno known = Errno.ofNumber(errno);
    return known != null ? known.name() : "os error " + errno;
  }
}
