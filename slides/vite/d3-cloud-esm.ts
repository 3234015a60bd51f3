import type { Plugin } from 'vite';

const D3_CLOUD = /[\\/]node_modules[\\/]d3-cloud[\\/]index\.js$/;

/**
 * d3-cloud ships as CommonJS: one `require` and one `module.exports`. Bundled as it is,
 * the bundler adds its CommonJS runtime to the chunk every page shares — the phone page
 * too, which never draws a word cloud and has a 25 KB budget. Its two CommonJS lines,
 * rewritten as an import and an export, make it an ES module like the rest.
 */
export function d3CloudAsEsm(): Plugin {
  return {
    name: 'handsup-d3-cloud-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!D3_CLOUD.test(id)) return null;
      const esm = code
        .replace(/const dispatch = require\("d3-dispatch"\)\.dispatch;/, 'import { dispatch } from "d3-dispatch";')
        .replace(/module\.exports = function\(\) \{/, 'export default function() {');
      if (/\brequire\(|\bmodule\.exports\b/.test(esm)) {
        this.error('d3-cloud changed shape: its CommonJS lines are not the two this plugin rewrites (slides/vite/d3-cloud-esm.ts)');
      }
      return { code: esm, map: null };
    },
  };
}
