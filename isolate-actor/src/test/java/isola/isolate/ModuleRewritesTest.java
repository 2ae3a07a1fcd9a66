package isola.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

/**
 * The rewrite must find using declarations and nothing else: text that only looks like one (in a
 * string, template, comment or regular expression, or `using` as an identifier) stays as it is.
 * Rewritten code is run in a plain GraalJS context with a minimal DisposableStack.
 */
class ModuleRewritesTest {
  private static final String STACK = """
      class DisposableStack { #r = []; use(v) { if (v != null) this.#r.push(v); return v; }
        dispose() { for (const v of this.#r.reverse()) v[Symbol.dispose](); } }
      const log = [];
      const res = (n) => ({ [Symbol.dispose]() { log.push(n); } });
      globalThis[Symbol.for("isola.v8Error")] = (e) => { e.message = "hooked " + e.message; };
      """;

  private static String run(String body) {
    try (Context context = Context.create("js")) {
      String rewritten = ModuleRewrites.rewrite(body);
      return context.eval("js", STACK + rewritten + "\n;JSON.stringify(log)").asString();
    }
  }

  @Test
  void leavesTextWithoutDeclarationsAlone() {
    String[] sources = {
      "const s = 'using x = 1'; const t = `using ${ {a: 1}.a } = 2`; // using y = 3",
      "/* using z = 4 */ const r = /using w = {5}/; const using = (x) => x; using(1);",
      "for (using of [1]) {}",
      "let using = 1; using = 2;",
      "if (a) /'/.test(s); const t = 'catch (e) { x }'; const d = (a) / 2 / (b); // '",
      "try { f() } catch { g() } try { f() } catch ({ message }) { g(message) } p.catch(e => e); p.catch(h)",
    };
    for (String source : sources) assertSame(source, ModuleRewrites.rewrite(source), source);
  }

  @Test
  void disposesInReverseOrderAtTheEndOfTheBlock() {
    assertEquals("[\"body\",\"c\",\"b\",\"a\"]",
        run("{ using a = res('a'); using b = res('b'), c = res('c'); log.push('body') }"));
  }

  @Test
  void disposesOnReturnAndKeepsLineNumbers() {
    String source = "function f() {\n  using x = res('x');\n  return `${'}'}` + /}/.source;\n}\nlog.push(f());";
    String rewritten = ModuleRewrites.rewrite(source);
    assertEquals(source.lines().count(), rewritten.lines().count());
    assertEquals("[\"x\",\"}}\"]", run(source));
  }

  @Test
  void worksWithoutSemicolonsAndAtTheEndOfAModuleWithATrailingComment() {
    assertEquals("[\"body\",\"m\"]", run("using m = res('m')\nlog.push('body')\n// the end"));
  }

  @Test
  void leavesAModuleWithExportsAfterATopLevelUsing() {
    String source = "using m = res('m');\nexport const x = 1;";
    assertSame(source, ModuleRewrites.rewrite(source));
  }

  @Test
  void catchBlocksHandTheirErrorToTheHookFirst() {
    assertEquals("[\"hooked x\",\"inner\"]", run(
        "try { throw new Error('x') } catch (err) { log.push(err.message) } try { throw 1 } catch(e){log.push('inner')}"
            .replace("log.push('inner')", "log.push(typeof e === 'number' ? 'inner' : 'no')")));
  }

  @Test
  void dynamicImportsPassTheirSpecifierThroughTheHook() {
    assertEquals("const m = import(" + ModuleRewrites.IMPORT_HOOK + "f(a, [b]) + \"x,)\"), { with: {} }); o.import(y);",
        ModuleRewrites.rewrite("const m = import(f(a, [b]) + \"x,)\", { with: {} }); o.import(y);"));
    String staticOnly = "import x from \"./x.js\";\nexport { x };";
    assertSame(staticOnly, ModuleRewrites.rewrite(staticOnly));
  }

  @Test
  void rewritesAwaitUsingWithAnAsyncStack() {
    String rewritten = ModuleRewrites.rewrite("async function f() { await using a = g(); }");
    assertTrue(rewritten.contains("new AsyncDisposableStack()") && rewritten.contains("await $isola$using0.disposeAsync()"),
        rewritten);
  }
  @Test
  void marksTopLevelAwaitsThatStartAStatementOnly() {
    String url = "file:///m.js";
    String mark = ModuleRewrites.AWAIT_HOOK + "\"file:///m.js\",";
    String source = String.join("\n",
        "await a();",
        "const x = 1",
        "await b(x);",
        "if (x) await c();",
        "if (x) { await d(); }",
        "const f = async () =>",
        "  await e();",
        "x ? 1 : 2; for await (const v of g()) {}",
        "const y = await h();");
    String rewritten = ModuleRewrites.rewrite(source, url);
    String first = mark + "1,1,";
    assertTrue(rewritten.startsWith(first), rewritten);
    String firstMark = rewritten.substring(0, rewritten.indexOf(";await a();") + 1);
    assertEquals(String.valueOf(firstMark.length()), firstMark.substring(first.length(), firstMark.length() - 2),
        "the mark's last argument is its length: " + rewritten);
    assertTrue(rewritten.matches("(?s).*\n" + java.util.regex.Pattern.quote(mark + "3,1,") + "\\d+\\);await b\\(x\\);.*"),
        rewritten);
    assertEquals(2, rewritten.split(java.util.regex.Pattern.quote(ModuleRewrites.AWAIT_HOOK), -1).length - 1,
        "only the statement-starting awaits at the top level: " + rewritten);
    assertSame(source, ModuleRewrites.rewrite(source), "no URL, no marks");
  }
}
