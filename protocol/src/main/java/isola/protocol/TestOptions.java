package isola.protocol;

/**
 * Present in an {@link IsolateSpec} when the isolate runs a test module for {@code isola test}: the
 * name filter (a substring, or {@code /regex/}), the shuffle seed (null: declaration order), and how
 * many more failures the run allows before it stops ({@code --fail-fast}; null: no limit).
 */
public record TestOptions(String filter, Long shuffleSeed, Integer failFast) implements CborSerializable {}
