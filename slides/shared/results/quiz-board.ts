import type { LeaderboardEntry, QuizBoard } from '../../../protocol/session.ts';
import { element, plural } from './dom.ts';

const PLACES = ['1st', '2nd', '3rd'];

function points(entry: LeaderboardEntry): string {
  return `${entry.points.toLocaleString('en')} pts`;
}

function leaderboardList(entries: readonly LeaderboardEntry[]): HTMLOListElement {
  const list = element('ol', 'handsup-board-list');
  for (const entry of entries) {
    const item = element('li', `handsup-board-entry handsup-board-entry--${entry.rank}`);
    item.dataset.rank = String(entry.rank);
    item.append(
      element('span', 'handsup-board-rank', String(entry.rank)),
      ' ',
      element('span', 'handsup-board-name', entry.name),
      ' ',
      element('span', 'handsup-board-points', points(entry)),
    );
    list.append(item);
  }
  return list;
}

/**
 * The top three on steps, second – first – third as on a real podium. The order in the
 * document stays first, second, third, so it reads right as text.
 */
function podium(entries: readonly LeaderboardEntry[]): HTMLOListElement {
  const list = element('ol', 'handsup-podium');
  for (const entry of entries.slice(0, 3)) {
    const step = Math.min(entry.rank, 3);
    const item = element('li', `handsup-podium-place handsup-podium-place--${step}`);
    item.dataset.rank = String(entry.rank);
    const stand = element('span', 'handsup-podium-stand');
    stand.append(element('span', 'handsup-podium-rank', PLACES[step - 1]!));
    item.append(
      element('span', 'handsup-podium-name', entry.name),
      ' ',
      element('span', 'handsup-podium-points', points(entry)),
      ' ',
      stand,
    );
    list.append(item);
  }
  return list;
}

export interface QuizBoardOptions {
  /** Show the podium when there is one (after the last quiz question); otherwise the top 5. */
  podium: boolean;
}

/**
 * The quiz standings, in the console, on the projector and in the PDF: the top 5 after a
 * question, or the podium once every quiz question is out. Names are what phones typed:
 * text only.
 */
export function renderQuizBoard(container: HTMLElement, board: QuizBoard, options: QuizBoardOptions): void {
  const showPodium = options.podium && board.podium !== null && board.podium.length > 0;
  container.classList.add('handsup-board');
  container.dataset.board = showPodium ? 'podium' : 'leaderboard';
  const title = element('h4', 'handsup-board-title', showPodium ? 'Quiz podium' : 'Quiz leaderboard');
  const players = plural(board.players, 'player', 'players');
  const note = element(
    'p',
    'handsup-board-note',
    board.podium !== null ? `${players}, all ${board.quizzes} quiz questions` : `${players}, after ${board.settled} of ${board.quizzes} quiz questions`,
  );
  if (board.leaderboard.length === 0) {
    container.replaceChildren(title, element('p', 'handsup-board-empty', 'No points yet'), note);
    return;
  }
  container.replaceChildren(title, showPodium ? podium(board.podium!) : leaderboardList(board.leaderboard), note);
}
