import { byId } from './dom.ts';
import { strings } from './strings.ts';

interface TimerState {
  /** Epoch ms the talk started, shifted forward by every pause; null before the start. */
  startedAt: number | null;
  /** Epoch ms of the pause in progress, or null while running. */
  pausedAt: number | null;
}

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Elapsed time and the time of day. The timer starts by itself when the talk first
 * leaves its first slide (or with Start), pauses and resets; it is kept per session in
 * this browser, so a reload of the console does not lose it.
 */
export class TalkTimer {
  private state: TimerState = { startedAt: null, pausedAt: null };
  private storageKey: string | undefined;

  constructor(private readonly now: () => number = Date.now) {
    byId('timer-toggle').addEventListener('click', () => this.toggle());
    byId('timer-reset').addEventListener('click', () => this.reset());
    setInterval(() => this.draw(), 500);
    this.draw();
  }

  /** Picks up this session's saved timer; starts it if the talk is already under way. */
  useSession(sessionId: string, talkStarted: boolean): void {
    if (this.storageKey === undefined) {
      this.storageKey = `handsup:timer:${sessionId}`;
      const saved = this.load();
      if (saved) this.state = saved;
    }
    if (talkStarted && this.state.startedAt === null) this.start();
    this.draw();
  }

  private toggle(): void {
    const { startedAt, pausedAt } = this.state;
    if (startedAt === null) this.start();
    else if (pausedAt === null) this.state = { startedAt, pausedAt: this.now() };
    else this.state = { startedAt: startedAt + (this.now() - pausedAt), pausedAt: null };
    this.saveAndDraw();
  }

  private start(): void {
    this.state = { startedAt: this.now(), pausedAt: null };
    this.saveAndDraw();
  }

  private reset(): void {
    const now = this.now();
    // A reset while paused stays paused at zero; a running timer starts again from zero.
    this.state = { startedAt: now, pausedAt: this.state.pausedAt === null ? null : now };
    this.saveAndDraw();
  }

  private elapsed(): number {
    const { startedAt, pausedAt } = this.state;
    return startedAt === null ? 0 : (pausedAt ?? this.now()) - startedAt;
  }

  private draw(): void {
    const elapsed = byId('elapsed');
    elapsed.textContent = formatElapsed(this.elapsed());
    const running = this.state.startedAt !== null && this.state.pausedAt === null;
    elapsed.dataset.state = this.state.startedAt === null ? 'idle' : running ? 'running' : 'paused';
    byId('timer-toggle').textContent = this.state.startedAt === null ? strings.timer.start : running ? strings.timer.pause : strings.timer.resume;
    byId('clock').textContent = new Date(this.now()).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  private saveAndDraw(): void {
    if (this.storageKey) {
      try {
        localStorage.setItem(this.storageKey, JSON.stringify(this.state));
      } catch {
        // Private mode or a full storage: the timer still runs, it just will not survive a reload.
      }
    }
    this.draw();
  }

  private load(): TimerState | undefined {
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey!) ?? 'null') as TimerState | null;
      if (saved && (saved.startedAt === null || typeof saved.startedAt === 'number')) return saved;
    } catch {
      // Unreadable: start afresh.
    }
    return undefined;
  }
}
