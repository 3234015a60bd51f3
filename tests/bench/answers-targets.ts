/**
 * The answers bench's verdicts (issue 14): each target as a ratio (or a difference) of
 * handsup against the bare Socket.IO server measured in the same round, the median over
 * the rounds, and whether it is met.
 */
export interface RoundFigures {
  bare: { answersPerSecond: number; cpuPerAnswerUs: number; ackP99: number; rssMb: number };
  burst: { answersPerSecond: number; cpuPerAnswerUs: number; ackP99: number; presenterP99: number; rssMb: number };
  spread: { presenterP99: number; ackP99: number };
}

export interface Target {
  name: string;
  /** One value per round. */
  values: number[];
  unit: string;
  limit: number;
  atLeast: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function targetsOf(rounds: readonly RoundFigures[], spreadMs: number): Target[] {
  const each = (value: (round: RoundFigures) => number) => rounds.map(value);
  return [
    { name: 'instant burst answers/s, handsup / bare', values: each((r) => r.burst.answersPerSecond / r.bare.answersPerSecond), unit: '×', limit: 0.8, atLeast: true },
    { name: 'server CPU per answer, handsup / bare', values: each((r) => r.burst.cpuPerAnswerUs / r.bare.cpuPerAnswerUs), unit: '×', limit: 1.4, atLeast: false },
    { name: 'answer → presenter p99 minus bare ack p99 (instant burst)', values: each((r) => r.burst.presenterP99 - r.bare.ackP99), unit: ' ms', limit: 250, atLeast: false },
    { name: `answer → presenter p99, answers spread over ${spreadMs} ms`, values: each((r) => r.spread.presenterP99), unit: ' ms', limit: 150, atLeast: false },
    { name: 'server RSS with every phone connected and answered, handsup / bare', values: each((r) => r.burst.rssMb / r.bare.rssMb), unit: '×', limit: 1.25, atLeast: false },
  ];
}

export function verdict(target: Target): { met: boolean; line: string } {
  const value = median(target.values);
  const met = Number.isFinite(value) && (target.atLeast ? value >= target.limit : value <= target.limit);
  const digits = target.unit === '×' ? 2 : 0;
  const show = (n: number) => (Number.isFinite(n) ? `${n.toFixed(digits)}${target.unit}` : 'n/a');
  const rounds = target.values.length > 1 ? ` (rounds: ${target.values.map(show).join(', ')})` : '';
  return {
    met,
    line: `${met ? 'MET    ' : 'NOT MET'} ${target.name}: ${show(value)}${rounds}; target ${target.atLeast ? '≥' : '≤'} ${show(target.limit)}`,
  };
}
