import type { Question } from '../../protocol/deck.ts';
import type { QuestionAction } from '../../protocol/events.ts';
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

/** The question type's own part of the panel; choice and scale need none (the chart says it all). */
export function typeSection(question: Question, context: SectionContext): TypeSection | undefined {
  switch (question.type) {
    case 'quiz':
      return new QuizSection(context.clock, question.id === context.lastQuiz, (action) => context.control(question.id, action));
    case 'text':
      return new ModerationQueue(context.actions);
    case 'wordcloud':
      return new WordModeration(context.actions);
    case 'qa':
      return new QaManager(context.actions);
    case 'choice':
    case 'scale':
      return undefined;
  }
}
