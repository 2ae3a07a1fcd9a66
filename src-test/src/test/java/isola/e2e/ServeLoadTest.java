package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.cli.Main;
import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test of {@code isola serve}: 32 clients on keep-alive connections send a fixed number
 * of GETs and POSTs (a warm-up round, then the measured one; each round must finish within its time
 * bound). No request may fail, every answer must be right, and the heap retained after a GC must stay
 * flat between the warm-up and the end (no per-request leak in the server or isolate). Counts, not
 * durations, so a slow or busy machine changes only how long it takes.
 */
class ServeLoadTest {
  private static final int CLIENTS = 32;
  private static final int WARMUP_REQUESTS = 2_000;
  private static final int LOAD_REQUESTS = 6_000;
  private static final long ROUND_LIMIT_SECONDS = 240;

  @Test
  void servesUnderLoadWithoutFailuresOrGrowth(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("app.js"), """
        export default {
          async fetch(req) {
            const url = new URL(req.url);
            if (req.method === "POST") return new Response(`${url.pathname} ${(await req.text()).length}`);
            return new Response(`hello ${url.searchParams.get("n")}`);
          },
        };
        """);
    IsolaHost host = IsolaHost.start("load");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      host.run(Main.programSpec(List.of("serve", "--port", "0", "--host", "127.0.0.1", "app.js"), dir),
          new HostOutput(out, err));
      int port = listeningPort(err);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
      AtomicLong ok = new AtomicLong();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      String body = "x".repeat(1024);

      int[] rounds = {WARMUP_REQUESTS, LOAD_REQUESTS};
      long heapAfterWarmup = 0;
      for (int round = 0; round < rounds.length; round++) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(rounds[round]);
        var clients = Executors.newVirtualThreadPerTaskExecutor();
        try {
          for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            clients.submit(() -> {
              for (long n = 0; left.getAndDecrement() > 0; n++) {
                try {
                  boolean post = n % 4 == 0;
                  HttpRequest.Builder request = HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/p" + id + "?n=" + n)).timeout(java.time.Duration.ofSeconds(60));
                  if (post) request.POST(HttpRequest.BodyPublishers.ofString(body));
                  HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                  String expected = post ? "/p" + id + " 1024" : "hello " + n;
                  if (response.statusCode() != 200 || !response.body().equals(expected)) {
                    failures.add(response.statusCode() + " " + response.body() + " (wanted " + expected + ")");
                  } else {
                    ok.incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.add(e.toString());
                }
              }
            });
          }
        } finally {
          clients.shutdown();
        }
        assertTrue(clients.awaitTermination(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS),
            "round " + round + " did not finish within " + ROUND_LIMIT_SECONDS + " s");
        if (round == 0) heapAfterWarmup = retainedHeap();
      }
      long heapAtEnd = retainedHeap();
      System.out.printf("ServeLoadTest: %d requests answered, %d failed, retained heap %d -> %d MiB%n",
          ok.get(), failures.size(), heapAfterWarmup >> 20, heapAtEnd >> 20);

      assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " failed");
      assertEquals(WARMUP_REQUESTS + LOAD_REQUESTS, ok.get(), "requests answered");
      long growth = heapAtEnd - heapAfterWarmup;
      assertTrue(growth < 32L << 20,
          "retained heap grew by " + (growth >> 20) + " MiB over " + ok.get() + " requests");
    } finally {
      host.close();
    }
  }

  private static int listeningPort(ByteArrayOutputStream err) throws InterruptedException {
    Pattern listening = Pattern.compile("deno serve: Listening on http://127\\.0\\.0\\.1:(\\d+)/");
    for (int i = 0; i < 600; i++) {
      Matcher m = listening.matcher(err.toString(StandardCharsets.UTF_8));
      if (m.find()) return Integer.parseInt(m.group(1));
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("the server never said where it listens: " + err.toString(StandardCharsets.UTF_8));
  }

  private static long retainedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
