package isola.ops.core;

import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The process's standard input, shared by the isolates of the JVM as Deno's workers share it. Reads
 * block, so each runs on one virtual thread, in the order asked: a script waiting for a line never
 * holds an isolate thread or a pooled one.
 */
public final class Stdin {
  private Stdin() {}

  private static final class Holder {
    static final ExecutorService READER = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("isola-stdin").factory());
  }

  private static InputStream in() {
    return System.in;
  }

  /** Replies with the bytes read (at most {@code max}), or null at the end of input. */
  public static void read(int promiseId, int max, ActorRef<OpReply> replyTo) {
    Holder.READER.execute(() -> {
      try {
        replyTo.tell(OpReply.ok(promiseId, readSync(max)));
      } catch (IOException e) {
        replyTo.tell(OpReply.err(promiseId, OpError.of(ErrorKind.Error, String.valueOf(e.getMessage()))));
      }
    });
  }

  /** Blocks the caller, as Deno's readSync does. */
  public static byte[] readSync(int max) throws IOException {
    byte[] buf = new byte[Math.max(0, max)];
    if (buf.length == 0) return buf;
    int n = in().read(buf);
    return n < 0 ? null : Arrays.copyOf(buf, n);
  }
}
