import com.fasterxml.jackson.databind.JsonNode;
import isola.embed.Isola;
import isola.embed.IsolateOptions;
import isola.embed.IsolateRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Hosts pricing.js as an isolate and asks it for three quotes. Run it with ./run. */
public class Main {
  public static void main(String[] args) throws Exception {
    Path script = Path.of(args.length > 0 ? args[0] : "pricing.js");
    try (Isola isola = Isola.start("example")) {
      IsolateRef pricing = isola.spawn(IsolateOptions.of("pricing", script));
      List<Map<String, Object>> orders = List.of(
          Map.of("sku", "A-1", "qty", 3), Map.of("sku", "B-2", "qty", 12), Map.of("sku", "Z-9", "qty", 1));
      for (Map<String, Object> order : orders) {
        JsonNode quote = pricing.ask(order, Duration.ofSeconds(30)).toCompletableFuture().join();
        System.out.println(order + " -> " + quote);
      }
      pricing.terminate();
      System.out.println("pricing ended: " + pricing.exited().toCompletableFuture().join().reason());
    }
  }
}
