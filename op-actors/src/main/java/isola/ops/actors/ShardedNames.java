package isola.ops.actors;

import isola.protocol.EntityCommand;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.RecipientRef;

/**
 * The names whose mail goes through Cluster Sharding rather than the receptionist: in cluster mode,
 * the names of the manifest's scripts, each the entity ref of its isolate. A mail to such a name
 * starts the isolate wherever its shard lives, where a receptionist lookup would find it only while
 * it runs. Filled once when the node starts, before any isolate; read by every {@link ActorCall}.
 */
public final class ShardedNames implements Extension {
  private static final ExtensionId<ShardedNames> ID = new ExtensionId<>() {
    @Override
    public ShardedNames createExtension(ActorSystem<?> system) {
      return new ShardedNames();
    }
  };

  private final Map<String, RecipientRef<EntityCommand>> entities = new ConcurrentHashMap<>();

  private ShardedNames() {}

  public static ShardedNames get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public void add(String name, RecipientRef<EntityCommand> entity) {
    entities.put(name, entity);
  }

  /** The entity that takes mail for {@code name}, or null: find it with the receptionist. */
  public RecipientRef<EntityCommand> entity(String name) {
    return entities.get(name);
  }
}
