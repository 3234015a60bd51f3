import type { Plugin } from 'vite';

const REVEAL_HIGHLIGHT = /[\\/]node_modules[\\/]reveal\.js[\\/]dist[\\/]plugin[\\/]highlight\.mjs$/;
/**
 * reveal.js's bundled plugin builds its highlight.js instance with every language
 * registered: `Q = (… var n = l(); n.registerLanguage("1c", u()), … t.exports = n; …).default;`
 */
const EVERY_LANGUAGE = /\b([\w$]+) = \(\/\* @__PURE__ \*\/ [\w$]+\(\(\/\* @__PURE__ \*\/ [\w$]+\(\(\([\w$]+, ([\w$]+)\) => \{\s*var ([\w$]+) = [\w$]+\(\);\s*\3\.registerLanguage\([\s\S]*?\2\.exports = \3;\s*\}\)\)\)\(\)\)\)\.default;/;

/**
 * reveal.js's highlight plugin (its line numbers and highlight steps) with highlight.js's
 * core in place of the copy it bundles with all ~190 languages (~330 KB gzipped): the
 * projector registers on that same core only the languages the deck uses
 * (slides/projector/code-languages.ts), and the unused language modules are left out of
 * the build. `handsup dev` pre-bundles the plugin as it is (every language), which
 * highlights the same.
 */
export function revealHighlightOnCore(): Plugin {
  return {
    name: 'handsup-reveal-highlight-on-core',
    enforce: 'pre',
    transform(code, id) {
      if (!REVEAL_HIGHLIGHT.test(id)) return null;
      if (!EVERY_LANGUAGE.test(code)) {
        this.error("reveal.js's highlight plugin changed shape: the highlight.js instance it builds is not the one this plugin replaces (slides/vite/highlight-core.ts)");
      }
      const replaced = code.replace(EVERY_LANGUAGE, (_whole, name: string) => `${name} = __handsupHighlightCore;`);
      return { code: `import __handsupHighlightCore from 'highlight.js/lib/core';\n${replaced}`, map: null };
    },
  };
}
