package isola.embed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster node's configuration: command-line overrides over a HOCON file over isola's cluster
 * defaults (cluster.conf) over application.conf. Node and seed addresses are {@code HOST:PORT}; the
 * actor system is always named {@code isola}, so a seed is {@code pekko://isola@HOST:PORT}.
 */
public final class ClusterConfig {
  public static final String SYSTEM = "isola";

  private ClusterConfig() {}

  /**
   * {@code node} (this node's {@code HOST:PORT}), {@code seeds} and {@code roles} may be null or
   * empty: then the file or the defaults decide. A node with neither seeds given nor configured
   * joins itself.
   */
  public static Config of(Path file, String node, List<String> seeds, List<String> roles) {
    Config overrides = ConfigFactory.empty();
    if (node != null) {
      int colon = node.lastIndexOf(':');
      if (colon < 0) throw new IllegalArgumentException("--node wants HOST:PORT, not \"" + node + "\"");
      overrides = overrides
          .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(node.substring(0, colon)))
          .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(Integer.parseInt(node.substring(colon + 1))));
    }
    if (seeds != null && !seeds.isEmpty()) {
      List<String> addresses = new ArrayList<>();
      for (String s : seeds) addresses.add("pekko://" + SYSTEM + "@" + s);
      overrides = overrides.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(addresses));
    }
    if (roles != null && !roles.isEmpty()) {
      overrides = overrides.withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles));
    }
    if (file != null && !Files.isRegularFile(file)) throw new IllegalArgumentException("no config file " + file);
    Config fromFile = file == null ? ConfigFactory.empty() : ConfigFactory.parseFile(file.toFile());
    Config config = overrides.withFallback(fromFile)
        .withFallback(ConfigFactory.parseResources(ClusterConfig.class.getClassLoader(), "cluster.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      String self = config.getString("pekko.remote.artery.canonical.hostname") + ":"
          + config.getInt("pekko.remote.artery.canonical.port");
      config = ConfigValueFactory.fromIterable(List.of("pekko://" + SYSTEM + "@" + self))
          .atPath("pekko.cluster.seed-nodes").withFallback(config);
    }
    return config;
  }

  /** Turns on Pekko Management's HTTP endpoints ({@code HOST:PORT}) for a node's configuration. */
  public static Config withManagement(Config config, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) throw new IllegalArgumentException("--management wants HOST:PORT, not \"" + hostPort + "\"");
    return ConfigFactory.empty()
        .withValue("isola.cluster.management", ConfigValueFactory.fromAnyRef(true))
        .withValue("pekko.management.http.hostname", ConfigValueFactory.fromAnyRef(hostPort.substring(0, colon)))
        .withValue("pekko.management.http.port", ConfigValueFactory.fromAnyRef(Integer.parseInt(hostPort.substring(colon + 1))))
        .withFallback(config);
  }

  /**
   * For a node run by the CLI: SIGTERM leaves the cluster gracefully (coordinated shutdown from the
   * JVM's shutdown hook), and a node the cluster downed exits rather than serve on alone.
   */
  public static Config forProcess(Config config) {
    return ConfigFactory.parseString("""
        pekko.jvm-shutdown-hooks = on
        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = on
        pekko.coordinated-shutdown.exit-jvm = on
        """).withFallback(config);
  }
}
