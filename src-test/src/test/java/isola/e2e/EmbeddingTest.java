package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.embed.IsolateFailure;
import isola.embed.IsolateOptions;
import isola.embed.IsolateRef;
import isola.embed.IsolateReply;
import isola.embed.Isola;
import isola.embed.RestartPolicy;
import isola.isolate.HostOutput;
import isola.protocol.ActorMail;
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
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: scripts hosted as isolates, messages both ways, failures and limits seen from Java. */
class EmbeddingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    // More distinct strings than a tag byte's value: every key survives both ways.
    Map<String, Object> many = new java.util.LinkedHashMap<>();
    many.put("cmd", "echo");
    for (int i = 0; i < 300; i++) many.put("key" + i, "value" + i);
    JsonNode manyEchoed = calc.ask(many, Duration.ofSeconds(20)).toCompletableFuture().get();
    assertEquals(JSON.valueToTree(Map.of("echo", many)), manyEchoed);
    calc.terminate();
    assertEquals("terminated", calc.exited().toCompletableFuture().get(20, TimeUnit.SECONDS).reason());
  }

  @Test
  void scriptsAndReceptionistActorsMessageEachOtherByName() throws Exception {
    // A Java actor registered under "tax": answers {rate} asks, and records the sends it gets.
    LinkedBlockingQueue<JsonNode> notes = new LinkedBlockingQueue<>();
    ActorRef<ActorMail> tax = isola.system().systemActorOf(Behaviors.receiveMessage((ActorMail mail) -> {
      if (mail.replyTo() == null) notes.add(mail.body());
      else if (mail.body().has("amount")) {
        mail.replyTo().tell(ActorMail.reply(JSON.valueToTree(Map.of("tax", mail.body().get("amount").asInt() / 10))));
      } else mail.replyTo().tell(ActorMail.failure("no amount"));
      return Behaviors.same();
    }), "tax", Props.empty());
    isola.system().receptionist().tell(Receptionist.register(ActorMail.key("tax"), tax));
    Files.writeString(dir.resolve("shop.js"), """
        import { ask, send, register } from "isola:actors";
        register("shop", async (order) => {
          const { tax } = await ask("tax", { amount: order.price });
          await send("tax", { logged: order.item });
          let refused;
          try { await ask("tax", {}); } catch (e) { refused = `${e.name}: ${e.message}`; }
          return { item: order.item, total: order.price + tax, refused };
        });
        self.onmessage = (e) => postMessage({ echo: e.data });
        """);
    IsolateRef shop = isola.spawn(IsolateOptions.of("shop-host", dir.resolve("shop.js")), null,
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    shop.ask("warm", Duration.ofSeconds(20)).toCompletableFuture().get();
    // Java finds the script's own registration ("shop") and the hosted isolate's name ("shop-host").
    JsonNode order = ask("shop", Map.of("item", "pen", "price", 50));
    assertEquals("{\"item\":\"pen\",\"total\":55,\"refused\":\"Error: \\\"tax\\\" failed: no amount\"}", order.toString());
    assertEquals("{\"logged\":\"pen\"}", notes.poll(20, TimeUnit.SECONDS).toString());
    assertEquals("{\"echo\":{\"hi\":1}}", ask("shop-host", Map.of("hi", 1)).toString());
    shop.terminate();
  }

  /** Asks whoever is registered under {@code name}, as a Java actor would, through the receptionist. */
  private static JsonNode ask(String name, Object message) throws Exception {
    // A registration reaches the receptionist asynchronously: look until it is listed.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    java.util.Set<ActorRef<ActorMail>> found;
    do {
      found = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
          isola.system().receptionist(), replyTo -> Receptionist.find(ActorMail.key(name), replyTo),
          Duration.ofSeconds(20), isola.system().scheduler()).toCompletableFuture().get(20, TimeUnit.SECONDS)
          .getServiceInstances(ActorMail.key(name));
      if (found.isEmpty()) Thread.sleep(20);
    } while (found.isEmpty() && System.nanoTime() < deadline);
    ActorRef<ActorMail> target = found.iterator().next();
    ActorMail answer = AskPattern.<ActorMail, ActorMail>ask(target, replyTo -> ActorMail.of(JSON.valueToTree(message), replyTo),
        Duration.ofSeconds(20), isola.system().scheduler()).toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals(null, answer.error());
    return answer.body();
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
