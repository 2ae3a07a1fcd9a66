package isola.ops.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.protocol.ErrorKind;
import isola.protocol.FileInfo;
import isola.protocol.FsOp;
import isola.protocol.FsRequest;
import isola.protocol.OpReply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsOpsTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @TempDir Path dir;

  @Test
  void readFileRepliesWithTheBytes() throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "hello");
    ActorRef<FsRequest> fs = testKit.spawn(FsOps.create());
    TestProbe<OpReply> probe = testKit.createTestProbe();
    fs.tell(new FsRequest(7, new FsOp.ReadFile(file.toString(), "a.txt", false), probe.ref()));
    OpReply.Ok ok = (OpReply.Ok) probe.receiveMessage();
    assertEquals(7, ok.promiseId());
    assertArrayEquals("hello".getBytes(), (byte[]) ok.value());
  }

  @Test
  void missingFileFailsWithDenosNotFound() {
    ActorRef<FsRequest> fs = testKit.spawn(FsOps.create());
    TestProbe<OpReply> probe = testKit.createTestProbe();
    fs.tell(new FsRequest(1, new FsOp.Stat(dir.resolve("nope").toString(), "nope", true), probe.ref()));
    OpReply.Err err = (OpReply.Err) probe.receiveMessage();
    assertEquals(ErrorKind.NotFound, err.error().kind());
    assertEquals("ENOENT", err.error().code());
    assertEquals("No such file or directory (os error 2): stat 'nope'", err.error().message());
  }

  @Test
  void removeOfANonEmptyDirectoryIsAPlainErrorWithENOTEMPTY() throws Exception {
    Files.createDirectories(dir.resolve("full"));
    Files.writeString(dir.resolve("full/f"), "x");
    ActorRef<FsRequest> fs = testKit.spawn(FsOps.create());
    TestProbe<OpReply> probe = testKit.createTestProbe();
    fs.tell(new FsRequest(2, new FsOp.Remove(dir.resolve("full").toString(), "full", false), probe.ref()));
    OpReply.Err err = (OpReply.Err) probe.receiveMessage();
    assertEquals(ErrorKind.Error, err.error().kind());
    assertEquals("ENOTEMPTY", err.error().code());
    assertEquals("Directory not empty (os error 39): remove 'full'", err.error().message());
  }

  @Test
  void statGivesTheNativeFields() throws Exception {
    Path file = dir.resolve("s");
    Files.write(file, new byte[5000]);
    FileInfo info = (FileInfo) FsSyscalls.run(new FsOp.Stat(file.toString(), "s", true));
    assertTrue(info.isFile());
    assertEquals(5000, info.size());
    assertEquals(1, info.nlink());
    assertTrue(info.blksize() > 0);
    assertTrue(info.blocks() > 0);
    assertEquals(0100000, info.mode() & 0170000);
  }

  @Test
  void renameOfAMissingFileNamesBothPaths() {
    ActorRef<FsRequest> fs = testKit.spawn(FsOps.create());
    TestProbe<OpReply> probe = testKit.createTestProbe();
    fs.tell(new FsRequest(3, new FsOp.Rename(dir.resolve("x").toString(), "x",
        dir.resolve("y").toString(), "y"), probe.ref()));
    OpReply.Err err = (OpReply.Err) probe.receiveMessage();
    assertEquals("No such file or directory (os error 2): rename 'x' -> 'y'", err.error().message());
  }
}
