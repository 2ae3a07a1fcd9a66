package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.ops.http.HttpExchange;
import isola.protocol.IsolateExited;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A hosted isolate, from Java: {@link #tell} sends a message (any value Jackson turns into JSON) that
 * the script receives as {@code self.onmessage}; {@link #ask} also waits for the script's next
 * {@code postMessage}. Thread-safe: every call is a message to the isolate's bridge actor.
 */
public final class IsolateRef {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final ActorRef<Object> bridge;
  private final CompletableFuture<IsolateExited> exited;

  IsolateRef(String name, ActorRef<Object> bridge, CompletableFuture<IsolateExited> exited) {
    this.name = name;
    this.bridge = bridge;
    this.exited = exited;
  }

  public String name() {
    return name;
  }

  public void tell(Object message) {
    bridge.tell(new IsolateBridge.Send(JSON.valueToTree(message)));
  }

  /**
   * Sends {@code message} and completes with the script's next posted message (asks are answered in
   * the order they were sent), or fails with an {@link IsolateFailure} if the script fails or ends
   * first, or with a timeout.
   */
  public CompletionStage<JsonNode> ask(Object message, Duration timeout) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    bridge.tell(new IsolateBridge.Ask(JSON.valueToTree(message), answer));
    return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Completes when the isolate ends for good (a supervised one may fail and restart before that),
   * with its exit code and why it ended.
   */
  public CompletionStage<IsolateExited> exited() {
    return exited;
  }

  /** What the isolate is doing now: state, restarts, the last failure, uptime, message counts. */
  public CompletionStage<IsolateStatus> status() {
    CompletableFuture<IsolateStatus> status = new CompletableFuture<>();
    bridge.tell(new IsolateBridge.GetStatus(status));
    return status;
  }

  /** Stops the isolate (Deno's worker.terminate()); a supervised one is not restarted. */
  public void terminate() {
    bridge.tell(new IsolateBridge.Stop());
  }

  /** Hands an HTTP request to a served script (see {@link Isola#spawnServed}). */
  public void route(HttpExchange exchange) {
    bridge.tell(new IsolateBridge.Route(exchange));
  }

  public void routeLost(HttpExchange exchange) {
    bridge.tell(new IsolateBridge.RouteLost(exchange));
  }

  /** Starts the module again, read anew; a served old version answers what it has, then ends. */
  public void reload() {
    bridge.tell(new IsolateBridge.Reload());
  }

  /** The bridge actor, for Pekko code that wants to message the isolate itself. */
  public ActorRef<Object> actor() {
    return bridge;
  }
}
