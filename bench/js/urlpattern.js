// URLPattern matching as a router does it: 8 URL strings, each tested against a table of 10 route
// patterns until one matches (80 test() calls per pass, the URLs repeating as in real traffic), then
// exec() of the matching route for its groups. Reports µs per test()/exec() call after warm-up.
import { measure, msPerCall, report } from "./_harness.js";

const routes = [
  "/", "/about", "/blog/:year(\\d{4})/:slug", "/users/:id", "/users/:id/posts/:post?", "/static/*",
  "/api/v:version(\\d+)/:resource/:id?", "/files/:path+", "/search{/:q}?", "/:lang(en|de|fr)/docs/*",
].map((pathname) => new URLPattern({ pathname }));
const urls = [
  "https://example.com/", "https://example.com/blog/2024/hello-world", "https://example.com/users/42/posts",
  "https://example.com/static/css/site.css", "https://example.com/api/v2/orders/17", "https://example.com/files/a/b/c.txt",
  "https://example.com/de/docs/intro", "https://example.com/nowhere/at/all",
];

let found = 0;
/** One routing pass over all URLs; returns the number of test()/exec() calls it made. */
function pass() {
  let calls = 0;
  for (const url of urls) {
    for (const route of routes) {
      calls++;
      if (route.test(url)) {
        calls++;
        if (route.exec(url) !== null) found++;
        break;
      }
    }
  }
  return calls;
}
const callsPerPass = pass();
// TRegex compiles a regexp only after many runs: a longer window keeps slow early samples out.
const result = await measure(() => msPerCall(pass) / callsPerPass * 1000, { window: 10 });
if (found === 0) throw new Error("no route matched");
report("urlpattern_match", result, "us/call");
