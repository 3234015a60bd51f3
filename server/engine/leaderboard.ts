import type { LeaderboardEntry, PlayerScore, QuizBoard } from '../../protocol/session.ts';
import type { PlayerTotals } from './quiz-scoring.ts';

const BOARD_SIZE = 5;
const PODIUM_SIZE = 3;

/** A board entry with the phone it belongs to: for the server's own use (the export), never sent. */
export interface RankedPlayer extends LeaderboardEntry {
  participantId: string;
}

/**
 * The players in order: most points first; equal points share a rank (1, 2, 2, 4) and
 * are listed by name so the board does not shuffle between two equal views.
 */
export class Standings {
  private readonly ranked: RankedPlayer[];
  private readonly byParticipant = new Map<string, RankedPlayer>();

  constructor(
    private readonly totals: ReadonlyMap<string, PlayerTotals>,
    nameOf: (participantId: string) => string,
  ) {
    this.ranked = [...totals.values()]
      .map((player) => ({ participantId: player.participantId, name: nameOf(player.participantId), points: player.points, rightAnswers: player.rightAnswers, rank: 0 }))
      .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name) || (a.participantId < b.participantId ? -1 : 1));
    this.ranked.forEach((entry, index) => {
      const previous = this.ranked[index - 1];
      entry.rank = previous && previous.points === entry.points ? previous.rank : index + 1;
      this.byParticipant.set(entry.participantId, entry);
    });
  }

  /** Every player, best first. */
  ranking(): RankedPlayer[] {
    return this.ranked.map((entry) => ({ ...entry }));
  }

  top(count: number): LeaderboardEntry[] {
    return this.ranked.slice(0, count).map(({ rank, name, points, rightAnswers }) => ({ rank, name, points, rightAnswers }));
  }

  /** The board for the presenter and the projector; the podium once every quiz question counts. */
  board(quizzes: number, settled: number): QuizBoard {
    return {
      leaderboard: this.top(BOARD_SIZE),
      podium: quizzes > 0 && settled === quizzes ? this.top(PODIUM_SIZE) : null,
      players: this.ranked.length,
      quizzes,
      settled,
    };
  }

  /** One phone's own score, with how it did on `questionId` when that question counts, and the podium once there is one. */
  playerScore(participantId: string, questionId: string | undefined, questionSettled: boolean, podium: LeaderboardEntry[] | null = null): PlayerScore {
    const entry = this.byParticipant.get(participantId);
    const totals = this.totals.get(participantId);
    const scored = questionId !== undefined ? totals?.byQuestion.get(questionId) : undefined;
    return {
      points: entry?.points ?? 0,
      rank: entry?.rank ?? null,
      players: this.ranked.length,
      streak: totals?.streak ?? 0,
      question:
        questionId !== undefined && questionSettled
          ? { questionId, ...(scored ?? { outcome: 'missed', points: 0, bonus: 0 }) }
          : null,
      podium,
    };
  }
}
