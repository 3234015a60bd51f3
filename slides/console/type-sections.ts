import type { Question } from '../../protocol/deck.ts';
import type { QuestionAction } from '../../protocol/events.ts';
import { shapeOf } from '../../protocol/question-results.ts';
import type { ResultsShape } from '../../protocol/question-types.ts';
import type { ServerClock } from '../shared/server-clock.ts';
import type { EntryActions } from './entry-actions.ts';
import { ModerationQueue } from './moderation-queue.ts';
import { QaManager } from './qa-manager.ts';
import { QuizSection } from './quiz-section.ts';
import type { TypeSection } from './type-section.ts';
import { WordModeration } from './word-moderation.ts';

export interface SectionContext {
  actions: EntryActions;
  clock: ServerClock;
  /** The deck's last quiz question's id. */
  lastQuiz: string | undefined;
  /** Sends a question command (the quiz's +10 s and End now). */
  control: (questionId: string, action: QuestionAction) => Promise<void>;
}

type SectionFactory = (question: Question, context: SectionContext) => TypeSection | undefined;

const none: SectionFactory = () => undefined;

/**
 * The console's own part of the panel for each results shape (a type reaches it through
 * its descriptor): the quiz's countdown and standings, the moderation queues, the Q&A
 * list. Tallies and scales need none (the chart says it all).
 */
export const CONSOLE_SECTIONS = {
  tally: none,
  'graded-tally': (question, context) =>
    new QuizSection(context.clock, question.id === context.lastQuiz, (action) => context.control(question.id, action)),
  average: none,
  words: (_question, context) => new WordModeration(context.actions),
  answers: (_question, context) => new ModerationQueue(context.actions),
  questions: (_question, context) => new QaManager(context.actions),
} satisfies Record<ResultsShape, SectionFactory>;

/** The question type's own part of the panel, if it has one. */
export function typeSection(question: Question, context: SectionContext): TypeSection | undefined {
  return CONSOLE_SECTIONS[shapeOf(question.type)](question, context);
}
