package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import isola.embed.IsolateFailure;
import isola.embed.IsolateOptions;
import isola.embed.IsolateRef;
import isola.embed.IsolateReply;
import isola.embed.Isola;
import isola.embed.RestartPolicy;
import isola.isolate.HostOutput;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateLimits;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: scripts hosted as isolates, messages both ways, failures and limits seen from Java. */
class EmbeddingTest {
  static Isola isola;
  static Path dir;

  @BeforeAll
  static void start(@TempDir Path tmp) throws Exception {
    dir = tmp;
    isola = Isola.start("embedding");
    Files.writeString(dir.resolve("calc.js"), """
        self.onmessage = (e) => {
          const m = e.data;
          if (m.cmd === "add") postMessage({ sum: m.a + m.b, from: self.name });
          else if (m.cmd === "fail") throw new Error("cannot " + m.what);
          else if (m.cmd === "spin") { while (true) {} }
          else if (m.cmd === "twice") { postMessage("one"); postMessage("two"); }
          else postMessage({ echo: m });
        };
        """);
  }

  @AfterAll
  static void stop() {
    isola.close();
  }

  private static IsolateRef spawn(String name, IsolateLimits limits, ActorRef<IsolateReply> subscriber) {
    return isola.spawn(IsolateOptions.of(name, dir.resolve("calc.js")).withLimits(limits), subscriber,
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()));
  }

  @Test
  void askGetsTheScriptsAnswer() throws Exception {
    IsolateRef calc = spawn("calc", null, null);
    JsonNode answer = calc.ask(Map.of("cmd", "add", "a", 2, "b", 3), Duration.ofSeconds(20))
        .toCompletableFuture().get();
    assertEquals("{\"sum\":5,\"from\":\"calc\"}", answer.toString());
    JsonNode echoed = calc.ask(Map.of("cmd", "echo", "nested", List.of(1, 2.5, "x", Map.of("ok", true))),
        Duration.ofSeconds(20)).toCompletableFuture().get();
    assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"echo\":{\"cmd\":\"echo\",\"nested\":[1,2.5,\"x\",{\"ok\":true}]}}"), echoed);
    calc.terminate();
    assertEquals("terminated", calc.exited().toCompletableFuture().get(20, TimeUnit.SECONDS).reason());
  }

  @Test
  void messagesThatAnswerNoAskReachTheSubscriber() throws Exception {
    LinkedBlockingQueue<IsolateReply> received = new LinkedBlockingQueue<>();
    ActorRef<IsolateReply> subscriber = isola.system().systemActorOf(
        Behaviors.receiveMessage(reply -> {
          received.add(reply);
          return Behaviors.same();
        }), "subscriber", Props.empty());
    IsolateRef calc = spawn("talker", null, subscriber);
    calc.tell(Map.of("cmd", "twice"));
    IsolateReply first = received.poll(20, TimeUnit.SECONDS);
    IsolateReply second = received.poll(20, TimeUnit.SECONDS);
    assertEquals(new IsolateReply("talker", first.message()), first);
    assertEquals("\"one\"", first.message().toString());
    assertEquals("\"two\"", second.message().toString());
    calc.terminate();
  }

  @Test
  void aFailingScriptFailsThePendingAsk() throws Exception {
    IsolateRef calc = spawn("failing", null, null);
    ExecutionException e = assertThrows(ExecutionException.class, () ->
        calc.ask(Map.of("cmd", "fail", "what", "divide"), Duration.ofSeconds(20)).toCompletableFuture().get());
    IsolateFailure failure = assertInstanceOf(IsolateFailure.class, e.getCause());
    assertTrue(failure.getMessage().contains("cannot divide"), failure.getMessage());
  }

  @Test
  void aCrashingScriptRestartsWithBackoffThenIsGivenUp() throws Exception {
    IsolateRef calc = isola.spawn(IsolateOptions.of("phoenix", dir.resolve("calc.js"))
            .withRestart(RestartPolicy.backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                Duration.ofMinutes(1))),
        null, new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    for (int crash = 1; crash <= 2; crash++) {
      assertThrows(ExecutionException.class, () -> calc.ask(Map.of("cmd", "fail", "what", "cope"),
          Duration.ofSeconds(20)).toCompletableFuture().get());
      // Sent while it restarts: held, then answered by the new incarnation.
      JsonNode answer = calc.ask(Map.of("cmd", "add", "a", crash, "b", 1), Duration.ofSeconds(20))
          .toCompletableFuture().get();
      assertEquals(crash + 1, answer.get("sum").asInt());
    }
    var status = calc.status().toCompletableFuture().get();
    assertEquals("running", status.state());
    assertEquals(2, status.restarts());
    assertEquals("crashed", status.lastReason());
    assertTrue(status.lastError().contains("cannot cope"), status.lastError());
    // A third crash within the window is one too many.
    calc.tell(Map.of("cmd", "fail", "what", "again"));
    IsolateExited end = calc.exited().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals("crashed", end.reason());
    assertEquals("failed", calc.status().toCompletableFuture().get().state());
  }

  @Test
  void aRunawayScriptIsStoppedByItsLimit() throws Exception {
    IsolateRef calc = spawn("runaway", new IsolateLimits(200, 0), null);
    calc.tell(Map.of("cmd", "spin"));
    IsolateExited end = calc.exited().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals("cpu", end.reason());
    assertEquals(1, end.exitCode());
  }
}
