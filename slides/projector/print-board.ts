import type { QuizBoard } from '../../protocol/session.ts';

function part<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The quiz's final standings for the PDF: the podium (top 3) once every quiz question was
 * played, otherwise the leaderboard so far. Names are what phones typed: text only.
 */
export function quizBoardPanel(board: QuizBoard): HTMLElement {
  const complete = board.podium !== null;
  const entries = board.podium ?? board.leaderboard;
  const panel = part('aside', 'handsup-print-board');
  panel.append(part('h4', 'handsup-print-board-title', complete ? 'Quiz podium' : 'Quiz leaderboard'));
  const list = part('ol', 'handsup-print-board-list');
  for (const entry of entries) {
    const item = part('li', `handsup-print-board-entry handsup-print-board-entry--${entry.rank}`);
    item.append(
      part('span', 'handsup-print-board-rank', String(entry.rank)),
      part('span', 'handsup-print-board-name', entry.name),
      part('span', 'handsup-print-board-points', `${entry.points.toLocaleString('en')} pts`),
    );
    list.append(item);
  }
  const players = `${board.players} ${board.players === 1 ? 'player' : 'players'}`;
  const played = complete ? players : `${players}, after ${board.settled} of ${board.quizzes} quiz questions`;
  panel.append(list, part('p', 'handsup-print-board-note', played));
  return panel;
}
