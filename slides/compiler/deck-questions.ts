/**
 * Rules across all the questions of a deck: ids are unique, and `compare:` names an
 * earlier question of the same kind. Blocks are added in reading order.
 */
import type { Question } from '../../protocol/deck.ts';
import type { LineProblem } from './problems.ts';
import type { ParsedPollBlock } from './question-block.ts';
import { closestMatch } from './suggest.ts';
import { quote } from './text.ts';

interface ClaimedId {
  order: number;
  line: number;
  /** null when the block had problems of its own. */
  question: Question | null;
}

function sameOptions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((option, index) => option === b[index]);
}

/** Why `question` cannot be shown beside `earlier`, or null when it can. */
function compareMismatch(question: Question, earlier: Question): string | null {
  const target = quote(earlier.id);
  if (earlier.type !== question.type) {
    return `compare: ${target} is a ${earlier.type} question but this is a ${question.type} question — compare questions of the same type`;
  }
  if ('options' in question && 'options' in earlier) {
    if (!sameOptions(question.options, earlier.options)) {
      return `compare: ${target} has different options — a before/after pair needs the same options in the same order`;
    }
  }
  if ('min' in question && 'min' in earlier) {
    if (question.min !== earlier.min || question.max !== earlier.max) {
      return `compare: ${target} uses a different scale (${earlier.min} to ${earlier.max}) — use the same min and max`;
    }
  }
  return null;
}

export class DeckQuestions {
  /** Valid, uniquely named questions in reading order: Deck.questions. */
  readonly questions: Question[] = [];
  readonly problems: LineProblem[] = [];
  private readonly claimed = new Map<string, ClaimedId>();
  private readonly comparing: { question: Question; order: number; line: number }[] = [];
  private order = 0;

  /** Returns true when the block's question joins the deck. */
  add(block: ParsedPollBlock): boolean {
    const order = this.order++;
    const id = block.claimedId;
    if (id === null) return false;
    const line = block.idWasDefaulted ? block.fenceLine : block.idLine;
    const first = this.claimed.get(id);
    if (first) {
      this.problems.push({
        line,
        message: `duplicate question id ${quote(id)} (first used on line ${first.line}) — give this question its own id:`,
      });
      return false;
    }
    this.claimed.set(id, { order, line, question: block.question });
    if (!block.question) return false;
    this.questions.push(block.question);
    if (block.question.compare !== undefined) {
      this.comparing.push({ question: block.question, order, line: block.compareLine });
    }
    return true;
  }

  /** Run once every block is in: `compare:` may name a question that only comes later. */
  checkComparisons(): void {
    for (const { question, order, line } of this.comparing) {
      const targetId = question.compare ?? '';
      const target = this.claimed.get(targetId);
      if (!target) {
        const suggestion = closestMatch(targetId, [...this.claimed.keys()]);
        this.problems.push({
          line,
          message: `compare: no question has id ${quote(targetId)}${suggestion ? ` — did you mean ${quote(suggestion)}?` : ''}`,
        });
      } else if (target.order === order) {
        this.problems.push({ line, message: 'compare: a question cannot be compared with itself — name an earlier question' });
      } else if (target.order > order) {
        this.problems.push({
          line,
          message: `compare: ${quote(targetId)} comes later in the deck (line ${target.line}) — compare with an earlier question`,
        });
      } else if (target.question) {
        const mismatch = compareMismatch(question, target.question);
        if (mismatch) this.problems.push({ line, message: mismatch });
      }
      // A target with problems of its own is already reported; saying more would mislead.
    }
  }
}
