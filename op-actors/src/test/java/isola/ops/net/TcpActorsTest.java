package isola.ops.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import isola.protocol.ConnectRequest;
import isola.protocol.ErrorKind;
import isola.protocol.ListenerRequest;
import isola.protocol.OpReply;
import isola.protocol.TcpRequest;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousServerSocketChannel;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TcpActorsTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** A listener actor on a free loopback port, a connection to it, and both ends as actors. */
  private record Pair(ActorRef<TcpRequest> client, ActorRef<TcpRequest> server, OpenSocket clientSocket) {}

  private static AsynchronousServerSocketChannel bound() throws Exception {
    AsynchronousServerSocketChannel channel = AsynchronousServerSocketChannel.open();
    channel.bind(new InetSocketAddress("127.0.0.1", 0));
    return channel;
  }

  private static int port(AsynchronousServerSocketChannel channel) throws Exception {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  private Pair connected(TestProbe<OpReply> probe) throws Exception {
    AsynchronousServerSocketChannel channel = bound();
    ActorRef<ListenerRequest> listener = testKit.spawn(TcpListener.create(channel));
    listener.tell(new ListenerRequest.Accept(1, probe.ref()));
    testKit.spawn(NetOps.create()).tell(new ConnectRequest(2, "127.0.0.1", port(channel), probe.ref()));
    OpenSocket accepted = null;
    OpenSocket connected = null;
    for (int i = 0; i < 2; i++) {
      OpReply.Ok ok = (OpReply.Ok) probe.receiveMessage();
      if (ok.promiseId() == 1) accepted = (OpenSocket) ok.value();
      else connected = (OpenSocket) ok.value();
    }
    assertEquals(connected.local(), accepted.remote());
    listener.tell(new ListenerRequest.Close());
    return new Pair(testKit.spawn(TcpConnection.create(connected.channel())),
        testKit.spawn(TcpConnection.create(accepted.channel())), connected);
  }

  @Test
  void writesArriveAndCloseWriteGivesTheReaderEndOfStream() throws Exception {
    TestProbe<OpReply> probe = testKit.createTestProbe();
    Pair pair = connected(probe);
    pair.client().tell(new TcpRequest.Write(3, "hello".getBytes(), probe.ref()));
    assertEquals(5, ((OpReply.Ok) probe.receiveMessage()).value());
    pair.server().tell(new TcpRequest.Read(4, 64, probe.ref()));
    assertArrayEquals("hello".getBytes(), (byte[]) ((OpReply.Ok) probe.receiveMessage()).value());
    pair.client().tell(new TcpRequest.CloseWrite(5, probe.ref()));
    assertEquals(5, probe.receiveMessage().promiseId());
    pair.server().tell(new TcpRequest.Read(6, 64, probe.ref()));
    OpReply.Ok eof = (OpReply.Ok) probe.receiveMessage();
    assertEquals(6, eof.promiseId());
    assertNull(eof.value());
  }

  @Test
  void readsSentTogetherQueueInsteadOfFailingAsPending() throws Exception {
    TestProbe<OpReply> probe = testKit.createTestProbe();
    Pair pair = connected(probe);
    pair.server().tell(new TcpRequest.Read(10, 64, probe.ref()));
    pair.server().tell(new TcpRequest.Read(11, 64, probe.ref()));
    pair.client().tell(new TcpRequest.Write(12, "abc".getBytes(), probe.ref()));
    OpReply first = probe.receiveMessage();
    OpReply second = probe.receiveMessage();
    OpReply.Ok read = (OpReply.Ok) (first.promiseId() == 10 ? first : second);
    assertArrayEquals("abc".getBytes(), (byte[]) read.value());
    pair.client().tell(new TcpRequest.Write(13, "def".getBytes(), probe.ref()));
    OpReply a = probe.receiveMessage();
    OpReply b = probe.receiveMessage();
    OpReply.Ok later = (OpReply.Ok) (a.promiseId() == 11 ? a : b);
    assertArrayEquals("def".getBytes(), (byte[]) later.value());
  }

  @Test
  void readPendingWhenTheSocketClosesIsInterrupted() throws Exception {
    TestProbe<OpReply> probe = testKit.createTestProbe();
    Pair pair = connected(probe);
    pair.client().tell(new TcpRequest.Read(20, 64, probe.ref()));
    pair.clientSocket().channel().close();
    OpReply.Err err = (OpReply.Err) probe.receiveMessage();
    assertEquals(ErrorKind.Interrupted, err.error().kind());
    assertEquals("operation canceled", err.error().message());
  }

  @Test
  void connectToAClosedPortIsRefusedAsDeno() throws Exception {
    AsynchronousServerSocketChannel channel = bound();
    int port = port(channel);
    channel.close();
    TestProbe<OpReply> probe = testKit.createTestProbe();
    testKit.spawn(NetOps.create()).tell(new ConnectRequest(30, "127.0.0.1", port, probe.ref()));
    OpReply.Err err = (OpReply.Err) probe.receiveMessage();
    assertEquals(ErrorKind.ConnectionRefused, err.error().kind());
    assertEquals("ECONNREFUSED", err.error().code());
    assertEquals("Connection refused (os error 111)", err.error().message());
  }

  @Test
  void acceptPendingWhenTheListenerClosesFails() throws Exception {
    ActorRef<ListenerRequest> listener = testKit.spawn(TcpListener.create(bound()));
    TestProbe<OpReply> probe = testKit.createTestProbe();
    listener.tell(new ListenerRequest.Accept(40, probe.ref()));
    listener.tell(new ListenerRequest.Accept(41, probe.ref()));
    listener.tell(new ListenerRequest.Close());
    for (int i = 0; i < 2; i++) {
      OpReply.Err err = (OpReply.Err) probe.receiveMessage();
      assertEquals(TcpListener.CLOSED, err.error());
    }
  }
}
