// Dates and time zones as V8 shows them: Date's toString and toTimeString name the zone in full
// ("Eastern Standard Time", "Coordinated Universal Time") where GraalJS gives an abbreviation; the UTC
// zone is "UTC" under all its aliases (the usual /etc/localtime is Etc/UTC; TZ=UTC reaches GraalJS as
// GMT); and formatted dates and times use plain spaces where GraalJS's newer CLDR data has U+202F
// before AM/PM and U+2009 around range dashes (V8 keeps ASCII spaces there). Zones are named by ICU's
// canonical ids, as V8 names them ("Asia/Calcutta" for Asia/Kolkata).
(function (binding, internal) {
  "use strict";
  const UTC_ALIASES = new Set([
    "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT",
    "Etc/GMT0", "GMT0", "Etc/Greenwich", "Greenwich", "Etc/GMT+0", "Etc/GMT-0", "GMT+0", "GMT-0",
  ]);
  const nativeResolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;
  const nativeToString = Date.prototype.toString;
  const nativeToTimeString = Date.prototype.toTimeString;
  let zoneNames = null;
  let defaultIsUtc = null;

  function withLongZoneName(date, text) {
    const open = text.lastIndexOf(" (");
    if (open < 0 || !text.endsWith(")")) return text;
    zoneNames ??= new Intl.DateTimeFormat("en-US", { timeZoneName: "long" });
    defaultIsUtc ??= UTC_ALIASES.has(nativeResolvedOptions.call(zoneNames).timeZone);
    if (defaultIsUtc) return `${text.slice(0, open)} (Coordinated Universal Time)`;
    const part = zoneNames.formatToParts(date).find((p) => p.type === "timeZoneName");
    return part === undefined ? text : `${text.slice(0, open)} (${part.value})`;
  }

  const { toString, toTimeString, resolvedOptions } = {
    toString() {
      return withLongZoneName(this, nativeToString.call(this));
    },
    toTimeString() {
      return withLongZoneName(this, nativeToTimeString.call(this));
    },
    resolvedOptions() {
      const options = nativeResolvedOptions.call(this);
      options.timeZone = UTC_ALIASES.has(options.timeZone) ? "UTC" : binding.op_canonical_time_zone(options.timeZone);
      return options;
    },
  };
  const CLDR_SPACES = /[\u202f\u2009]/g;
  const plain = (text) => (typeof text === "string" ? text.replace(CLDR_SPACES, " ") : text);
  const plainParts = (parts) => {
    for (const part of parts) part.value = plain(part.value);
    return parts;
  };

  const dtf = Intl.DateTimeFormat.prototype;
  const nativeFormat = Object.getOwnPropertyDescriptor(dtf, "format").get;
  const nativeFormatToParts = dtf.formatToParts;
  const nativeFormatRange = dtf.formatRange;
  const nativeFormatRangeToParts = dtf.formatRangeToParts;
  const boundFormats = new WeakMap();
  const wrappers = {
    // As the spec's bound format function: one per formatter, with no name and length 1.
    get format() {
      const bound = nativeFormat.call(this);
      let f = boundFormats.get(this);
      if (f === undefined) {
        f = (0, (date) => plain(bound(date)));
        Object.defineProperty(f, "name", { value: "" });
        boundFormats.set(this, f);
      }
      return f;
    },
    formatToParts(date) {
      return plainParts(nativeFormatToParts.call(this, date));
    },
    formatRange(startDate, endDate) {
      return plain(nativeFormatRange.call(this, startDate, endDate));
    },
    formatRangeToParts(startDate, endDate) {
      return plainParts(nativeFormatRangeToParts.call(this, startDate, endDate));
    },
  };
  Object.defineProperty(dtf, "format", {
    get: Object.getOwnPropertyDescriptor(wrappers, "format").get, enumerable: false, configurable: true,
  });
  const dateLocale = {};
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) {
    const native = Date.prototype[name];
    dateLocale[name] = {
      [name](locales = undefined, options = undefined) {
        return plain(native.call(this, locales, options));
      },
    }[name];
  }

  const method = (value) => ({ value, writable: true, enumerable: false, configurable: true });
  for (const name of ["formatToParts", "formatRange", "formatRangeToParts"]) {
    Object.defineProperty(dtf, name, method(wrappers[name]));
  }
  for (const name of Object.keys(dateLocale)) Object.defineProperty(Date.prototype, name, method(dateLocale[name]));
  const now = globalThis.Temporal?.Now;
  if (now !== undefined) {
    const nativeZoneId = now.timeZoneId;
    const { timeZoneId } = {
      timeZoneId() {
        const id = nativeZoneId.call(this);
        return UTC_ALIASES.has(id) ? "UTC" : id;
      },
    };
    Object.defineProperty(now, "timeZoneId", method(timeZoneId));
  }
  Object.defineProperty(Date.prototype, "toString", method(toString));
  Object.defineProperty(Date.prototype, "toTimeString", method(toTimeString));
  Object.defineProperty(Intl.DateTimeFormat.prototype, "resolvedOptions", method(resolvedOptions));
})
