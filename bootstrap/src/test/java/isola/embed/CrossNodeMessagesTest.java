package isola.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.typesafe.config.ConfigFactory;
import isola.protocol.ActorMail;
import isola.protocol.CborSerializable;
import isola.protocol.EntityCommand;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message that can cross JVMs in cluster mode is bound to the Jackson CBOR serializer (through
 * {@link CborSerializable}) and survives a round trip through it. The messages are found by walking
 * the types reachable from {@link EntityCommand} and {@link ActorMail} (record components, list
 * elements, the replies an {@code ActorRef<T>} takes), so a new field of an unbound type fails here
 * rather than on a live cluster.
 */
class CrossNodeMessagesTest {
  private static final ActorTestKit KIT = ActorTestKit.create(ConfigFactory.load());
  private static final Serialization SERIALIZATION = SerializationExtension.get(Adapter.toClassic(KIT.system()));

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void everyMessageReachableFromEntityCommandsAndActorMailIsBoundAndRoundTrips() {
    Set<Class<?>> messages = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    walk(EntityCommand.class, messages, problems, "EntityCommand");
    // isola:actors mail: the receptionist is cluster-wide in cluster mode.
    walk(ActorMail.class, messages, problems, "ActorMail");
    assertEquals(List.of(), problems);
    assertTrue(messages.size() >= 7, "the walk found only " + messages);
    for (Class<?> c : messages) {
      assertTrue(CborSerializable.class.isAssignableFrom(c), c.getName() + " can cross nodes but is not CborSerializable");
      roundTrip(c);
    }
  }

  @Test
  void everyMarkedProtocolRecordRoundTrips() throws Exception {
    List<Class<?>> marked = protocolClasses().stream()
        .filter(c -> c.isRecord() && CborSerializable.class.isAssignableFrom(c)).toList();
    assertTrue(marked.size() >= 20, "found only " + marked);
    for (Class<?> c : marked) roundTrip(c);
  }

  @Test
  void javaSerializationIsOff() {
    assertEquals(false, KIT.system().settings().config().getBoolean("pekko.actor.allow-java-serialization"));
  }

  private static void roundTrip(Class<?> c) {
    Object sample = sample(c);
    Serializer serializer = SERIALIZATION.findSerializerFor(sample);
    assertTrue(serializer instanceof JacksonCborSerializer, c.getName() + " is serialized by " + serializer);
    byte[] bytes = SERIALIZATION.serialize(sample).get();
    Object back = SERIALIZATION.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, sample)).get();
    assertTrue(deepEquals(sample, back), c.getName() + " did not round-trip: " + sample + " became " + back);
  }

  /** Collects the records reachable from {@code type}; whatever cannot be serialized is a problem. */
  private static void walk(Type type, Set<Class<?>> seen, List<String> problems, String where) {
    if (type instanceof ParameterizedType p) {
      walk(p.getRawType(), seen, problems, where);
      for (Type arg : p.getActualTypeArguments()) walk(arg, seen, problems, where + "<>");
      return;
    }
    if (!(type instanceof Class<?> c)) {
      problems.add(where + ": " + type + " is not a concrete type");
      return;
    }
    if (leaf(c) || c == List.class || c == ActorRef.class) return;
    if (c.isSealed() && c.isInterface()) {
      for (Class<?> sub : c.getPermittedSubclasses()) walk(sub, seen, problems, sub.getSimpleName());
      return;
    }
    if (!c.isRecord()) {
      problems.add(where + ": " + c.getName() + " is neither a record nor a plain value");
      return;
    }
    if (!seen.add(c)) return;
    for (RecordComponent rc : c.getRecordComponents()) {
      walk(rc.getGenericType(), seen, problems, c.getSimpleName() + "." + rc.getName());
    }
  }

  private static boolean leaf(Class<?> c) {
    return c.isPrimitive() || c == String.class || c == byte[].class || c.isEnum() || JsonNode.class.isAssignableFrom(c)
        || Number.class.isAssignableFrom(c) || c == Boolean.class;
  }

  /** A value of {@code type} with every field set, so that a field the serializer drops shows. */
  private static Object sample(Type type) {
    Class<?> c = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (c == String.class) return "s-é";
    if (c == int.class || c == Integer.class) return 7;
    if (c == long.class || c == Long.class) return 7L << 40;
    if (c == double.class || c == Double.class) return 1.5;
    if (c == boolean.class || c == Boolean.class) return true;
    if (c == byte[].class) return new byte[] {1, -2, 3};
    if (c.isEnum()) return c.getEnumConstants()[c.getEnumConstants().length - 1];
    if (JsonNode.class.isAssignableFrom(c)) return JsonNodeFactory.instance.objectNode().put("a", 1);
    if (c == ActorRef.class) return KIT.createTestProbe().ref();
    if (c == List.class) return List.of(sample(((ParameterizedType) type).getActualTypeArguments()[0]));
    if (c == Map.class) return Map.of("k", sample(((ParameterizedType) type).getActualTypeArguments()[1]));
    if (c.isSealed()) return sample(c.getPermittedSubclasses()[0]);
    if (c.isRecord()) {
      RecordComponent[] rcs = c.getRecordComponents();
      Object[] args = new Object[rcs.length];
      Class<?>[] types = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        args[i] = sample(rcs[i].getGenericType());
        types[i] = rcs[i].getType();
      }
      try {
        Constructor<?> canonical = c.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot build a " + c.getName(), e);
      }
    }
    throw new AssertionError("no sample for " + type);
  }

  private static boolean deepEquals(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a.getClass().isArray()) {
      if (!b.getClass().isArray() || Array.getLength(a) != Array.getLength(b)) return false;
      for (int i = 0; i < Array.getLength(a); i++) if (!deepEquals(Array.get(a, i), Array.get(b, i))) return false;
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) return false;
      for (int i = 0; i < la.size(); i++) if (!deepEquals(la.get(i), lb.get(i))) return false;
      return true;
    }
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      try {
        for (RecordComponent rc : a.getClass().getRecordComponents()) {
          rc.getAccessor().setAccessible(true);
          if (!deepEquals(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b))) return false;
        }
        return true;
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return a.equals(b);
  }

  /** The classes of the protocol module, from its jar or its classes directory. */
  private static List<Class<?>> protocolClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path where = Path.of(CborSerializable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.walk(where)) {
        files.filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> names.add(where.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
            .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
      }
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) if (n.startsWith("isola.protocol.")) classes.add(Class.forName(n));
    return classes;
  }
}
