import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { ClientLimits } from '../../server/live/client-limits.ts';

/** A clock the test moves by hand. */
function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('client limits', () => {
  it('gives one phone one event budget, however many sockets it opens', () => {
    const time = clock();
    const limits = new ClientLimits({ clock: time.now });
    for (let socket = 0; socket < LIMITS.socketsPerParticipant; socket += 1) {
      expect(limits.admitPhone('phone-1', '10.0.0.1', false)).toBeUndefined();
      limits.connected('phone-1');
    }
    expect(limits.admitPhone('phone-1', '10.0.0.1', false)).toMatchObject({ code: 'rate_limited' });
    // Each socket looks the budget up as it connects: every one of them spends from the same.
    const sockets = Array.from({ length: LIMITS.socketsPerParticipant }, () => limits.eventBudget('phone-1', false));
    let allowed = 0;
    for (let n = 0; n < 1000; n += 1) if (sockets[n % sockets.length]!.spend()) allowed += 1;
    expect(allowed).toBe(LIMITS.eventBurst);
    time.advance(1000);
    for (let n = 0; n < 1000; n += 1) if (sockets[n % sockets.length]!.spend()) allowed += 1;
    expect(allowed).toBe(LIMITS.eventBurst + LIMITS.eventsPerSecond);
    // Another phone has its own budget.
    expect(limits.eventBudget('phone-2', false).spend()).toBe(true);
    limits.disconnected('phone-1');
    expect(limits.admitPhone('phone-1', '10.0.0.1', false)).toBeUndefined();
  });

  it("keeps a connected phone's budget through a sweep: its sockets spend from the same one", () => {
    const time = clock();
    const limits = new ClientLimits({ clock: time.now });
    limits.connected('phone-1');
    const first = limits.eventBudget('phone-1', false);
    // Full again, and swept while the phone is connected: nothing is forgotten.
    time.advance(60_000);
    limits.sweep(() => false);
    const second = limits.eventBudget('phone-1', false);
    let allowed = 0;
    for (let n = 0; n < LIMITS.eventBurst; n += 1) if (first.spend()) allowed += 1;
    expect(allowed).toBe(LIMITS.eventBurst);
    expect(second.hasRoom()).toBe(false);
    expect(second.spend()).toBe(false);
    // Once the phone has left and its budget is full again, the sweep forgets it: a returning phone starts afresh.
    limits.disconnected('phone-1');
    time.advance(60_000);
    limits.sweep(() => false);
    expect(limits.eventBudget('phone-1', false).hasRoom()).toBe(true);
    // A presenter's socket (keyed by socket id) keeps its budget while that socket is connected.
    const presenter = limits.eventBudget('socket-a', true);
    limits.sweep((key) => key === 'socket-a');
    while (presenter.spend());
    expect(limits.eventBudget('socket-a', true).hasRoom()).toBe(false);
  });

  it('lets 1,000 phones behind one NAT join within a minute with the default', () => {
    const time = clock();
    const limits = new ClientLimits({ clock: time.now });
    let waiting = Array.from({ length: 1000 }, (_, n) => `venue-phone-${n}`);
    let seconds = 0;
    // Every phone tries at once; a refused phone tries again a few seconds later (here: every 3 s).
    while (waiting.length > 0 && seconds <= 60) {
      waiting = waiting.filter((id) => limits.admitPhone(id, '203.0.113.7', false) !== undefined);
      time.advance(3000);
      seconds += 3;
    }
    expect(waiting).toEqual([]);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('holds back a client that makes up new phones: a fifth of the minute at once, then the refill', () => {
    const time = clock();
    const limits = new ClientLimits({ clock: time.now, joinsPerMinute: 300 });
    const admitted = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, n) => limits.admitPhone(`${prefix}-${n}`, '198.51.100.9', false)).filter((refusal) => refusal === undefined).length;
    expect(admitted(1000, 'burst')).toBe(60);
    time.advance(10_000);
    expect(admitted(1000, 'later')).toBe(50);
    // Other addresses, phones that come back and known phones are not held back.
    expect(limits.admitPhone('burst-0', '198.51.100.9', false)).toBeUndefined();
    expect(limits.admitPhone('fresh', '192.0.2.1', false)).toBeUndefined();
    expect(limits.admitPhone('answered-before', '198.51.100.9', true)).toBeUndefined();
  });

  it('turns the join limit off with 0', () => {
    const limits = new ClientLimits({ joinsPerMinute: 0 });
    for (let n = 0; n < 5000; n += 1) expect(limits.admitPhone(`any-${n}`, '10.1.1.1', false)).toBeUndefined();
  });
});
