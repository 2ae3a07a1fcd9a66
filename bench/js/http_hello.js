// Hello-world Deno.serve for bench/run's wrk run: serves on the port given as the first argument
// until the process is stopped.
Deno.serve({ hostname: "127.0.0.1", port: Number(Deno.args[0]), onListen() {} }, () => new Response("Hello, world!"));
