package isola.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.PermissionSet;
import isola.protocol.Terminate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class IsolateActorTest {
  static final ActorTestKit testKit = ActorTestKit.create();
  static final Duration WAIT = Duration.ofSeconds(30);

  @AfterAll
  static void cleanup() {
    testKit.shutdownTestKit();
  }

  /** An isolate running {@code source} as its main module, its output captured. */
  record Running(ActorRef<IsolateMessage> ref, TestProbe<IsolateExited> watcher,
                 ByteArrayOutputStream out, ByteArrayOutputStream err) {
    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  static Running start(String name, String source) {
    Path cwd = Path.of("").toAbsolutePath();
    IsolateSpec spec = new IsolateSpec(name, cwd.resolve(name + ".mjs").toUri().toString(), source,
        List.of(), PermissionSet.all(), cwd.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    TestProbe<IsolateExited> watcher = testKit.createTestProbe();
    ActorRef<IsolateMessage> ref = testKit.spawn(
        IsolateActor.create(spec, new HostOutput(out, err), watcher.getRef()), name, IsolateActor.DISPATCHER);
    return new Running(ref, watcher, out, err);
  }

  @Test
  void runsUntilNoReferencedWorkIsLeft() {
    Running r = start("timers", """
        setTimeout(() => console.log("second"), 20);
        const unrefed = setTimeout(() => console.log("never"), 10_000);
        Deno.unrefTimer(+unrefed);
        queueMicrotask(() => console.log("first"));
        """);
    assertEquals(new IsolateExited("timers", 0), r.watcher().receiveMessage(WAIT));
    assertEquals("first\nsecond\n", r.stdout());
    r.watcher().expectTerminated(r.ref(), WAIT);
  }

  @Test
  void anUncaughtErrorEndsWithOneAndDenosReport() {
    Running r = start("uncaught", "setTimeout(() => { throw new RangeError('out'); }, 1);\n");
    assertEquals(new IsolateExited("uncaught", 1), r.watcher().receiveMessage(WAIT));
    assertTrue(r.stderr().startsWith("error: Uncaught RangeError: out\n"), r.stderr());
  }

  @Test
  void terminateStopsAProgramThatWouldRunForever() {
    Running r = start("forever", "setInterval(() => {}, 1000);\nconsole.log('started');\n");
    r.ref().tell(new Terminate(9));
    assertEquals(new IsolateExited("forever", 9), r.watcher().receiveMessage(WAIT));
    r.watcher().expectTerminated(r.ref(), WAIT);
  }

  @Test
  void manyIsolatesRunSideBySide() {
    List<Running> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(start("many-" + i, "await new Promise((r) => setTimeout(r, 5));\n"
          + "console.log(Deno.mainModule.split('/').pop());\nDeno.exitCode = " + (i % 3) + ";\n"));
    }
    for (int i = 0; i < all.size(); i++) {
      Running r = all.get(i);
      assertEquals(new IsolateExited("many-" + i, i % 3), r.watcher().receiveMessage(WAIT));
      assertEquals("many-" + i + ".mjs\n", r.stdout());
    }
  }

  @Test
  void anOpenBroadcastChannelKeepsItsIsolateAliveUntilAnotherIsolateWritesToIt() {
    Running listener = start("listener", """
        const c = new BroadcastChannel("wake-up");
        c.onmessage = (e) => { console.log("got", e.data); c.close(); };
        console.log("listening");
        """);
    // Its output is written after the turn that subscribed it.
    listener.watcher().awaitAssert(WAIT, () -> {
      assertEquals("listening\n", listener.stdout());
      return null;
    });
    listener.watcher().expectNoMessage(Duration.ofMillis(500));
    Running writer = start("writer", """
        const c = new BroadcastChannel("wake-up");
        c.postMessage("hello");
        setTimeout(() => c.close(), 10);
        """);
    assertEquals(new IsolateExited("listener", 0), listener.watcher().receiveMessage(WAIT));
    assertEquals("listening\ngot hello\n", listener.stdout());
    assertEquals(new IsolateExited("writer", 0), writer.watcher().receiveMessage(WAIT));
  }

  @Test
  void aStartedPortKeepsItsIsolateAliveWhileItsPeerIsOpen() {
    Running r = start("port", """
        const { port1, port2 } = new MessageChannel();
        port2.onmessage = (e) => console.log("got", e.data);
        port1.postMessage(1);
        """);
    r.watcher().awaitAssert(WAIT, () -> {
      assertEquals("got 1\n", r.stdout());
      return null;
    });
    r.watcher().expectNoMessage(Duration.ofMillis(500));
    testKit.stop(r.ref());
  }
}
