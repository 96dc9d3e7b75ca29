// The transpiler's Global runs only TypeScript, which the deadline checks in es2015.js need not watch.
Object.defineProperty(this, '__chk', { value: function __chk() {}, writable: false, configurable: true });
