import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { compileDeckFile, type CompileResult } from '../compiler/index.ts';
import { formatProblem, formatWarning, toPublicDeck, type Deck } from '../../protocol/deck.ts';
import { onDeckSaved } from './deck-watch.ts';
import { DECK_JSON_PATH, pageFor } from '../../protocol/routes.ts';

export interface DeckPluginOptions {
  /** The Markdown deck to serve and build. */
  deckFile: string;
}

/** The plugin's name: `handsup dev`'s live server finds it by it. */
export const DECK_PLUGIN_NAME = 'handsup-deck';

/**
 * What the plugin offers other plugins (Vite's plugin `api`): `handsup dev`'s live server
 * hears of every edit that compiled cleanly, from the same compile the pages get, before
 * the pages are told to reload.
 */
export interface DeckPluginApi {
  onDeckCompiled(listener: (deck: Deck) => void): void;
}

/** Every problem of a compile as one `file:line: message` per line. */
function describeProblems(result: CompileResult): string {
  return result.problems.map(formatProblem).join('\n');
}

/**
 * Serves and builds a Markdown deck through the deck compiler: the pages fetch
 * /deck.json (the public deck: no notes, no quiz answers). In dev the deck file is
 * watched; a change reloads the page, and a broken deck shows its `file:line` problems
 * in the terminal and in Vite's error overlay instead of a half-broken deck.
 */
export function handsupDeck(options: DeckPluginOptions): Plugin<DeckPluginApi> {
  const deckFile = resolve(options.deckFile);
  let latest: CompileResult | undefined;
  const listeners: Array<(deck: Deck) => void> = [];

  function compile(): CompileResult {
    latest = compileDeckFile(deckFile);
    return latest;
  }

  function reportToDevServer(server: ViteDevServer, result: CompileResult): void {
    if (result.problems.length === 0) {
      for (const warning of result.warnings) server.config.logger.warn(`handsup: ${formatWarning(warning)}`);
      server.config.logger.info(`handsup: deck ${deckFile} compiled (${result.deck.slides.length} slides)`, {
        timestamp: true,
      });
      server.ws.send({ type: 'full-reload', path: '*' });
      return;
    }
    const first = result.problems[0]!;
    const message = `Deck has ${result.problems.length} problem(s):\n${describeProblems(result)}`;
    server.config.logger.error(`handsup: ${message}`, { timestamp: true });
    server.ws.send({
      type: 'error',
      err: {
        message,
        stack: '',
        id: first.file,
        plugin: DECK_PLUGIN_NAME,
        loc: { file: first.file, line: first.line, column: 1 },
      },
    });
  }

  return {
    name: DECK_PLUGIN_NAME,
    api: { onDeckCompiled: (listener) => void listeners.push(listener) },

    configureServer(server) {
      onDeckSaved(server, deckFile, () => {
        const result = compile();
        // A broken deck keeps the last good one live; the problems go to the terminal and the overlay.
        if (result.problems.length === 0) for (const listener of listeners) listener(result.deck);
        reportToDevServer(server, result);
      });
      const initial = compile();
      if (initial.problems.length > 0) reportToDevServer(server, initial);

      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === DECK_JSON_PATH) {
          const result = latest ?? compile();
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          if (result.problems.length > 0) {
            res.statusCode = 422;
            res.end(JSON.stringify({ problems: result.problems }));
          } else {
            res.end(JSON.stringify(toPublicDeck(result.deck)));
          }
          return;
        }
        const page = pageFor(url.pathname);
        if (page) req.url = `/${page.html}${url.search}`;
        next();
      });
    },

    buildStart() {
      this.addWatchFile(deckFile);
      const result = compile();
      if (result.problems.length > 0) {
        this.error(`Deck has ${result.problems.length} problem(s):\n${describeProblems(result)}`);
      }
    },

    generateBundle() {
      const result = latest ?? compile();
      this.emitFile({
        type: 'asset',
        fileName: DECK_JSON_PATH.slice(1),
        source: JSON.stringify(toPublicDeck(result.deck)),
      });
    },
  };
}
