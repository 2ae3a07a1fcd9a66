// isola:actors (runtime/64_actors.js): messages by name between scripts, hosted isolates and Java actors.
const actors = globalThis[Symbol.for("isola.actors")];
export const send = actors.send;
export const ask = actors.ask;
export const register = actors.register;
