package isola.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** One event of a test module's run, as 80_testing.js emits it (op_test_event). */
record TestEvent(String type, JsonNode json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TestEvent parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return new TestEvent(node.path("type").asText(), node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text(String field) {
    JsonNode n = json.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  int integer(String field) {
    return json.path(field).asInt();
  }

  double number(String field) {
    return json.path(field).asDouble();
  }

  boolean flag(String field) {
    return json.path(field).asBoolean();
  }

  /** "file:///dir/a_test.js:5:6" of the call site, or null. */
  String site() {
    JsonNode site = json.get("site");
    if (site == null || site.isNull()) return null;
    return site.path("file").asText() + ":" + site.path("line").asInt() + ":" + site.path("column").asInt();
  }
}
