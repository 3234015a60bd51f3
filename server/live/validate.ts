import type { z } from 'zod';
import { failure, type Failure } from '../../protocol/errors.ts';

/** Parses an inbound payload; the failure names the field and what is wrong with it. */
export function validate<S extends z.ZodType>(schema: S, payload: unknown): { ok: true; data: z.output<S> } | Failure {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return failure('bad_request', `${where}${issue?.message ?? 'invalid payload'}`);
}
