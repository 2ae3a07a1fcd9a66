package isola.isolate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an ES module's text needs before GraalJS runs it as Deno would. A small tokenizer (strings,
 * template literals, comments and regular expression literals skipped) finds:
 *
 * <ul>
 *   <li>{@code using} and {@code await using} declarations, which GraalJS 25 cannot parse: the rest of
 *       the enclosing block runs in a {@code try} whose {@code finally} disposes the declared
 *       resources in reverse order through a DisposableStack (07_disposable_stack.js), an error from
 *       disposal suppressing the block's own as a SuppressedError. Found as {@code using NAME =} or
 *       {@code await using NAME =} where a statement starts inside braces or at a module's top level.
 *       Not rewritten (GraalJS's SyntaxError stays): {@code using} in a {@code for} head or a
 *       {@code case} clause, and a module whose top level has {@code using} followed by an
 *       {@code export} or {@code import}.
 *   <li>{@code import(specifier)}: the specifier first goes through 99_main.js's
 *       {@code isola.importSpecifier} hook, which hands a data: URL to GraalJS in a form its loader
 *       reads as Deno does (GraalJS refuses spaces and quotes in it, and reads escapes as Latin-1).
 *   <li>{@code catch (NAME) {}} clauses: the caught value first goes through 01_errors.js's
 *       {@code isola.v8Error} hook, which words an engine error's message as V8 does ("Cannot read
 *       properties of null (reading 'x')" where GraalJS says "Cannot read property 'x' of null"),
 *       since scripts print {@code e.message}.
 * </ul>
 *
 * Nothing is inserted on new lines, so line numbers in stack traces stay those of the file.
 */
final class ModuleRewrites {
  private ModuleRewrites() {}

  private static final Set<String> CONDITION_WORDS = Set.of("w:if", "w:while", "w:for", "w:with");

  /** Words after which a new line does not end the statement (`else\n await x` is its body). */
  private static final Set<String> KEYWORDS_BEFORE = Set.of(
      "w:else", "w:do", "w:return", "w:throw", "w:case", "w:in", "w:of", "w:new", "w:typeof", "w:void",
      "w:delete", "w:instanceof", "w:yield", "w:await", "w:extends", "w:let", "w:const", "w:var", "w:export",
      "w:default", "w:async");

  private static final Set<String> REGEX_AFTER_WORD = Set.of(
      "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
      "yield", "await");

  /** A `{` (or the module's top level) and the using declarations directly inside it. */
  private static final class Scope {
    final boolean template;
    final List<int[]> declarations = new ArrayList<>(); // [statement start, keyword end, async 0/1]
    boolean async;

    Scope(boolean template) {
      this.template = template;
    }
  }

  /** Inserted at the start of a catch block, before the caught value's name and ");". */
  static final String CATCH_HOOK = "globalThis[Symbol.for(\"isola.v8Error\")](";

  /** Inserted after {@code import(}, before the specifier. */
  static final String IMPORT_HOOK = "globalThis[Symbol.for(\"isola.importSpecifier\")](";

  private static final java.util.regex.Pattern DYNAMIC_IMPORT = java.util.regex.Pattern.compile("\\bimport\\s*\\(");

  /** Inserted before a top-level await that starts a statement: its URL, line, column, mark length. */
  static final String AWAIT_HOOK = "globalThis[Symbol.for(\"isola.topLevelAwait\")](";

  /** The source rewritten, or the same string when it has nothing to rewrite. */
  static String rewrite(String source) {
    return rewrite(source, null);
  }

  /** As {@link #rewrite(String)}; with the module's {@code url}, top-level awaits are marked too. */
  static String rewrite(String source, String url) {
    if (!source.contains("using") && !source.contains("catch") && !DYNAMIC_IMPORT.matcher(source).find()
        && (url == null || !source.contains("await"))) {
      return source;
    }
    try {
      return new ModuleRewrites.Pass(source, url).run();
    } catch (RuntimeException e) {
      // Leave the text to GraalJS, which reports whatever is wrong with it.
      return source;
    }
  }

  private static final class Pass {
    private final String s;
    private final TreeMap<Integer, List<String>> inserts = new TreeMap<>();
    private final TreeMap<Integer, Integer> replaced = new TreeMap<>(); // start -> end, replaced by "const"
    private int blocks;
    /** Kind of the last significant token: 'w' word, 'n' number/string/regex/template, or the punctuator. */
    private String previous = ";";
    /** For each open `(`, the token before it. */
    private final Deque<String> parens = new ArrayDeque<>();
    private boolean newlineBefore;
    /** The module's URL, for the top-level await marks; null for none. */
    private final String url;
    /** Whether the last `)` closed an if/while/for/with condition (it reads as `;` in `previous`). */
    private boolean afterCondition;

    Pass(String source, String url) {
      this.s = source;
      this.url = url;
    }

    String run() {
      Deque<Scope> scopes = new ArrayDeque<>();
      Scope top = new Scope(false);
      scopes.push(top);
      int i = 0;
      int n = s.length();
      int topLevelModuleSyntaxAfterUsing = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
          newlineBefore = true;
          i++;
        } else if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
          while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
        } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          int end = s.indexOf("*/", i + 2);
          if (end < 0) return s;
          if (s.substring(i, end).indexOf('\n') >= 0) newlineBefore = true;
          i = end + 2;
        } else if (c == '"' || c == '\'') {
          i = skipString(i, c);
          token("n");
        } else if (c == '`') {
          int depth = scopes.size();
          i = skipTemplate(i + 1, scopes);
          token(scopes.size() > depth ? "{" : "n");
        } else if (c == '/' && regexAllowed()) {
          i = skipRegex(i);
          token("n");
        } else if (Character.isJavaIdentifierStart(c) || c == '\\') {
          int start = i;
          while (i < n && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '\\')) i++;
          String word = s.substring(start, i);
          boolean statementStart = previous.equals(";") || previous.equals("{") || previous.equals("}");
          if (statementStart && (word.equals("using") || word.equals("await"))) {
            int declared = declaration(start, i, word.equals("await"));
            if (declared > 0) {
              Scope scope = scopes.peek();
              if (scope.template) return s;
              scope.declarations.add(new int[] {start, declared, word.equals("await") ? 1 : 0});
              scope.async |= word.equals("await");
              i = declared;
              previous = "w";
              newlineBefore = false;
              continue;
            }
          }
          if (word.equals("await") && url != null && scopes.size() == 1 && parens.isEmpty() && !afterCondition
              && (statementStart || (newlineBefore && (previous.equals("n") || previous.equals(")")
                  || previous.equals("]") || (previous.startsWith("w:") && !KEYWORDS_BEFORE.contains(previous)))))) {
            markTopLevelAwait(start);
          }
          if (word.equals("catch") && !previous.equals(".")) catchBinding(i);
          if (word.equals("import") && !previous.equals(".")) dynamicImport(i);
          if (scopes.size() == 1 && !top.declarations.isEmpty() && statementStart
              && (word.equals("export") || word.equals("import"))) {
            topLevelModuleSyntaxAfterUsing++;
          }
          token(word.equals("this") || word.equals("super") ? "n" : "w:" + word);
        } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
          while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) i++;
          token("n");
        } else if (c == '{') {
          scopes.push(new Scope(false));
          i++;
          token("{");
        } else if (c == '}') {
          if (scopes.size() == 1) return s;
          Scope closed = scopes.pop();
          if (closed.template) {
            int depth = scopes.size();
            i = skipTemplate(i + 1, scopes);
            token(scopes.size() > depth ? "{" : "n");
            continue;
          }
          close(closed, i);
          i++;
          token("}");
        } else if (c == '(') {
          parens.push(previous);
          i++;
          token("(");
        } else if (c == ')') {
          String opener = parens.isEmpty() ? "" : parens.pop();
          i++;
          // `if (x) /re/.test(s)`: after a condition's `)` a slash starts a regular expression.
          token(CONDITION_WORDS.contains(opener) ? ";" : ")");
          afterCondition = CONDITION_WORDS.contains(opener);
        } else {
          i++;
          token(String.valueOf(c));
        }
      }
      if (scopes.size() != 1) return s;
      if (!top.declarations.isEmpty()) {
        if (topLevelModuleSyntaxAfterUsing > 0) return s;
        close(top, n);
      }
      return inserts.isEmpty() ? s : apply();
    }

    /** After the word `catch` ending at {@code at}: `(NAME) {` gets the hook call after its `{`. */
    private void catchBinding(int at) {
      int open = skipBlanks(at, true);
      if (open >= s.length() || s.charAt(open) != '(') return;
      int name = skipBlanks(open + 1, true);
      if (name >= s.length() || !Character.isJavaIdentifierStart(s.charAt(name))) return;
      int nameEnd = name;
      while (nameEnd < s.length() && Character.isJavaIdentifierPart(s.charAt(nameEnd))) nameEnd++;
      int close = skipBlanks(nameEnd, true);
      if (close >= s.length() || s.charAt(close) != ')') return;
      int brace = skipBlanks(close + 1, true);
      if (brace >= s.length() || s.charAt(brace) != '{') return;
      insert(brace + 1, CATCH_HOOK + s.substring(name, nameEnd) + ");");
    }

    /** After the word `import` ending at {@code at}: `(specifier` gets the hook around the specifier. */
    private void dynamicImport(int at) {
      int open = skipBlanks(at, true);
      if (open >= s.length() || s.charAt(open) != '(') return;
      int end = argumentEnd(open + 1);
      if (end < 0 || skipBlanks(open + 1, true) == end) return;
      insert(open + 1, IMPORT_HOOK);
      insert(end, ")");
    }

    /** The index of the `,` or `)` that ends the call argument starting at {@code from}; -1 if none. */
    private int argumentEnd(int from) {
      int end = nextAtDepthZero(from, s.length());
      return end < s.length() && (s.charAt(end) == ',' || s.charAt(end) == ')') ? end : -1;
    }

    /**
     * The first `,` from {@code from} outside brackets, strings and templates, or the bracket that
     * closes the one {@code from} is in; {@code to} if neither comes before it.
     */
    private int nextAtDepthZero(int from, int to) {
      int depth = 0;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = skipString(i, c) - 1;
        } else if (c == '`') {
          i = skipTemplate(i + 1, null) - 1;
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) return i;
          depth--;
        } else if (c == ',' && depth == 0) {
          return i;
        }
      }
      return to;
    }

    private void token(String kind) {
      afterCondition = false;
      previous = kind;
      newlineBefore = false;
    }

    /**
     * Before an `await` that starts a top-level statement: a call that tells 99_main.js where the
     * module waits, so "Top-level await promise never resolved" can point there as Deno does.
     */
    private void markTopLevelAwait(int at) {
      int line = 1;
      int lineStart = 0;
      for (int k = 0; k < at; k++) {
        if (s.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      // The mark's own length is its last argument: stack columns after it on its line take it off.
      String head = AWAIT_HOOK + ModuleFileSystem.jsString(url) + "," + line + "," + (at - lineStart + 1) + ",";
      int length = head.length() + 3;
      while (head.length() + String.valueOf(length).length() + 2 != length) length++;
      insert(at, head + length + ");");
    }


    private boolean regexAllowed() {
      if (previous.equals("n") || previous.equals(")") || previous.equals("]")) return false;
      if (previous.startsWith("w:")) return REGEX_AFTER_WORD.contains(previous.substring(2));
      return true;
    }

    /**
     * If {@code using NAME =} (or {@code await using NAME =}) starts at {@code start}, the end of the
     * keyword(s) it starts with; else -1.
     */
    private int declaration(int start, int afterWord, boolean await) {
      int at = afterWord;
      if (await) {
        at = skipBlanks(at, false);
        if (at < 0 || !s.startsWith("using", at) || identifierPart(at + 5)) return -1;
        at += 5;
      }
      int keywordEnd = at;
      int name = skipBlanks(at, false);
      if (name < 0 || name == at || !Character.isJavaIdentifierStart(s.charAt(name))) return -1;
      int nameEnd = name;
      while (nameEnd < s.length() && Character.isJavaIdentifierPart(s.charAt(nameEnd))) nameEnd++;
      String word = s.substring(name, nameEnd);
      if (word.equals("in") || word.equals("of") || word.equals("instanceof")) return -1;
      int eq = skipBlanks(nameEnd, true);
      if (eq < 0 || eq >= s.length() || s.charAt(eq) != '=' || (eq + 1 < s.length() && s.charAt(eq + 1) == '=')) {
        return -1;
      }
      return keywordEnd;
    }

    private boolean identifierPart(int at) {
      return at < s.length() && Character.isJavaIdentifierPart(s.charAt(at));
    }

    /** The next non-blank index from {@code at}; -1 if a line break comes first and is not allowed. */
    private int skipBlanks(int at, boolean newlinesAllowed) {
      while (at < s.length()) {
        char c = s.charAt(at);
        if (c == '\n' || c == '\r') {
          if (!newlinesAllowed) return -1;
          at++;
        } else if (Character.isWhitespace(c)) {
          at++;
        } else {
          return at;
        }
      }
      return at;
    }

    /** The block {@code scope}, which ends at {@code end} (its `}` or the end of the module), is closed. */
    private void close(Scope scope, int end) {
      if (scope.declarations.isEmpty()) return;
      int k = blocks++;
      String stack = "$isola$using" + k;
      String error = "$isola$error" + k;
      String threw = "$isola$threw" + k;
      int[] first = scope.declarations.get(0);
      insert(first[0], "const " + stack + " = new " + (scope.async ? "AsyncDisposableStack" : "DisposableStack")
          + "(); let " + error + ", " + threw + " = false; try { ");
      for (int[] d : scope.declarations) {
        replaced.put(d[0], d[1]);
        int statementEnd = statementEnd(d[1]);
        // After the declaration's `;`, or the one it leaves to ASI: an empty statement at worst.
        StringBuilder uses = new StringBuilder(";");
        for (String name : declaredNames(d[1], statementEnd)) uses.append(' ').append(stack).append(".use(").append(name).append(");");
        insert(statementEnd, uses.toString());
      }
      String dispose = scope.async ? "await " + stack + ".disposeAsync()" : stack + ".dispose()";
      // At the end of a module, on a line of its own: its last line may be a // comment.
      insert(end, (end == s.length() ? "\n" : "") + " } catch ($isola$e) { " + error + " = $isola$e; " + threw + " = true; } finally { try { " + dispose
          + "; } catch ($isola$d) { if (" + threw + ") throw new SuppressedError($isola$d, " + error
          + ", \"An error was suppressed during disposal\"); throw $isola$d; } if (" + threw + ") throw " + error
          + "; }");
    }

    /** Where the declaration statement whose keyword ends at {@code from} ends (after its `;`). */
    private int statementEnd(int from) {
      int depth = 0;
      int i = from;
      String last = "w";
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = skipString(i, c);
          last = "n";
          continue;
        }
        if (c == '`') {
          i = skipTemplate(i + 1, null);
          last = "n";
          continue;
        }
        if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
          while (i < s.length() && s.charAt(i) != '\n') i++;
          continue;
        }
        if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
          i = s.indexOf("*/", i + 2) + 2;
          continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) return i;
          depth--;
        }
        if (depth == 0 && c == ';') return i + 1;
        if (depth == 0 && c == '\n' && endsExpression(last) && !continuesExpression(skipBlanks(i, true))) return i;
        if (!Character.isWhitespace(c)) last = Character.isJavaIdentifierPart(c) ? "w" : String.valueOf(c);
        i++;
      }
      return s.length();
    }

    private static boolean endsExpression(String last) {
      return last.equals("w") || last.equals("n") || last.equals(")") || last.equals("]") || last.equals("}");
    }

    private boolean continuesExpression(int at) {
      if (at >= s.length()) return false;
      char c = s.charAt(at);
      return ".,?:([+-*/%=&|^<>`".indexOf(c) >= 0 || s.startsWith("instanceof", at) || s.startsWith("in ", at);
    }

    /** The bound names of `NAME = init, NAME = init`: the identifier first and after each top-level comma. */
    private List<String> declaredNames(int from, int to) {
      List<String> names = new ArrayList<>();
      int at = from;
      for (;;) {
        int name = skipBlanks(at, true);
        int end = name;
        while (end < to && Character.isJavaIdentifierPart(s.charAt(end))) end++;
        if (end > name) names.add(s.substring(name, end));
        int comma = nextAtDepthZero(end, to);
        if (comma >= to || s.charAt(comma) != ',') return names;
        at = comma + 1;
      }
    }

    private void insert(int at, String text) {
      inserts.computeIfAbsent(at, k -> new ArrayList<>()).add(text);
    }

    private String apply() {
      StringBuilder out = new StringBuilder(s.length() + 512);
      int at = 0;
      TreeMap<Integer, Object> events = new TreeMap<>();
      inserts.keySet().forEach(k -> events.put(k, null));
      replaced.keySet().forEach(k -> events.put(k, null));
      for (int position : events.keySet()) {
        if (position < at) continue;
        out.append(s, at, position);
        at = position;
        List<String> texts = inserts.get(position);
        if (texts != null) texts.forEach(out::append);
        Integer end = replaced.get(position);
        if (end != null) {
          out.append("const");
          at = end;
        }
      }
      out.append(s, at, s.length());
      return out.toString();
    }

    private int skipString(int i, char quote) {
      i++;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == quote) {
          return i + 1;
        } else {
          i++;
        }
      }
      throw new IllegalStateException("unterminated string");
    }

    /**
     * Skips template text from {@code i} (just after a backtick or a substitution's `}`): returns the
     * index after the closing backtick, or after a `${`, pushing a template scope on {@code scopes}
     * (null: skip substitutions whole, for a scan inside one statement).
     */
    private int skipTemplate(int i, Deque<Scope> scopes) {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '`') {
          return i + 1;
        } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
          if (scopes != null) {
            scopes.push(new Scope(true));
            return i + 2;
          }
          i = skipSubstitution(i + 2);
        } else {
          i++;
        }
      }
      throw new IllegalStateException("unterminated template");
    }

    private int skipSubstitution(int i) {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = skipString(i, c);
        } else if (c == '`') {
          i = skipTemplate(i + 1, null);
        } else if (c == '{') {
          depth++;
          i++;
        } else if (c == '}') {
          if (depth == 0) return i + 1;
          depth--;
          i++;
        } else {
          i++;
        }
      }
      throw new IllegalStateException("unterminated substitution");
    }

    private int skipRegex(int i) {
      i++;
      boolean inClass = false;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '\n') throw new IllegalStateException("unterminated regex");
        if (c == '[') inClass = true;
        else if (c == ']') inClass = false;
        else if (c == '/' && !inClass) {
          i++;
          while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
          return i;
        }
        i++;
      }
      throw new IllegalStateException("unterminated regex");
    }
  }
}
