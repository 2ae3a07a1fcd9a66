// FormData (https://xhr.spec.whatwg.org/#interface-formdata): an ordered list of (name, value) entries
// whose values are strings or Files; a Blob value becomes a File named "blob" or the given filename.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap } = internal.webSlot;
  const { isBlob, isFile, fileFromBlob } = internal.blob;

  // USVString conversion: lone surrogates become U+FFFD.
  function usv(v) {
    const s = String(v);
    return typeof s.toWellFormed === "function" ? s.toWellFormed() : s;
  }

  function requireArgs(method, n, count) {
    if (count < n) {
      throw new TypeError(`Failed to execute '${method}' on 'FormData': ${n} argument${n > 1 ? "s" : ""} required, but only ${count} present`);
    }
  }

  function createEntry(name, value, filename, hasFilename) {
    name = usv(name);
    if (!isBlob(value)) return { name, value: usv(value) };
    if (isFile(value) && !hasFilename) return { name, value };
    return { name, value: fileFromBlob(value, hasFilename ? usv(filename) : isFile(value) ? value.name : "blob") };
  }

  class FormData {
    constructor(form = undefined) {
      if (form !== undefined) throw internal.webSlot.illegalConstructor();
      attach(this, { kind: "FormData", entries: [] });
    }
    append(name, value, filename = undefined) {
      const r = unwrap(this, "FormData");
      requireArgs("append", 2, arguments.length);
      r.entries.push(createEntry(name, value, filename, arguments.length > 2));
    }
    delete(name) {
      const r = unwrap(this, "FormData");
      requireArgs("delete", 1, arguments.length);
      name = usv(name);
      r.entries = r.entries.filter((e) => e.name !== name);
    }
    get(name) {
      const r = unwrap(this, "FormData");
      requireArgs("get", 1, arguments.length);
      name = usv(name);
      const e = r.entries.find((x) => x.name === name);
      return e === undefined ? null : e.value;
    }
    getAll(name) {
      const r = unwrap(this, "FormData");
      requireArgs("getAll", 1, arguments.length);
      name = usv(name);
      return r.entries.filter((x) => x.name === name).map((x) => x.value);
    }
    has(name) {
      const r = unwrap(this, "FormData");
      requireArgs("has", 1, arguments.length);
      name = usv(name);
      return r.entries.some((x) => x.name === name);
    }
    set(name, value, filename = undefined) {
      const r = unwrap(this, "FormData");
      requireArgs("set", 2, arguments.length);
      const entry = createEntry(name, value, filename, arguments.length > 2);
      const i = r.entries.findIndex((x) => x.name === entry.name);
      if (i < 0) {
        r.entries.push(entry);
      } else {
        r.entries[i] = entry;
        r.entries = r.entries.filter((x, j) => j <= i || x.name !== entry.name);
      }
    }
    forEach(callback, thisArg = undefined) {
      const r = unwrap(this, "FormData");
      if (typeof callback !== "function") {
        const received = callback === null ? "null" : typeof callback;
        throw new TypeError(`The "callback" argument must be of type function. Received ${received}`);
      }
      for (let i = 0; i < r.entries.length; i++) {
        const e = r.entries[i];
        callback.call(thisArg, e.value, e.name, this);
      }
    }
    entries() { return makeIterator(unwrap(this, "FormData"), "key+value"); }
    keys() { return makeIterator(unwrap(this, "FormData"), "key"); }
    values() { return makeIterator(unwrap(this, "FormData"), "value"); }
  }
  Object.defineProperty(FormData.prototype, Symbol.iterator, {
    value: FormData.prototype.entries, writable: true, configurable: true,
  });
  Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: "FormData", configurable: true });

  // WebIDL pair iterator: live over the entry list, so entries appended mid-iteration are seen.
  const iteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  Object.defineProperties(iteratorPrototype, {
    next: {
      value: function next() {
        const it = unwrap(this, "FormDataIterator");
        const list = it.target.entries;
        if (it.index >= list.length) return { value: undefined, done: true };
        const e = list[it.index++];
        const value = it.iterKind === "key" ? e.name : it.iterKind === "value" ? e.value : [e.name, e.value];
        return { value, done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: "FormData Iterator", configurable: true },
  });
  function makeIterator(target, kind) {
    const it = Object.create(iteratorPrototype);
    attach(it, { kind: "FormDataIterator", target, index: 0, iterKind: kind });
    return it;
  }

  // Deno shows the entries as a plain object (the last value of a name wins) after the class's name,
  // so that object's own width decides its line breaks, without the name's.
  Object.defineProperty(FormData.prototype, Symbol.for("Deno.privateCustomInspect"), {
    value: function (inspect, options) {
      const entries = internal.webSlot.isKind(this, "FormData") ? unwrap(this, "FormData").entries : [];
      return `FormData ${inspect(Object.fromEntries(entries.map((e) => [e.name, e.value])), options)}`;
    },
  });

  internal.formData = { FormData };
  internal.webApis = Object.assign(internal.webApis ?? {}, { FormData });
})
