import type { z } from 'zod';
import type { Question, QuestionCommon, ResultsVisibility } from '../../../protocol/question-types.ts';

/** A problem with one field of a poll block, found by a rule that reads more than one field. */
export interface FieldProblem {
  /** The YAML field the presenter should look at. */
  field: string;
  message: string;
}

/** What a poll block's fields hold whatever its type (each type's schema adds its own). */
export interface CommonFieldValues {
  id?: string | undefined;
  question?: string | undefined;
  results?: ResultsVisibility | undefined;
  compare?: string | undefined;
}

/** The parts every question has, once the block's own fields are valid. */
export type QuestionBase = QuestionCommon;

/**
 * What the deck compiler knows about one question type: its poll block's schema, how
 * the checked fields become the question, and what stands on the slide for it.
 */
export interface QuestionCompiler<Q extends Question = Question, F extends CommonFieldValues = CommonFieldValues> {
  /** A strict zod object: the common fields, `type`, and the type's own (protocol QUESTION_FIELDS). */
  schema: z.ZodType<F>;
  /** The question, or what is wrong across its fields (min < max, correct is an option). */
  build(fields: F, base: QuestionBase): Q | FieldProblem[];
  /** The static HTML under the question's heading on the slide (the projector fills in live results). */
  html(question: Q): string;
}
