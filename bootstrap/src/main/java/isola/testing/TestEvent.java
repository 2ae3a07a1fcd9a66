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

  /** The URL of the module where Deno.test or t.step was called, or null. */
  String siteFile() {
    JsonNode file = json.path("site").get("file");
    return file == null ? null : file.asText();
  }

  int siteLine() {
    return json.path("site").path("line").asInt();
  }

  int siteColumn() {
    return json.path("site").path("column").asInt();
  }
}
