import { formatProblem, type DeckProblem } from '../../protocol/deck.ts';

/**
 * Shows why the deck cannot be presented, as text, in place of the deck. In dev it also
 * raises Vite's error overlay so the problem is where the author is looking.
 */
export function showDeckProblems(message: string, problems: DeckProblem[]): void {
  const panel = document.getElementById('deck-problems');
  if (!panel) return;
  const heading = document.createElement('h1');
  heading.textContent = message;
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = formatProblem(problem);
    list.append(item);
  }
  panel.replaceChildren(heading, list);
  panel.hidden = false;

  if (import.meta.env.DEV && problems.length > 0) {
    const ErrorOverlay = customElements.get('vite-error-overlay');
    if (ErrorOverlay) {
      const first = problems[0]!;
      const overlay = new ErrorOverlay({
        message: problems.map(formatProblem).join('\n'),
        stack: '',
        id: first.file,
        plugin: 'handsup-deck',
        loc: { file: first.file, line: first.line, column: 1 },
      });
      document.body.append(overlay);
    }
  }
}
