package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;

/** A message a hosted script posted ({@code postMessage(value)}), as JSON, with the isolate's name. */
public record IsolateReply(String isolate, JsonNode message) {}
