// navigator, as Deno prints it: the user agent, the processor count the JVM sees, and the language
// from the environment's locale (LC_ALL, LC_MESSAGES, LANG) as a BCP 47 tag.
(function (binding, internal) {
  "use strict";
  const { webidl, ops } = internal;

  const illegal = Symbol("isola.illegalConstructor");
  const brand = Symbol("isola.navigator");
  let language;

  function check(self) {
    webidl.assertBranded(self, brand);
  }

  class NavigatorUAData {
    #own = internal.ownShape(this);
    #platform;
    constructor(key = undefined, platform = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      this.#platform = platform;
    }
    get brands() { return [{ brand: "Deno", version: internal.denoVersion.split(".")[0] }]; }
    get mobile() { return false; }
    get platform() { return this.#platform; }
  }
  webidl.configureInterface(NavigatorUAData);
  internal.defineInspect(NavigatorUAData, (d) => ({ brands: d.brands, mobile: d.mobile, platform: d.platform }));

  class Navigator {
    constructor(key = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      Object.defineProperty(this, brand, { value: true });
    }
    get hardwareConcurrency() {
      check(this);
      return ops.op_navigator_hardware_concurrency();
    }
    get userAgent() {
      check(this);
      return `Deno/${internal.denoVersion}`;
    }
    get language() {
      check(this);
      return (language ??= ops.op_navigator_language());
    }
    get languages() {
      check(this);
      return [this.language];
    }
    get platform() {
      check(this);
      return "Linux x86_64";
    }
    get userAgentData() {
      check(this);
      return new NavigatorUAData(illegal, "Linux");
    }
    get locks() {
      check(this);
      return internal.locks.locks;
    }
  }
  webidl.configureInterface(Navigator);
  internal.defineInspect(Navigator, (n) => ({
    hardwareConcurrency: n.hardwareConcurrency, userAgent: n.userAgent, language: n.language,
    languages: n.languages, platform: n.platform, userAgentData: n.userAgentData,
  }));
  // Deno's Navigator has no @@toStringTag: String(navigator) is "[object Object]".
  delete Navigator.prototype[Symbol.toStringTag];

  internal.navigator = { navigator: new Navigator(illegal), Navigator, NavigatorUAData };
})
