package isola.ops.process;

import isola.ops.process.ProcessSpawn.Stdio;
import isola.protocol.ProcessOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a started child to its end on the calling thread ({@code outputSync}: Deno blocks its thread
 * too). Each output pipe is read by a virtual thread of its own, so neither can fill up and stall
 * the child; inherited output is handed to the caller's thread as it comes, piped output is kept.
 */
public final class ChildRun {
  /** What a pipe reader hands over: a chunk of inherited output, or the pipe's end. */
  private record End(boolean stderr, byte[] piped) {}

  /** {@code stdout}/{@code stderr}: the piped bytes, null where not piped. */
  public record Result(List<Object> status, byte[] stdout, byte[] stderr) {}

  private ChildRun() {}

  /** Writes {@code input} to the child's piped stdin and closes it, beside the reading of its output. */
  public static void feed(Process process, byte[] input) {
    Thread.ofVirtual().name("isola-child-stdin").start(() -> {
      try (var in = process.getOutputStream()) {
        in.write(input);
      } catch (java.io.IOException e) {
        // the child exited or closed its stdin before reading it all, as a pipe allows
      }
    });
  }

  /** Waits for {@code process}; {@code inherited} runs on this thread for each inherited chunk. */
  public static Result run(Process process, Stdio stdout, Stdio stderr, Consumer<ProcessOutput> inherited)
      throws InterruptedException {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    read(process.getInputStream(), false, stdout, events);
    read(process.getErrorStream(), true, stderr, events);
    byte[] out = null;
    byte[] err = null;
    try {
      for (int ended = 0; ended < 2; ) {
        switch (events.take()) {
          case ProcessOutput chunk -> inherited.accept(chunk);
          case End end -> {
            ended++;
            if (end.stderr()) err = end.piped();
            else out = end.piped();
          }
          default -> throw new IllegalStateException();
        }
      }
      return new Result(ProcessSpawn.status(process.waitFor()), out, err);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static void read(InputStream in, boolean stderr, Stdio stdio, BlockingQueue<Object> events) {
    Thread.ofVirtual().name("isola-child-pipe").start(() -> {
      ByteArrayOutputStream piped = stdio == Stdio.PIPED ? new ByteArrayOutputStream() : null;
      byte[] buf = new byte[64 * 1024];
      try (in) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          if (piped != null) piped.write(buf, 0, n);
          else if (n > 0 && stdio == Stdio.INHERIT) events.add(new ProcessOutput(stderr, Arrays.copyOf(buf, n)));
        }
      } catch (IOException e) {
        // the pipe broke: what was read is what the child wrote
      }
      events.add(new End(stderr, piped == null ? null : piped.toByteArray()));
    });
  }
}
