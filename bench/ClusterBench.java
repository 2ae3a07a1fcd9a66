import isola.embed.ClusterConfig;
import isola.embed.ClusterHost;
import isola.isolate.HostOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Messages to a sharded isolate and back, from the node that hosts it (local) and from another node
 * (remote: both messages cross as CBOR over Artery): EntityCommand.Status (the entity answers, no JS
 * runs) and mail by name (ClusterHost.ask: the script's registered handler answers). Two cluster
 * nodes in this one JVM. Run by bench/cluster.
 */
public class ClusterBench {
  public static void main(String[] args) throws Throwable {
    Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    Path dir = Files.createTempDirectory("cluster-bench");
    Files.writeString(dir.resolve("hello.js"), """
        import { register } from "isola:actors";
        register("hello", (m) => ({ hi: m.n }));
        export default { fetch() { return new Response('hi'); } };
        """);
    Files.writeString(dir.resolve("m.json"), """
        { "listen": { "host": "127.0.0.1", "port": 0 },
          "scripts": [ { "name": "hello", "module": "hello.js", "routes": [ { "path": "/" } ] } ] }
        """);
    int a = freePort(), b = freePort();
    HostOutput quiet = new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    try (ClusterHost first = ClusterHost.start(dir.resolve("m.json"), quiet,
            ClusterConfig.of(null, "127.0.0.1:" + a, List.of("127.0.0.1:" + a), null));
        ClusterHost second = ClusterHost.start(dir.resolve("m.json"), quiet,
            ClusterConfig.of(null, "127.0.0.1:" + b, List.of("127.0.0.1:" + a), null))) {
      while (upMembers(first) < 2 || upMembers(second) < 2) Thread.sleep(100);
      String home = first.status("hello", Duration.ofSeconds(10)).toCompletableFuture().join().node();
      ClusterHost local = home.equals(first.node()) ? first : second;
      ClusterHost remote = local == first ? second : first;
      Message status = h -> h.status("hello", Duration.ofSeconds(10));
      JsonNode body = new ObjectMapper().readTree("{\"n\":1}");
      Message mail = h -> h.ask("hello", body, Duration.ofSeconds(10)).thenApply(answer -> {
        if (answer.error() != null) throw new IllegalStateException(answer.error());
        return answer;
      });
      for (Message m : List.of(status, mail)) {
        for (ClusterHost h : List.of(local, remote)) measure(h, m, Duration.ofSeconds(5), 1, false);
      }
      System.out.printf("%-22s %14s %10s %10s %18s%n", "entity", "1 at a time/s", "p50", "p99", "64 in flight/s");
      for (Message m : List.of(status, mail)) {
        for (ClusterHost h : List.of(local, remote)) {
          double[] one = measure(h, m, run, 1, true);
          double[] many = measure(h, m, run, 64, false);
          System.out.printf("%-22s %14.0f %8.0fus %8.0fus %18.0f%n",
              (m == status ? "status " : "mail (JS) ") + (h == local ? "local" : "remote"), one[0], one[1], one[2], many[0]);
        }
      }
    }
  }

  /** One round trip to the entity through a node. */
  private interface Message {
    CompletionStage<?> send(ClusterHost via);
  }

  /** Messages per second, and with {@code latencies} the p50 and p99 in microseconds. */
  private static double[] measure(ClusterHost via, Message message, Duration run, int inFlight, boolean latencies)
      throws Exception {
    Semaphore window = new Semaphore(inFlight);
    List<Long> took = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failed = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + run.toNanos();
    long count = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      window.acquire();
      long t0 = System.nanoTime();
      message.send(via).whenComplete((s, e) -> {
        if (e != null) failed.add(e);
        if (latencies) took.add(System.nanoTime() - t0);
        window.release();
      });
      count++;
    }
    window.acquire(inFlight);
    if (!failed.isEmpty()) throw new IllegalStateException(failed.size() + " messages failed", failed.get(0));
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!latencies) return new double[] {count / seconds};
    List<Long> sorted = new ArrayList<>(took);
    Collections.sort(sorted);
    return new double[] {count / seconds, sorted.get(sorted.size() / 2) / 1e3, sorted.get(sorted.size() * 99 / 100) / 1e3};
  }

  private static long upMembers(ClusterHost host) {
    long up = 0;
    for (var m : Cluster.get(host.system()).state().getMembers()) if (m.status() == MemberStatus.up()) up++;
    return up;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
