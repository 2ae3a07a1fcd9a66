package isola.ops.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import isola.protocol.FsWatchRequest;
import isola.protocol.OpReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsWatcherTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @TempDir Path dir;

  private List<Object> next(ActorRef<FsWatchRequest> watcher, TestProbe<OpReply> probe, int id) {
    watcher.tell(new FsWatchRequest.Next(id, probe.ref()));
    OpReply.Ok ok = (OpReply.Ok) probe.receiveMessage(Duration.ofSeconds(5));
    assertEquals(id, ok.promiseId());
    return ok.value() == null ? null : new ArrayList<>((List<?>) ok.value());
  }

  @Test
  void reportsEventsInOrderAndWatchesNewDirectories() throws Exception {
    assumeTrue(FsWatcher.available());
    ActorRef<FsWatchRequest> watcher = testKit.spawn(FsWatcher.create(FsWatcher.setUp(List.of(dir), true)));
    TestProbe<OpReply> probe = testKit.createTestProbe();
    Files.createDirectory(dir.resolve("sub"));
    assertEquals(Arrays.asList("create", null, dir.resolve("sub").toString()), next(watcher, probe, 1));
    // The new directory is watched before its own events are asked for.
    Thread.sleep(300);
    Files.writeString(dir.resolve("sub/f"), "x");
    assertEquals(Arrays.asList("create", null, dir.resolve("sub/f").toString()), next(watcher, probe, 2));
    assertEquals(Arrays.asList("modify", null, dir.resolve("sub/f").toString()), next(watcher, probe, 3));
    assertEquals(Arrays.asList("access", null, dir.resolve("sub/f").toString()), next(watcher, probe, 4));
    Files.move(dir.resolve("sub/f"), dir.resolve("g"));
    assertEquals(Arrays.asList("remove", null, dir.resolve("sub/f").toString()), next(watcher, probe, 5));
    assertEquals(Arrays.asList("rename", null, dir.resolve("g").toString()), next(watcher, probe, 6));
    assertEquals(Arrays.asList("rename", null, dir.resolve("sub/f").toString(), dir.resolve("g").toString()),
        next(watcher, probe, 7));
  }

  @Test
  void closingAnswersTheWaitingNextWithNull() throws Exception {
    assumeTrue(FsWatcher.available());
    ActorRef<FsWatchRequest> watcher = testKit.spawn(FsWatcher.create(FsWatcher.setUp(List.of(dir), false)));
    TestProbe<OpReply> probe = testKit.createTestProbe();
    watcher.tell(new FsWatchRequest.Next(9, probe.ref()));
    watcher.tell(new FsWatchRequest.Close());
    OpReply.Ok ok = (OpReply.Ok) probe.receiveMessage(Duration.ofSeconds(5));
    assertEquals(9, ok.promiseId());
    assertNull(ok.value());
    probe.expectTerminated(watcher, Duration.ofSeconds(5));
  }
}
