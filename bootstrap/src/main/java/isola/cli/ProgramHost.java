package isola.cli;

import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import isola.isolate.SharedEngine;
import isola.protocol.IsolateSpec;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/** Runs one program the way {@code deno run} does, writing to this process's stdout and stderr. */
final class ProgramHost {
  private ProgramHost() {}

  /** This process's stdout and stderr, unbuffered by Java (HostOutput buffers per turn). */
  static HostOutput processOutput() {
    return new HostOutput(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
  }

  private static Thread prewarm;

  /**
   * Starts building the engine and parsing the runtime JS on a second thread. Main calls it before
   * it sets up logging and parses the command line (~300 ms of a cold JVM); the actor system starts
   * meanwhile, and the first isolate waits for it.
   */
  static synchronized void startPrewarm() {
    if (prewarm == null) prewarm = Thread.ofPlatform().daemon().name("isola-prewarm").start(ProgramHost::prewarm);
  }

  static int run(IsolateSpec spec) {
    HostOutput output = processOutput();
    startPrewarm();
    // Never closed: the process halts right after (see exit).
    IsolaHost host = IsolaHost.start("isola");
    joinQuietly(prewarm);
    return host.run(spec, output).toCompletableFuture().join();
  }

  private static void prewarm() {
    try {
      SharedEngine.prewarm();
    } catch (RuntimeException e) {
      // Only a head start: the isolate meets (and reports) the same failure itself.
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends the process. The program's output is flushed by then; skipping the actor system's orderly
   * shutdown saves tens of milliseconds that a CLI run would otherwise spend on nothing.
   */
  static void exit(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}
