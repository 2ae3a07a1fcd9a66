package isola.ops.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.ops.process.ProcessSpawn.Stdio;
import isola.protocol.OpReply;
import isola.protocol.ProcessOutput;
import isola.protocol.ProcessRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Process start(String command, List<String> args, Stdio stdin, Stdio stdout) throws Exception {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    Path program = ProcessSpawn.resolve(command, cwd, env.get("PATH"));
    return ProcessSpawn.start(program,
        new ProcessSpawn.Options(command, args, cwd, env, env.get("PATH"), stdin, stdout, Stdio.NULL));
  }

  @Test
  void stoppingTheActorKillsTheChild() throws Exception {
    Process process = start("sleep", List.of("30"), Stdio.NULL, Stdio.NULL);
    TestProbe<ProcessOutput> output = testKit.createTestProbe();
    ActorRef<ProcessRequest> child = testKit.spawn(ChildProcess.create(process, Stdio.NULL, Stdio.NULL, output.ref()));
    testKit.stop(child);
    assertTrue(process.waitFor(5, TimeUnit.SECONDS));
    assertFalse(process.isAlive());
  }

  @Test
  void stdinWritesComeBackOnStdoutThenTheStatus() throws Exception {
    Process process = start("cat", List.of(), Stdio.PIPED, Stdio.PIPED);
    TestProbe<ProcessOutput> output = testKit.createTestProbe();
    TestProbe<OpReply> replies = testKit.createTestProbe();
    ActorRef<ProcessRequest> child = testKit.spawn(ChildProcess.create(process, Stdio.PIPED, Stdio.NULL, output.ref()));
    byte[] data = "piped\n".getBytes(StandardCharsets.UTF_8);
    child.tell(new ProcessRequest.Write(1, data, replies.ref()));
    assertEquals(OpReply.ok(1, data.length), replies.receiveMessage());
    child.tell(new ProcessRequest.CloseStdin());
    child.tell(new ProcessRequest.ReadAll(2, 1, replies.ref()));
    assertArrayEquals(data, (byte[]) ((OpReply.Ok) replies.receiveMessage()).value());
    child.tell(new ProcessRequest.Wait(3, replies.ref()));
    assertEquals(OpReply.ok(3, Arrays.asList(0, null)), replies.receiveMessage());
  }

  @Test
  void inheritedOutputReachesTheIsolateBeforeTheStatus() throws Exception {
    Process process = start("echo", List.of("inherited"), Stdio.NULL, Stdio.INHERIT);
    TestProbe<Object> isolate = testKit.createTestProbe();
    ActorRef<ProcessRequest> child = testKit.spawn(ChildProcess.create(process, Stdio.INHERIT, Stdio.NULL,
        isolate.ref().unsafeUpcast()));
    child.tell(new ProcessRequest.Wait(1, isolate.ref().unsafeUpcast()));
    ProcessOutput out = (ProcessOutput) isolate.receiveMessage();
    assertEquals("inherited\n", new String(out.data(), StandardCharsets.UTF_8));
    assertEquals(OpReply.ok(1, Arrays.asList(0, null)), isolate.receiveMessage());
  }

  @Test
  void aChildKilledBySignalReportsItsName() throws Exception {
    Process process = start("sleep", List.of("30"), Stdio.NULL, Stdio.NULL);
    Signals.kill(process.pid(), Signals.number("SIGINT"));
    assertEquals(List.of(130, "SIGINT"), ProcessSpawn.status(process.waitFor()));
  }

  @Test
  void aSyncRunHandsInheritedOutputToItsOwnThreadAndKeepsPipedOutput() throws Exception {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    ProcessSpawn.Options options = new ProcessSpawn.Options("sh", List.of("-c", "echo out; echo err >&2; exit 5"),
        cwd, env, env.get("PATH"), Stdio.NULL, Stdio.INHERIT, Stdio.PIPED);
    Process process = ProcessSpawn.start(ProcessSpawn.resolve("sh", cwd, env.get("PATH")), options);
    Thread caller = Thread.currentThread();
    StringBuilder inherited = new StringBuilder();
    ChildRun.Result result = ChildRun.run(process, Stdio.INHERIT, Stdio.PIPED, chunk -> {
      assertEquals(caller, Thread.currentThread());
      inherited.append(new String(chunk.data(), StandardCharsets.UTF_8));
    });
    assertEquals("out\n", inherited.toString());
    assertEquals(null, result.stdout());
    assertArrayEquals("err\n".getBytes(StandardCharsets.UTF_8), result.stderr());
    assertEquals(Arrays.asList(5, null), result.status());
  }
}
