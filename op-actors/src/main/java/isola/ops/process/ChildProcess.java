package isola.ops.process;

import isola.ops.process.ProcessSpawn.Stdio;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import isola.protocol.ProcessOutput;
import isola.protocol.ProcessRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The resource actor of one child process ({@code Deno.ChildProcess}), a child of its isolate: when
 * the isolate stops, a child process still running is killed (SIGKILL).
 *
 * <p>Pipe I/O blocks, so each pipe has one virtual thread of its own that runs its requests in
 * order and replies to the isolate directly; a child that stops reading its stdin holds up no read
 * of its stdout. A read is only issued when JS asks for one, so a slow reader leaves the child's
 * output in the pipe (the child blocks, as under Deno). Output the script asked to inherit is pumped
 * to the isolate as {@link ProcessOutput}; the exit status is answered after all of it.
 */
public final class ChildProcess extends AbstractBehavior<ProcessRequest> {
  /** A read never allocates more than this, whatever buffer JS passes. */
  private static final int MAX_READ = 256 * 1024;

  private final Process process;
  private final ExecutorService stdinPipe = pipeThread();
  private final ExecutorService stdoutPipe = pipeThread();
  private final ExecutorService stderrPipe = pipeThread();
  private final CompletableFuture<Void> inherited;

  public static Behavior<ProcessRequest> create(Process process, Stdio stdout, Stdio stderr,
      ActorRef<? super ProcessOutput> isolate) {
    return Behaviors.setup(ctx -> new ChildProcess(ctx, process, stdout, stderr, isolate));
  }

  private ChildProcess(ActorContext<ProcessRequest> ctx, Process process, Stdio stdout, Stdio stderr,
      ActorRef<? super ProcessOutput> isolate) {
    super(ctx);
    this.process = process;
    this.inherited = CompletableFuture.allOf(
        stdout == Stdio.INHERIT ? pump(process.getInputStream(), false, isolate, stdoutPipe) : done(),
        stderr == Stdio.INHERIT ? pump(process.getErrorStream(), true, isolate, stderrPipe) : done());
  }

  private static ExecutorService pipeThread() {
    return Executors.newSingleThreadExecutor(Thread.ofVirtual().name("isola-child-pipe").factory());
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  private static CompletableFuture<Void> pump(InputStream in, boolean stderr,
      ActorRef<? super ProcessOutput> isolate, ExecutorService pipe) {
    return CompletableFuture.runAsync(() -> {
      byte[] buf = new byte[64 * 1024];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          if (n > 0) isolate.tell(new ProcessOutput(stderr, Arrays.copyOf(buf, n)));
        }
      } catch (IOException e) {
        // the pipe was closed under us: the actor stopped
      }
    }, pipe);
  }

  @Override
  public Receive<ProcessRequest> createReceive() {
    return newReceiveBuilder()
        .onMessage(ProcessRequest.Read.class, this::onRead)
        .onMessage(ProcessRequest.ReadAll.class, this::onReadAll)
        .onMessage(ProcessRequest.Write.class, this::onWrite)
        .onMessage(ProcessRequest.CloseStdin.class, c -> {
          stdinPipe.execute(() -> closeQuietly(process.getOutputStream()));
          return this;
        })
        .onMessage(ProcessRequest.Wait.class, this::onWait)
        .onMessage(ProcessRequest.Close.class, c -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> onStop())
        .build();
  }

  private Behavior<ProcessRequest> onRead(ProcessRequest.Read read) {
    InputStream in = read.fd() == 1 ? process.getInputStream() : process.getErrorStream();
    (read.fd() == 1 ? stdoutPipe : stderrPipe).execute(() -> {
      try {
        byte[] buf = new byte[Math.clamp(read.length(), 1, MAX_READ)];
        int n = in.read(buf);
        read.replyTo().tell(OpReply.ok(read.promiseId(), n < 0 ? null : Arrays.copyOf(buf, n)));
      } catch (IOException e) {
        read.replyTo().tell(OpReply.err(read.promiseId(), closed()));
      }
    });
    return this;
  }

  private Behavior<ProcessRequest> onReadAll(ProcessRequest.ReadAll read) {
    InputStream in = read.fd() == 1 ? process.getInputStream() : process.getErrorStream();
    (read.fd() == 1 ? stdoutPipe : stderrPipe).execute(() -> {
      try {
        read.replyTo().tell(OpReply.ok(read.promiseId(), in.readAllBytes()));
      } catch (IOException e) {
        read.replyTo().tell(OpReply.err(read.promiseId(), closed()));
      }
    });
    return this;
  }

  private Behavior<ProcessRequest> onWrite(ProcessRequest.Write write) {
    stdinPipe.execute(() -> {
      try {
        OutputStream out = process.getOutputStream();
        out.write(write.data());
        out.flush();
        write.replyTo().tell(OpReply.ok(write.promiseId(), write.data().length));
      } catch (IOException e) {
        write.replyTo().tell(OpReply.err(write.promiseId(),
            new OpError(ErrorKind.BrokenPipe, "EPIPE", "Broken pipe (os error 32)")));
      }
    });
    return this;
  }

  private Behavior<ProcessRequest> onWait(ProcessRequest.Wait wait) {
    process.onExit().thenCombine(inherited, (p, ignored) -> p).thenAccept(p ->
        afterPendingReads().thenRun(() ->
            wait.replyTo().tell(OpReply.ok(wait.promiseId(), ProcessSpawn.status(p.exitValue())))));
    return this;
  }

  /**
   * Done when the reads already started on stdout and stderr have answered (what the child wrote
   * before it exited reaches the script before its exit status, as under Deno), or after 50 ms: a
   * grandchild may hold a pipe open for good.
   */
  private CompletableFuture<Void> afterPendingReads() {
    return CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> {}, stdoutPipe), CompletableFuture.runAsync(() -> {}, stderrPipe))
        .completeOnTimeout(null, 50, java.util.concurrent.TimeUnit.MILLISECONDS)
        .exceptionally(e -> null);
  }

  private Behavior<ProcessRequest> onStop() {
    if (process.isAlive()) process.destroyForcibly();
    closeQuietly(process.getOutputStream());
    closeQuietly(process.getInputStream());
    closeQuietly(process.getErrorStream());
    stdinPipe.shutdownNow();
    stdoutPipe.shutdownNow();
    stderrPipe.shutdownNow();
    return this;
  }

  private static OpError closed() {
    return OpError.of(ErrorKind.BadResource, "Bad resource ID");
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // released either way
    }
  }
}
