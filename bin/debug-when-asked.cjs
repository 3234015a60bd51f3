'use strict';
// The `debug` package as the compiled server bundles it (see compiled-cli.mjs). Socket.IO and
// Engine.IO call a `debug(...)` logger several times for every packet read and written, and
// the package gathers each call's arguments before it finds logging off: a burst of ten
// thousand answers allocated 109 MB with it, 92 without. The package is loaded when DEBUG asks for logs
// (`DEBUG=socket.io* handsup start`); otherwise every namespace's logger does nothing.
if (process.env.DEBUG) {
  module.exports = require('debug');
} else {
  const silent = () => undefined;
  Object.assign(silent, { enabled: false, namespace: '', log: silent, extend: () => silent, destroy: () => false });
  const createDebug = () => silent;
  // The package's own shape: `require('debug').debug` and `.default` are the factory too (socket.io-adapter uses the former).
  Object.assign(createDebug, { debug: createDebug, default: createDebug, enable: silent, disable: () => '', enabled: () => false, names: [], skips: [], formatters: {} });
  module.exports = createDebug;
}
