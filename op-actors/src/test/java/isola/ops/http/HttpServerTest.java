package isola.ops.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.protocol.ErrorKind;
import isola.protocol.HttpEvent;
import isola.protocol.OpReply;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server as the isolate sees it: requests as messages, answers by exchange calls. */
class HttpServerTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  private TestProbe<HttpEvent> events;
  private HttpServer server;

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void start() throws Throwable {
    events = testKit.createTestProbe();
    server = HttpServer.bind("127.0.0.1", 0, HttpServer.toIsolate(7, events.ref()));
  }

  @AfterEach
  void close() {
    server.close();
  }

  private Socket connect() throws Exception {
    Socket socket = new Socket("127.0.0.1", server.localAddress().getPort());
    socket.setSoTimeout(5000);
    return socket;
  }

  private HttpExchange nextExchange() {
    HttpEvent.RequestArrived arrived = events.expectMessageClass(HttpEvent.RequestArrived.class);
    assertEquals(7, arrived.serverRid());
    return (HttpExchange) arrived.exchange();
  }

  /** Everything the server sends until it closes the connection. */
  private static String readAll(Socket socket) throws Exception {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String withoutDate(String response) {
    return response.replaceAll("date: [^\r]*\r\n", "");
  }

  private static void send(Socket socket, String text) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Test
  void aRequestArrivesWithItsHeadAndIsAnswered() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /a?b=1 HTTP/1.1\r\nHost: example.test:8\r\nX-Thing: One\r\nConnection: close\r\n\r\n");
      HttpExchange exchange = nextExchange();
      assertEquals("GET", exchange.method());
      assertEquals("http://example.test:8/a?b=1", exchange.url());
      assertEquals(List.of("host", "example.test:8", "x-thing", "One", "connection", "close"),
          exchange.headerPairs());
      assertEquals(false, exchange.hasBody());
      exchange.respond(201, new String[] {"content-type", "text/plain"}, "héllo");
      String response = readAll(socket);
      assertTrue(response.matches("(?s).*date: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"), response);
      assertEquals("HTTP/1.1 201 Created\r\ncontent-type: text/plain\r\ncontent-length: 6\r\n"
          + "connection: close\r\n\r\nhéllo",
          new String(withoutDate(response).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aMalformedRequestGetsABare400AndTheConnectionCloses() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GARBAGE\r\n\r\n");
      assertEquals("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
          withoutDate(readAll(socket)));
    }
    events.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void oversizeHeadersGetA400() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(HttpServer.MAX_HEADER_BYTES + 10) + "\r\n\r\n");
      assertTrue(readAll(socket).startsWith("HTTP/1.1 400 Bad Request\r\n"));
    }
  }

  @Test
  void pipelinedResponsesKeepTheOrderOfTheirRequests() throws Exception {
    try (Socket socket = connect()) {
      send(socket, "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      HttpExchange first = nextExchange();
      // The second request is held back until the first is answered.
      events.expectNoMessage(Duration.ofMillis(200));
      first.respond(200, new String[0], "one");
      HttpExchange second = nextExchange();
      assertEquals("http://x/2", second.url());
      second.respond(200, new String[0], "two");
      String all = withoutDate(readAll(socket));
      assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 3\r\n\r\none"
          + "HTTP/1.1 200 OK\r\ncontent-length: 3\r\nconnection: close\r\n\r\ntwo", all);
    }
  }

  @Test
  void aRequestBodyIsReadOnDemand() throws Exception {
    TestProbe<OpReply> replies = testKit.createTestProbe();
    try (Socket socket = connect()) {
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello");
      HttpExchange exchange = nextExchange();
      assertTrue(exchange.hasBody());
      exchange.read(1, replies.ref());
      assertArrayEquals("hello".getBytes(), (byte[]) ((OpReply.Ok) replies.receiveMessage()).value());
      exchange.read(2, replies.ref());
      replies.expectNoMessage(Duration.ofMillis(100));
      send(socket, "world");
      assertArrayEquals("world".getBytes(), (byte[]) ((OpReply.Ok) replies.receiveMessage()).value());
      exchange.read(3, replies.ref());
      assertEquals(OpReply.ok(3, null), replies.receiveMessage());
    }
  }

  @Test
  void aClientLeavingMidBodyFailsTheReadAndReportsTheExchangeLost() throws Exception {
    TestProbe<OpReply> replies = testKit.createTestProbe();
    HttpExchange exchange;
    try (Socket socket = connect()) {
      send(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial");
      exchange = nextExchange();
      exchange.read(1, replies.ref());
      replies.receiveMessage();
      exchange.read(2, replies.ref());
    }
    OpReply.Err err = (OpReply.Err) replies.receiveMessage();
    assertEquals(ErrorKind.BadResource, err.error().kind());
    assertEquals(exchange.id(), events.expectMessageClass(HttpEvent.ExchangeLost.class).exchangeId());
  }

  @Test
  void aStreamedResponseIsChunked() throws Exception {
    TestProbe<OpReply> replies = testKit.createTestProbe();
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      HttpExchange exchange = nextExchange();
      exchange.startStream(200, new String[] {"x-a", "b"});
      exchange.write(1, "ab".getBytes(), replies.ref());
      assertEquals(OpReply.ok(1, null), replies.receiveMessage());
      exchange.write(2, "cde".getBytes(), replies.ref());
      assertEquals(OpReply.ok(2, null), replies.receiveMessage());
      exchange.end();
      assertEquals("HTTP/1.1 200 OK\r\nx-a: b\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
          + "2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n", withoutDate(readAll(socket)));
    }
  }

  @Test
  void shutdownClosesIdleConnectionsAndWaitsForBusyOnes() throws Exception {
    try (Socket idle = connect(); Socket busy = connect()) {
      send(busy, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
      HttpExchange exchange = nextExchange();
      CountDownLatch done = new CountDownLatch(1);
      server.shutdown(done::countDown);
      assertEquals("", readAll(idle));
      assertEquals(false, done.await(200, TimeUnit.MILLISECONDS));
      exchange.respond(200, new String[0], "bye");
      assertTrue(withoutDate(readAll(busy)).endsWith("\r\n\r\nbye"));
      assertTrue(done.await(5, TimeUnit.SECONDS));
    }
  }
}
