import { toPublicQuestion } from '../../protocol/deck.ts';
import type { AudienceView, DisplayView, PresenterView, QuestionState, Results } from '../../protocol/session.ts';
import { toOwnAnswer, type SessionState } from './session-state.ts';
import { audienceMaySee } from './visibility.ts';

/**
 * What each role is sent: the presenter everything, the projector what is revealed, each
 * phone its current question, its own answers and what it may see of the results.
 */

export function presenterView(session: SessionState, participants: number, now: number): PresenterView {
  return {
    role: 'presenter',
    session: session.info,
    cursor: { ...session.cursor },
    slideIndex: session.currentSlide().index,
    questions: session.allStates(),
    results: collectResults(session, () => true, true),
    participants,
    notes: session.deck.slides.map((slide) => slide.notes),
    deckQuestions: session.deck.questions,
    quiz: session.quiz.board(),
    reactions: session.reactions.all(),
    serverTime: now,
  };
}

export function displayView(session: SessionState, participants: number, now: number): DisplayView {
  return {
    role: 'display',
    session: session.info,
    cursor: { ...session.cursor },
    slideIndex: session.currentSlide().index,
    questions: session.allStates(),
    results: collectResults(session, (state) => displaySees(session, state.questionId), false),
    participants,
    quiz: session.quiz.board(),
    serverTime: now,
  };
}

/**
 * Displays see a question's results once it is revealed, and also while a revealed
 * question compares itself with it: the projector draws both runs side by side.
 */
export function displaySees(session: SessionState, questionId: string): boolean {
  if (session.states.get(questionId)?.revealed) return true;
  return session.deck.questions.some((other) => other.compare === questionId && session.states.get(other.id)?.revealed === true);
}

/**
 * Views for every phone: the shared part (slide, question, results, standings) is
 * computed once, so sending the state to thousands of phones costs one tally, not one per phone.
 */
export function audienceViews(session: SessionState, now: number): (participantId: string) => AudienceView {
  const slide = session.currentSlide();
  const question = session.currentQuestion();
  const state = question ? session.states.get(question.id)! : undefined;
  // A question is only put in front of phones once its slide has opened it.
  const shown = question && state && state.status !== 'pending' ? question : undefined;
  const publicQuestion = shown ? toPublicQuestion(shown) : null;
  const questionState = shown && state ? { ...state } : null;
  const scoreOf = session.quiz.scores(shown, state);
  let results: Results | null | undefined;
  return (participantId) => {
    const ownAnswers = shown ? session.answers.of(shown.id, participantId).map(toOwnAnswer) : [];
    const maySee = shown !== undefined && state !== undefined && audienceMaySee(shown, state, ownAnswers.length > 0);
    if (maySee && results === undefined) results = session.tally(shown.id, false) ?? null;
    return {
      role: 'audience',
      session: session.info,
      slideIndex: slide.index,
      slideTitle: slide.title,
      question: publicQuestion,
      questionState,
      results: maySee ? (results ?? null) : null,
      ownAnswer: ownAnswers.at(-1) ?? null,
      ownAnswers,
      // Only Q&A entries take upvotes: for any other question this is empty.
      ownVotes: shown ? session.votes.entriesVotedBy(shown.id, participantId) : [],
      participantId,
      nickname: session.nicknames.nameOf(participantId),
      score: scoreOf ? scoreOf(participantId) : null,
      serverTime: now,
    };
  };
}

function collectResults(session: SessionState, include: (state: QuestionState) => boolean, forPresenter: boolean): Record<string, Results> {
  const collected: Record<string, Results> = {};
  for (const [questionId, state] of session.states) {
    if (!include(state)) continue;
    const results = session.tally(questionId, forPresenter);
    if (results) collected[questionId] = results;
  }
  return collected;
}
