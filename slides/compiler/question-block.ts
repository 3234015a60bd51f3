/**
 * Turns one ```poll block into a typed Question, or into problems that point at the deck
 * line of the key to fix. Deck-wide rules (unique ids, compare) are not checked here: a
 * block on its own cannot know them.
 */
import { QUESTION_BLOCKS, QUESTION_TYPES, type Question, type QuestionType } from '../../protocol/question-types.ts';
import type { LineProblem } from './problems.ts';
import { ALL_FIELDS, TEXT_FIELDS, fieldsOf, isQuestionType, listTypes, typesTaking } from './question-fields.ts';
import type { CommonFieldValues, FieldProblem } from './question-types/question-compiler.ts';
import { compilerFor } from './question-types/index.ts';
import { slugify } from './slug.ts';
import type { PollBlockSource } from './split.ts';
import { closestMatch } from './suggest.ts';
import { quote } from './text.ts';
import { parseYamlBlock, type YamlBlock } from './yaml-block.ts';

export interface PollBlockContext {
  /** The slide's first heading: the question text when the block has no `question:`. */
  slideTitle: string;
  slideIndex: number;
}

export interface ParsedPollBlock {
  fenceLine: number;
  /** null when the block has problems that leave no usable question. */
  question: Question | null;
  /** The id the block asks for (explicit or defaulted), even when the block is invalid. */
  claimedId: string | null;
  idWasDefaulted: boolean;
  /** Deck lines of the `id:` and `compare:` keys (the fence line when absent). */
  idLine: number;
  compareLine: number;
  problems: LineProblem[];
}

function describeUnknownField(key: string, type: QuestionType, typeWasGiven: boolean): string {
  const takers = typesTaking(key);
  if (takers.length > 0) {
    const typeHint = !typeWasGiven && takers.length === 1 ? ` (add type: ${takers[0]})` : '';
    return `a ${type} question has no ${key}: — only ${listTypes(takers)} questions take it${typeHint}`;
  }
  const ownField = closestMatch(key, fieldsOf(type));
  if (ownField) return `unknown field ${quote(key)} in poll block — did you mean ${quote(ownField)}?`;
  const otherField = closestMatch(key, ALL_FIELDS);
  if (otherField) {
    return `unknown field ${quote(key)} in poll block — did you mean ${quote(otherField)}? (only ${listTypes(typesTaking(otherField))} questions take it)`;
  }
  return `unknown field ${quote(key)} in poll block — a ${type} question takes: ${fieldsOf(type).join(', ')}`;
}

function describeUnknownFieldOfUnknownType(key: string): string | null {
  if (ALL_FIELDS.includes(key)) return null;
  const suggestion = closestMatch(key, ALL_FIELDS);
  return suggestion
    ? `unknown field ${quote(key)} in poll block — did you mean ${quote(suggestion)}?`
    : `unknown field ${quote(key)} in poll block`;
}

type ParseOutcome<T> = { fields: T | null; problems: LineProblem[] };

/**
 * Runs the type's strict schema. When it complains, the block is parsed again without the
 * keys it complained about (unknown ones, and ones with a bad value), so that the
 * cross-field rules still run on the rest and the presenter sees every problem of the
 * block in one run: a typo in `results:` must not hide a `correct:` that is not an option.
 * When a key the rest depends on was bad (`options:`), the second parse fails too and
 * only the first parse's problems are reported.
 */
