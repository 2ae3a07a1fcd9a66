package isola.cli;

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

  @Override
  public Integer call() {
    if (manifest == null) return super.call();
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
