package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import isola.protocol.SerializedValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values to and from the structured-clone form scripts post (runtime/45_structured_clone.js):
 * what a Java caller sends arrives at {@code self.onmessage} as plain objects, arrays, strings,
 * numbers, booleans and null; what a script posts back arrives as a {@link JsonNode}. Values JSON has
 * no form for (Maps, Sets, buffers, Errors) are refused with an IllegalArgumentException.
 */
final class JsonClone {
  private JsonClone() {}

  private static final int UNDEFINED = 0, NULL = 1, TRUE = 2, FALSE = 3, INT32 = 4, DOUBLE = 5,
      BIGINT = 6, STRING = 7, REF = 8, OBJECT = 9, ARRAY = 10, SPARSE_ARRAY = 11, HOLE = 12, DATE = 14;

  /**
   * A property list is key, value pairs ended by a zero; a key is its string's index plus one (a key
   * index can take any byte value, so no tag byte can mark the end).
   */
  private static final int END_OF_PROPERTIES = 0;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static SerializedValue serialize(JsonNode value) {
    Writer w = new Writer();
    w.value(value);
    return new SerializedValue(w.out.toByteArray(), w.strings, List.of(), List.of());
  }

  static JsonNode deserialize(SerializedValue value) {
    return new Reader(value).value();
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<String> strings = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();

    void value(JsonNode v) {
      if (v == null || v.isNull() || v.isMissingNode()) {
        out.write(v != null && v.isMissingNode() ? UNDEFINED : NULL);
      } else if (v.isBoolean()) {
        out.write(v.booleanValue() ? TRUE : FALSE);
      } else if (v.isInt() || (v.isIntegralNumber() && v.canConvertToInt())) {
        out.write(INT32);
        out.writeBytes(ByteBuffer.allocate(4).putInt(v.intValue()).array());
      } else if (v.isNumber()) {
        out.write(DOUBLE);
        out.writeBytes(ByteBuffer.allocate(8).putDouble(v.doubleValue()).array());
      } else if (v.isTextual()) {
        out.write(STRING);
        string(v.textValue());
      } else if (v.isArray()) {
        out.write(ARRAY);
        uint(v.size());
        for (JsonNode item : v) value(item);
        uint(END_OF_PROPERTIES);
      } else if (v.isObject()) {
        out.write(OBJECT);
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          uint(index(field.getKey()) + 1);
          value(field.getValue());
        }
        uint(END_OF_PROPERTIES);
      } else {
        throw new IllegalArgumentException("cannot send " + v.getNodeType() + " to a script");
      }
    }

    void string(String s) {
      uint(index(s));
    }

    int index(String s) {
      return index.computeIfAbsent(s, k -> {
        strings.add(k);
        return strings.size() - 1;
      });
    }

    void uint(int n) {
      while (n >= 0x80) {
        out.write((n & 0x7f) | 0x80);
        n >>>= 7;
      }
      out.write(n);
    }
  }

  private static final class Reader {
    final ByteBuffer in;
    final List<String> strings;
    final List<JsonNode> kept = new ArrayList<>();

    Reader(SerializedValue v) {
      this.in = ByteBuffer.wrap(v.bytes());
      this.strings = v.strings();
    }

    JsonNode value() {
      int tag = in.get();
      return switch (tag) {
        case UNDEFINED, NULL -> NODES.nullNode();
        case TRUE -> NODES.booleanNode(true);
        case FALSE -> NODES.booleanNode(false);
        case INT32 -> NODES.numberNode(in.getInt());
        case DOUBLE -> NODES.numberNode(in.getDouble());
        case BIGINT -> NODES.numberNode(new java.math.BigInteger(string(), 16));
        case STRING -> NODES.textNode(string());
        case DATE -> keep(NODES.numberNode(in.getDouble()));
        case REF -> kept.get(uint());
        case OBJECT -> properties(keep(NODES.objectNode()));
        case ARRAY, SPARSE_ARRAY -> {
          ArrayNode a = NODES.arrayNode();
          keep(a);
          int length = uint();
          if (tag == ARRAY) {
            for (int i = 0; i < length; i++) {
              if (in.get(in.position()) == HOLE) {
                in.get();
                a.addNull();
              } else {
                a.add(value());
              }
            }
          } else {
            for (int i = 0; i < length; i++) a.addNull();
          }
          skipProperties();
          yield a;
        }
        default -> throw new IllegalArgumentException(
            "the script posted a value JSON cannot hold (structured-clone tag " + tag + ")");
      };
    }

    private <T extends JsonNode> T keep(T node) {
      kept.add(node);
      return node;
    }

    private ObjectNode properties(ObjectNode o) {
      for (int key = uint(); key != END_OF_PROPERTIES; key = uint()) {
        o.set(strings.get(key - 1), value());
      }
      return o;
    }

    /** An array's extra (non-index) properties have no place in JSON. */
    private void skipProperties() {
      for (int key = uint(); key != END_OF_PROPERTIES; key = uint()) {
        value();
      }
    }

    private String string() {
      return strings.get(uint());
    }

    private int uint() {
      int n = 0;
      int shift = 0;
      int b;
      do {
        b = in.get() & 0xff;
        n |= (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      return n;
    }
  }
}