function parseFields(
  type: QuestionType,
  record: Record<string, unknown>,
  block: YamlBlock,
  fenceLine: number,
  typeWasGiven: boolean,
): ParseOutcome<CommonFieldValues> {
  const { schema } = compilerFor(type);
  const first = schema.safeParse(record);
  if (first.success) return { fields: first.data, problems: [] };

  const problems: LineProblem[] = [];
  const reportedPaths = new Set<string>();
  const unknownKeys: string[] = [];
  const badKeys = new Set<string>();
  let wholeBlockIssue = false;
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        unknownKeys.push(key);
        problems.push({ line: block.lineOf([key]) ?? fenceLine, message: describeUnknownField(key, type, typeWasGiven) });
      }
      continue;
    }
    // zod can raise two issues for one bad value (wrong type, then too short); one is enough.
    const pathKey = JSON.stringify(issue.path);
    if (reportedPaths.has(pathKey)) continue;
    reportedPaths.add(pathKey);
    problems.push({ line: block.lineOf(issue.path) ?? fenceLine, message: issue.message });
    const key = issue.path[0];
    if (typeof key === 'string') badKeys.add(key);
    else wholeBlockIssue = true;
  }

  if (wholeBlockIssue) return { fields: null, problems };
  const known = Object.fromEntries(Object.entries(record).filter(([key]) => !unknownKeys.includes(key) && !badKeys.has(key)));
  const second = schema.safeParse(known);
  return { fields: second.success ? second.data : null, problems };
}

/** The parts every question type shares, once the type's own fields are valid. */
interface CommonParts {
  id: string;
  question: string;
  slideIndex: number;
  line: number;
}

function buildQuestion(type: QuestionType, fields: CommonFieldValues, common: CommonParts, fieldProblems: FieldProblem[]): Question | null {
  const results = fields.results ?? QUESTION_BLOCKS[type].defaultResults;
  const base = { ...common, results, ...(fields.compare !== undefined ? { compare: fields.compare } : {}) };
  // The schema was picked by `type`, so the fields are that type's module's own.
  const built = compilerFor(type).build(fields, base);
  if (!Array.isArray(built)) return built;
  fieldProblems.push(...built);
  return null;
}

export function parsePollBlock(source: PollBlockSource, context: PollBlockContext): ParsedPollBlock {
  const { fenceLine } = source;
  const result: ParsedPollBlock = {
    fenceLine,
    question: null,
    claimedId: null,
    idWasDefaulted: true,
    idLine: fenceLine,
    compareLine: fenceLine,
    problems: [],
  };
  const { block, problems: yamlProblems } = parseYamlBlock(source.yaml, fenceLine + 1, 'poll block');
  if (!block) return { ...result, problems: yamlProblems };

  const record = block.root === null ? {} : block.toRecord(TEXT_FIELDS);
  if (record === null) {
    result.problems.push({
      line: fenceLine,
      message: 'poll block must be "key: value" lines (YAML), e.g. type: choice',
    });
    return result;
  }
  const lineOf = (field: string): number => block.lineOf([field]) ?? fenceLine;
  result.idLine = lineOf('id');
  result.compareLine = lineOf('compare');
  if (typeof record.id === 'string') {
    result.claimedId = record.id.trim();
    result.idWasDefaulted = false;
  }

  const typeWasGiven = record.type !== undefined;
  const type = typeWasGiven ? record.type : 'choice';
  if (!isQuestionType(type)) {
    result.problems.push({
      line: lineOf('type'),
      message: `unknown question type ${quote(type)} — use one of: ${QUESTION_TYPES.join(', ')}`,
    });
    for (const key of Object.keys(record)) {
      const message = describeUnknownFieldOfUnknownType(key);
      if (message) result.problems.push({ line: lineOf(key), message });
    }
    return result;
  }

  const { fields, problems } = parseFields(type, record, block, fenceLine, typeWasGiven);
  result.problems.push(...problems);
  if (!fields) return result;

  const questionText = fields.question ?? context.slideTitle;
  if (questionText === '') {
    result.problems.push({
      line: fenceLine,
      message: 'question block has no question text — add question: or a heading on the slide',
    });
    return result;
  }
  const id = fields.id ?? slugify(questionText);
  result.claimedId = id;

  const fieldProblems: FieldProblem[] = [];
  const built = buildQuestion(
    type,
    fields,
    { id, question: questionText, slideIndex: context.slideIndex, line: fenceLine },
    fieldProblems,
  );
  for (const problem of fieldProblems) result.problems.push({ line: lineOf(problem.field), message: problem.message });
  // Kept even when unknown keys were reported: the deck is best-effort once it has problems.
  result.question = built;
  return result;
}
