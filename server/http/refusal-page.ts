import type { RefusalReason } from '../auth/presenter-gate.ts';

/**
 * The page a browser gets instead of the presenter console (or a driving projector) when
 * it has no valid key: what happened and where the right address is. It carries no
 * notes, no results and nothing about the talk.
 */

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7;
    font: 18px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2430; }
  main { max-width: 38rem; margin: 1.5rem; padding: 2rem 2.25rem; background: #fff; border-radius: 12px;
    box-shadow: 0 2px 10px rgb(0 0 0 / 8%); border-top: 6px solid #c2410c; }
  h1 { margin: 0 0 .75rem; font-size: 1.6rem; line-height: 1.25; }
  code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef1f5; padding: .1em .35em; border-radius: 4px; }
  pre { background: #1c2430; color: #e8edf3; padding: .8rem 1rem; border-radius: 8px; overflow-x: auto; font-size: .85rem; }
  .aside { color: #4a5565; font-size: .95rem; }
`;

const HEADINGS: Record<RefusalReason, string> = {
  'no-key': 'The presenter console needs the presenter key',
  'wrong-key': 'This presenter key is not the right one',
  'too-many-keys': 'Too many wrong presenter keys',
};

const FIRST_LINES: Record<RefusalReason, string> = {
  'no-key': 'This browser has not been given the presenter key yet, or its presenter cookie has expired.',
  'wrong-key':
    'The key in the address does not match this server’s key. The key changes when the server runs with another data folder or another <code>HANDSUP_PRESENTER_KEY</code>.',
  'too-many-keys':
    'This address sent too many wrong keys, so the server takes no key from it for a moment (ten tries, then one every few seconds). Wait, then open the right address once.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface RefusalDetails {
  /** How the browser reached this server (`host:port`), so the hint names the real address. */
  origin: string;
  retryAfterSeconds?: number;
}

export function refusalPageHtml(reason: RefusalReason, details: RefusalDetails): string {
  const wait = details.retryAfterSeconds === undefined ? '' : `<p><strong>Try again in ${details.retryAfterSeconds} s.</strong></p>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>handsup — presenter key needed</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${HEADINGS[reason]}</h1>
<p>${FIRST_LINES[reason]}</p>
${wait}<p>Open the presenter address that <code>handsup start</code> printed in its terminal, on the line that starts with <strong>Presenter:</strong></p>
<pre>  Presenter:  ${escapeHtml(details.origin)}/presenter?key=…</pre>
<p>This browser then keeps the key in a cookie and removes it from the address bar, so you can reload the console at any time.</p>
<p class="aside">The projector (<code>/</code>) and the audience’s join page (<code>/join</code>) need no key.</p>
</main>
</body>
</html>
`;
}

/**
 * After a key exchange started from another site (a link in a chat or a mail), a redirect
 * would arrive without the SameSite=Strict cookie; a navigation made by this page does not.
 */
export function continuePageHtml(target: string): string {
  const href = JSON.stringify(target);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>handsup</title></head>
<body>
<p><a href=${href}>Continue to handsup</a></p>
<script>location.replace(${href});</script>
</body>
</html>
`;
}
