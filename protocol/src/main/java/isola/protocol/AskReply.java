package isola.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer to an {@link EntityCommand.Ask}: the script's posted value, or why there is none. */
public record AskReply(JsonNode value, String error) implements CborSerializable {}
