import { describe, expect, it } from 'vitest';
import { PHONE_RENDERERS } from '../../audience/question-types/index.ts';
import { PHONE_RESULTS } from '../../audience/results-shapes.ts';
import { QUESTION_BLOCKS, QUESTION_TYPE_FACTS, QUESTION_TYPES, RESULTS_SHAPES } from '../../protocol/question-types.ts';
import { ENGINE_RULES, moduleFor } from '../../server/engine/question-types/index.ts';
import { TYPE_SUMMARIES } from '../../server/export/type-summaries.ts';
import { COMMON_FIELDS } from '../../slides/compiler/question-fields.ts';
import { QUESTION_COMPILERS } from '../../slides/compiler/question-types/index.ts';
import { CONSOLE_SECTIONS } from '../../slides/console/type-sections.ts';
import { RESULTS_RENDERERS } from '../../slides/shared/results/render-results.ts';
import type { Question } from '../../protocol/deck.ts';

const sorted = (keys: Iterable<string>) => [...keys].sort();

/**
 * Every question type is known to every layer: the registries are typed to be complete,
 * and this checks what the types cannot (an extra key, a registry typed too loosely, a
 * descriptor that says one thing while a module does another).
 */
describe('question-type registries', () => {
  const byType = {
    'protocol descriptor (facts)': QUESTION_TYPE_FACTS,
    'protocol descriptor (poll blocks)': QUESTION_BLOCKS,
    'deck compiler (slides/compiler/question-types)': QUESTION_COMPILERS,
    'engine (server/engine/question-types)': ENGINE_RULES,
    'phone (audience/question-types)': PHONE_RENDERERS,
  };
  for (const [name, registry] of Object.entries(byType)) {
    it(`${name} has exactly one entry per question type`, () => {
      expect(sorted(Object.keys(registry))).toEqual(sorted(QUESTION_TYPES));
    });
  }

  const byShape = {
    'shared results renderer (slides/shared/results)': RESULTS_RENDERERS,
    'console section (slides/console)': CONSOLE_SECTIONS,
    'export summary (server/export)': TYPE_SUMMARIES,
    'phone results view (audience)': PHONE_RESULTS,
  };
  for (const [name, registry] of Object.entries(byShape)) {
    it(`${name} has one entry per results shape, so every type reaches one through its descriptor`, () => {
      expect(sorted(Object.keys(registry))).toEqual(sorted(RESULTS_SHAPES));
      for (const type of QUESTION_TYPES) expect(Object.keys(registry), type).toContain(QUESTION_TYPE_FACTS[type].results);
    });
  }

  it("each compiler schema takes exactly the common fields and the descriptor's fields for its type", () => {
    for (const type of QUESTION_TYPES) {
      const shape = (QUESTION_COMPILERS[type].schema as unknown as { shape: Record<string, unknown> }).shape;
      expect(sorted(Object.keys(shape)), type).toEqual(sorted([...COMMON_FIELDS, ...QUESTION_BLOCKS[type].fields]));
    }
  });

  it('the engine runs each type with the answer mode its descriptor states, and moderates exactly the moderated types', () => {
    for (const type of QUESTION_TYPES) {
      const module = moduleFor({ type } as Question);
      expect(module.type, type).toBe(type);
      expect(module.answerMode, type).toBe(QUESTION_TYPE_FACTS[type].answerMode);
      expect(module.entryOf !== undefined, type).toBe(QUESTION_TYPE_FACTS[type].moderated === true);
    }
  });
});
