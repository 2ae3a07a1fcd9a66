package isola.cli;

import isola.embed.ClusterConfig;
import isola.embed.ClusterHost;
import isola.embed.ManifestHost;
import isola.protocol.IsolateSpec;
import isola.protocol.PermissionSet;
import isola.protocol.PermissionSet.Grant;
import isola.protocol.ServeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code isola serve [flags] FILE [ARGS...]}, Deno's {@code deno serve}: runs the module, then answers
 * HTTP with its {@code export default { fetch }}. As in Deno, listening on the address is allowed
 * without {@code --allow-net}.
 */
@Command(name = "serve", description = "Serve a module's default export { fetch } over HTTP",
    mixinStandardHelpOptions = true)
final class ServeCommand extends RunCommand {
  @Option(names = "--port", paramLabel = "VALUE", defaultValue = "8000",
      description = "The TCP port to serve on. Pass 0 to pick a random free port [default: 8000]")
  int port;

  @Option(names = "--host", paramLabel = "VALUE", defaultValue = "0.0.0.0",
      description = "The TCP address to serve on, defaulting to 0.0.0.0 (all interfaces)")
  String host;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Host the scripts a manifest lists behind one front door (docs/serving.md)")
  Path manifest;

  @Option(names = "--cluster",
      description = "With --manifest: join a Pekko cluster whose nodes share the scripts (docs/cluster.md)")
  boolean cluster;

  // Not --config: that is Deno's flag for deno.json.
  @Option(names = "--cluster-config", paramLabel = "FILE",
      description = "HOCON settings for --cluster (Pekko's and isola.cluster's); the flags below win over it")
  Path clusterConfig;

  @Option(names = "--node", paramLabel = "HOST:PORT",
      description = "This cluster node's address [default: 127.0.0.1:2551]")
  String node;

  @Option(names = "--seed", paramLabel = "HOST:PORT", split = ",",
      description = "Seed nodes to join (comma-separated); none: the node starts a cluster of its own")
  List<String> seeds;

  @Option(names = "--role", paramLabel = "ROLE", split = ",", description = "Cluster roles of this node")
  List<String> roles;

  @Option(names = "--management", paramLabel = "HOST:PORT",
      description = "Serve Pekko Management's health checks and cluster endpoints here (docs/cluster.md)")
  String management;

  @Override
  public Integer call() {
    boolean clustered = cluster || clusterConfig != null || node != null || seeds != null || roles != null
        || management != null;
    if (manifest == null && clustered) {
      System.err.println("error: --cluster and its flags need --manifest FILE");
      return 1;
    }
    if (manifest == null) return super.call();
    if (clustered) return callCluster();
    try {
      ManifestHost host = ManifestHost.start(manifest, ProgramHost.processOutput());
      var at = host.address();
      var admin = host.adminAddress();
      System.err.println("isola serve: Listening on http://" + at.getHostString() + ":" + at.getPort() + "/"
          + (admin == null ? "" : " (admin on http://" + admin.getHostString() + ":" + admin.getPort() + "/isolates)"));
      new java.util.concurrent.CountDownLatch(1).await();
      return 0;
    } catch (Throwable e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private Integer callCluster() {
    if (!cluster) {
      System.err.println("error: --cluster-config, --node, --seed, --role and --management need --cluster");
      return 1;
    }
    try {
      var config = ClusterConfig.of(clusterConfig, node, seeds, roles);
      if (management != null) config = ClusterConfig.withManagement(config, management);
      config = ClusterConfig.forProcess(config);
      ClusterHost host = ClusterHost.start(manifest, ProgramHost.processOutput(), config);
      var at = host.address();
      var admin = host.adminAddress();
      System.err.println("isola serve: Listening on http://" + at.getHostString() + ":" + at.getPort() + "/"
          + " (cluster node " + host.node()
          + (admin == null ? "" : ", admin on http://" + admin.getHostString() + ":" + admin.getPort() + "/cluster")
          + (host.managementAddress() == null ? "" : ", management on http://" + host.managementAddress().getHostString()
              + ":" + host.managementAddress().getPort() + "/ready")
          + ")");
      // Coordinated shutdown ends the process: on SIGTERM, or when the cluster downs this node.
      new java.util.concurrent.CountDownLatch(1).await();
      return 0;
    } catch (Throwable e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  @Override
  IsolateSpec spec(Path cwd) {
    if (port < 0 || port > 65535) throw new ProgramError("error: invalid value '" + port + "' for '--port <VALUE>'");
    IsolateSpec run = super.spec(cwd);
    return new IsolateSpec(run.name(), run.mainModule(), null, run.args(), withListen(run.permissions()),
        run.cwd(), null, new ServeOptions(host, port), run.limits());
  }

  private PermissionSet withListen(PermissionSet p) {
    Grant net = p.net();
    if (net.allow() != null && net.allow().isEmpty()) return p;
    List<String> allow = new ArrayList<>(net.allow() == null ? List.of() : net.allow());
    allow.add((host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    return new PermissionSet(p.read(), p.write(), new Grant(allow, net.deny()), p.env(), p.run(), p.sys(),
        p.ffi(), p.imports());
  }
}
