package isola.ops.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.protocol.HttpRequestData;
import isola.protocol.HttpResponseData;
import isola.protocol.OpReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A request another cluster node read whole, answered whole: body reads, plain and streamed responses. */
class BufferedExchangeTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  private final List<HttpResponseData> answers = new ArrayList<>();

  private BufferedExchange exchange(String method, byte[] body) {
    return new BufferedExchange(new HttpRequestData(method, "http://a.test/x", List.of("host", "a.test"), body,
        "10.1.2.3", 4567), answers::add);
  }

  @Test
  void readsTheBodyOnceThenItsEnd() {
    TestProbe<OpReply> replies = KIT.createTestProbe();
    BufferedExchange e = exchange("POST", "hi".getBytes(StandardCharsets.UTF_8));
    assertTrue(e.hasBody());
    assertEquals("10.1.2.3", e.remoteAddress().getAddress().getHostAddress());
    e.read(1, replies.ref());
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), (byte[]) ((OpReply.Ok) replies.receiveMessage()).value());
    e.read(2, replies.ref());
    assertEquals(new OpReply.Ok(2, null), replies.receiveMessage());
  }

  @Test
  void answersOnceWithAWholeResponse() {
    BufferedExchange e = exchange("GET", null);
    e.respond(201, new String[] {"x-a", "1"}, "héllo");
    e.respond(500, new String[0], "again");
    assertTrue(e.done());
    assertEquals(1, answers.size());
    assertEquals(201, answers.get(0).status());
    assertEquals(List.of("x-a", "1"), answers.get(0).headerPairs());
    assertEquals("héllo", new String(answers.get(0).body(), StandardCharsets.UTF_8));
  }

  @Test
  void collectsAStreamedBody() {
    TestProbe<OpReply> replies = KIT.createTestProbe();
    BufferedExchange e = exchange("GET", null);
    e.startStream(200, new String[] {"content-type", "text/plain"});
    e.write(1, "ab".getBytes(StandardCharsets.UTF_8), replies.ref());
    e.write(2, "cd".getBytes(StandardCharsets.UTF_8), replies.ref());
    assertEquals(new OpReply.Ok(1, null), replies.receiveMessage());
    assertEquals(new OpReply.Ok(2, null), replies.receiveMessage());
    assertEquals(List.of(), answers);
    e.end();
    assertEquals("abcd", new String(answers.get(0).body(), StandardCharsets.UTF_8));
    e.write(3, new byte[] {1}, replies.ref());
    assertTrue(replies.receiveMessage() instanceof OpReply.Err);
  }

  @Test
  void aStreamThatFailsBecomesA502() {
    BufferedExchange e = exchange("GET", null);
    e.startStream(200, new String[0]);
    e.abort();
    assertEquals(502, answers.get(0).status());
  }
}
