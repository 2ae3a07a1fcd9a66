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

  /**
   * Temporal's toLocaleString as V8 formats it (GraalJS returns the ISO string): the value's fields
   * through a DateTimeFormat, with the type's fields as defaults when the options name none. Plain
   * values format as wall-clock fields (in UTC), a ZonedDateTime in its own zone with the zone's short
   * name, an Instant in the default zone. V8's refusals are kept: ISO-calendar year-months and
   * month-days ("Mismatched calendars."), a date style for a time, a time zone for a ZonedDateTime.
   */
  function localizeTemporal(Temporal) {
    const FIELDS = ["weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute", "second",
      "fractionalSecondDigits", "dateStyle", "timeStyle"];
    const DATE_FIELDS = ["weekday", "era", "year", "month", "day", "dateStyle"];
    const TIME_FIELDS = ["dayPeriod", "hour", "minute", "second", "fractionalSecondDigits", "timeStyle"];
    const DATE = { year: "numeric", month: "numeric", day: "numeric" };
    const TIME = { hour: "numeric", minute: "numeric", second: "numeric" };
    const DATE_TIME = { ...DATE, ...TIME };
    const utcMs = (year, month, day, hour = 0, minute = 0, second = 0, ms = 0) => {
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      date.setUTCHours(hour, minute, second, ms);
      return date.getTime();
    };
    const kinds = {
      PlainDate: { defaults: DATE, refuse: "timeStyle", needs: DATE_FIELDS, ms: (v) => utcMs(v.year, v.month, v.day) },
      PlainDateTime: {
        defaults: DATE_TIME,
        ms: (v) => utcMs(v.year, v.month, v.day, v.hour, v.minute, v.second, v.millisecond),
      },
      PlainTime: {
        defaults: TIME, refuse: "dateStyle", needs: TIME_FIELDS, noCalendar: true,
        ms: (v) => utcMs(1970, 1, 1, v.hour, v.minute, v.second, v.millisecond),
      },
      PlainYearMonth: { refuse: "timeStyle", mismatched: true },
      PlainMonthDay: { refuse: "timeStyle", mismatched: true },
      ZonedDateTime: { defaults: { ...DATE_TIME, timeZoneName: "short" }, zoned: true, ms: (v) => v.epochMilliseconds },
      Instant: { defaults: DATE_TIME, instant: true, ms: (v) => v.epochMilliseconds },
    };
    for (const name of Object.keys(kinds)) {
      const cls = Temporal[name];
      if (typeof cls !== "function") continue;
      const kind = kinds[name];
      const native = cls.prototype.toLocaleString;
      const { toLocaleString } = {
        toLocaleString() {
          const locales = arguments[0];
          const given = arguments[1];
          if (given === null) {
            throw new TypeError(`Temporal.${name}.prototype.toLocaleString called on null or undefined`);
          }
          // The brand check and other calendars: GraalJS's own.
          const calendar = kind.instant || kind.noCalendar ? "iso8601" : this?.calendarId;
          if (!(this instanceof cls) || calendar !== "iso8601") return native.call(this, locales, given);
          const options = given === undefined ? {} : Object(given);
          if (kind.refuse !== undefined && options[kind.refuse] !== undefined) {
            throw new TypeError(`Invalid option : ${kind.refuse}`);
          }
          if (kind.mismatched) throw new RangeError("Mismatched calendars.");
          if (kind.zoned && options.timeZone !== undefined) {
            throw new TypeError(`Invalid time zone specified: ${this.timeZoneId}`);
          }
          const named = FIELDS.some((field) => options[field] !== undefined);
          if (named && kind.needs !== undefined && !kind.needs.some((field) => options[field] !== undefined)) {
            throw new TypeError(`Invalid argument for Temporal [object Temporal.${name}]`);
          }
          const resolved = { ...options, ...(named ? {} : kind.defaults) };
          // V8 pads a Temporal value's hour ("2-digit") only on a 24-hour clock: 8:05 AM in English,
          // 08:05 in British English.
          if (resolved.hour === "2-digit") {
            const { hourCycle } = new Intl.DateTimeFormat(locales, {
              hour: "numeric", hour12: resolved.hour12, hourCycle: resolved.hourCycle,
            }).resolvedOptions();
            if (hourCycle === "h11" || hourCycle === "h12") resolved.hour = "numeric";
          }
          if (kind.zoned) resolved.timeZone = this.timeZoneId;
          else if (!kind.instant) resolved.timeZone = "UTC";
          return new Intl.DateTimeFormat(locales, resolved).format(kind.ms(this));
        },
      };
      Object.defineProperty(cls.prototype, "toLocaleString", method(toLocaleString));
    }
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
  if (globalThis.Temporal !== undefined) localizeTemporal(globalThis.Temporal);
  Object.defineProperty(Date.prototype, "toString", method(toString));
  Object.defineProperty(Date.prototype, "toTimeString", method(toTimeString));
  Object.defineProperty(Intl.DateTimeFormat.prototype, "resolvedOptions", method(resolvedOptions));
})
