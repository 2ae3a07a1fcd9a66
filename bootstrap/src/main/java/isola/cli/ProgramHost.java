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

  static int run(IsolateSpec spec) {
    HostOutput output = processOutput();
    // Main started it before logging and the command line (~300 ms of a cold JVM); this is a no-op then.
    SharedEngine.startPrewarm();
    // Never closed: the process halts right after (see exit).
    IsolaHost host = IsolaHost.start("isola");
    // An isolate started beside the prewarm would parse the runtime files a second time.
    SharedEngine.awaitPrewarm();
    return host.run(spec, output).toCompletableFuture().join();
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
