package isola.ops.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.ops.http.HttpExchange;
import isola.ops.http.HttpServer;
import isola.protocol.HttpEvent;
import isola.protocol.OpReply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both ends of a WebSocket on loopback, driven as the isolate drives them: calls out, replies in. */
class WebSocketConnectionTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  private TestProbe<HttpEvent> events;
  private TestProbe<OpReply> replies;
  private HttpServer server;

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void start() throws Throwable {
    events = testKit.createTestProbe();
    replies = testKit.createTestProbe();
    server = HttpServer.bind("127.0.0.1", 0, HttpServer.toIsolate(1, events.ref()));
  }

  @AfterEach
  void close() {
    server.close();
  }

  /** Connects a client and upgrades the request it makes: {client, server}. */
  private WebSocketConnection[] open() {
    URI url = URI.create("ws://127.0.0.1:" + server.localAddress().getPort() + "/");
    WebSocketClient.connect(1, url, new String[] {"sec-websocket-version", "13"}, replies.ref());
    HttpExchange exchange = (HttpExchange) events.expectMessageClass(HttpEvent.RequestArrived.class).exchange();
    exchange.upgradeWebSocket(2, new String[] {"upgrade", "websocket", "connection", "Upgrade",
        "sec-websocket-accept", "unchecked"}, replies.ref());
    WebSocketConnection client = null;
    WebSocketConnection serverEnd = null;
    for (int i = 0; i < 2; i++) {
      OpReply.Ok ok = (OpReply.Ok) replies.expectMessageClass(OpReply.Ok.class, Duration.ofSeconds(10));
      if (ok.value() instanceof WebSocketClient.Opened opened) client = opened.connection();
      else serverEnd = (WebSocketConnection) ok.value();
    }
    return new WebSocketConnection[] {client, serverEnd};
  }

  /** The events one op_ws_next_event gives. */
  private List<?> nextEvents(WebSocketConnection socket, int promiseId) {
    socket.next(promiseId, replies.ref());
    OpReply.Ok ok = (OpReply.Ok) replies.expectMessageClass(OpReply.Ok.class, Duration.ofSeconds(10));
    assertEquals(promiseId, ok.promiseId());
    return (List<?>) ok.value();
  }

  private List<?> nextEvent(WebSocketConnection socket, int promiseId) {
    List<?> events = nextEvents(socket, promiseId);
    assertEquals(1, events.size(), "one event: " + events);
    return (List<?>) events.get(0);
  }

  @Test
  void aScriptThatTakesNoMessagesStopsItsSocketReading() throws Exception {
    WebSocketConnection[] ends = open();
    WebSocketConnection client = ends[0];
    WebSocketConnection serverEnd = ends[1];
    byte[] chunk = new byte[64 * 1024];
    int messages = 512; // 32 MiB: more than the socket buffers of both ends hold
    for (int i = 0; i < messages; i++) {
      chunk[0] = (byte) i;
      client.sendBinary(chunk.clone());
    }
    // Nobody asks the server end for messages: once it holds 256 KiB it stops reading, the kernel
    // buffers fill, and the rest stays with the sender, where bufferedAmount shows it.
    long settled = -1;
    for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; ) {
      long now = client.bufferedAmount();
      if (now == settled) break;
      settled = now;
      Thread.sleep(300);
    }
    assertTrue(settled > 16L * 1024 * 1024, "the sender still holds most of the 32 MiB: " + settled);

    // Taking the messages (in batches) lets the rest through, in order.
    for (int i = 0, op = 100; i < messages; op++) {
      for (Object e : nextEvents(serverEnd, op)) {
        List<?> event = (List<?>) e;
        assertEquals(WebSocketConnection.BINARY, event.get(0));
        byte[] data = (byte[]) event.get(1);
        assertEquals(chunk.length, data.length);
        assertEquals((byte) i, data[0]);
        i++;
      }
    }
    assertEquals(0, client.bufferedAmount());
  }

  @Test
  void theClosingHandshakeReportsThePeersCodeAndReason() {
    WebSocketConnection[] ends = open();
    WebSocketConnection client = ends[0];
    WebSocketConnection serverEnd = ends[1];
    serverEnd.sendText("héllo");
    assertEquals(List.of(WebSocketConnection.TEXT, "héllo"), nextEvent(client, 10));
    client.sendBinary(new byte[] {1, 2, 3});
    List<?> binary = nextEvent(serverEnd, 11);
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) binary.get(1));

    client.close(12, 3001, "bye", replies.ref());
    assertEquals(12, replies.expectMessageClass(OpReply.Ok.class).promiseId());
    assertEquals(List.of(3001, "bye"), nextEvent(serverEnd, 13));
    serverEnd.close(14, 3001, "bye", replies.ref());
    assertEquals(14, replies.expectMessageClass(OpReply.Ok.class).promiseId());
    assertEquals(List.of(3001, "bye"), nextEvent(client, 15));
  }
}
