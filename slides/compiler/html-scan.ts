/**
 * A small, forgiving scanner for the HTML that marked produces (plus the presenter's own
 * raw HTML). It finds tags and comments with their offsets so the compiler can edit the
 * string in place; it does not build a DOM, because the compiler must run without one.
 */

export interface OpenTagToken {
  kind: 'open';
  /** Lowercase tag name. */
  name: string;
  start: number;
  end: number;
  /** The attribute text as written, between the name and the closing `>` or `/>`. */
  attributes: string;
  /** `<br/>`-style, or a void element such as img: it has no content and no close tag. */
  selfClosing: boolean;
}

export interface CloseTagToken {
  kind: 'close';
  name: string;
  start: number;
  end: number;
}

export interface CommentToken {
  kind: 'comment';
  body: string;
  start: number;
  end: number;
}

export interface TextToken {
  kind: 'text';
  text: string;
  start: number;
  end: number;
}

export type HtmlToken = OpenTagToken | CloseTagToken | CommentToken | TextToken;

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);
/** Their content is text, not markup: a `<` inside a script is not a tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

const TOKEN =
  /<!--([\s\S]*?)-->|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

export function scanHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const pattern = new RegExp(TOKEN.source, 'g');
  let textStart = 0;
  const pushText = (end: number): void => {
    if (end > textStart) tokens.push({ kind: 'text', text: html.slice(textStart, end), start: textStart, end });
  };

  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const start = match.index;
    const end = start + match[0].length;
    pushText(start);
    textStart = end;
    const [, commentBody, closeName, openName, attributes = '', slash] = match;
    if (commentBody !== undefined) {
      tokens.push({ kind: 'comment', body: commentBody, start, end });
    } else if (closeName !== undefined) {
      tokens.push({ kind: 'close', name: closeName.toLowerCase(), start, end });
    } else if (openName !== undefined) {
      const name = openName.toLowerCase();
      const selfClosing = slash === '/' || VOID_ELEMENTS.has(name);
      tokens.push({ kind: 'open', name, start, end, attributes, selfClosing });
      if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
        const closeAt = html.toLowerCase().indexOf(`</${name}`, end);
        const rawEnd = closeAt < 0 ? html.length : closeAt;
        pushText(rawEnd);
        textStart = rawEnd;
        pattern.lastIndex = rawEnd;
      }
    }
  }
  pushText(html.length);
  return tokens;
}
