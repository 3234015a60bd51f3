import type { QuestionState } from '../../../protocol/session.ts';
import type { ServerClock } from '../server-clock.ts';
import { setText } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** The ring's circumference in its own units (r = 45): the dash that shrinks as time runs out. */
const RING = 2 * Math.PI * 45;
/** The last seconds are shown as urgent (colour only: no flashing, for everyone's sake). */
const URGENT_MS = 5000;

function ring(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 100');
  svg.setAttribute('class', 'handsup-countdown-ring');
  svg.setAttribute('aria-hidden', 'true');
  for (const name of ['track', 'left']) {
    const circle = document.createElementNS(SVG, 'circle');
    circle.setAttribute('class', `handsup-countdown-${name}`);
    circle.setAttribute('cx', '50');
    circle.setAttribute('cy', '50');
    circle.setAttribute('r', '45');
    if (name === 'left') circle.setAttribute('stroke-dasharray', String(RING));
    svg.append(circle);
  }
  return svg;
}

/**
 * A quiz question's countdown: the seconds left in large type inside a ring that empties.
 * The console and the projector both use it, each with the server's clock, so they count
 * down together with the phones. It ticks only while the question is open. During the
 * read phase it counts down to the moment answers open (data-phase="read", a full ring
 * in its own colour), then the answering time.
 */
export class Countdown {
  readonly element: HTMLElement;
  private readonly value: HTMLElement;
  private readonly label: HTMLElement;
  private readonly left: SVGCircleElement;
  private timer: ReturnType<typeof setInterval> | undefined;
  private state: QuestionState | undefined;
  private totalMs = 0;

  constructor(private readonly clock: ServerClock) {
    this.element = document.createElement('div');
    this.element.className = 'handsup-countdown';
    this.element.setAttribute('role', 'timer');
    const svg = ring();
    this.left = svg.querySelector<SVGCircleElement>('.handsup-countdown-left')!;
    const face = document.createElement('div');
    face.className = 'handsup-countdown-face';
    this.value = document.createElement('span');
    this.value.className = 'handsup-countdown-value';
    this.label = document.createElement('span');
    this.label.className = 'handsup-countdown-label';
    face.append(this.value, ' ', this.label);
    this.element.append(svg, face);
    this.element.hidden = true;
  }

  /** The question's latest state and its time limit in seconds. */
  show(state: QuestionState | undefined, timeSeconds: number): void {
    this.state = state;
    this.totalMs = timeSeconds * 1000;
    this.draw();
    const running = this.clock.remaining(state) !== undefined;
    if (running && !this.timer) this.timer = setInterval(() => this.draw(), 200);
    if (!running) this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private draw(): void {
    const remaining = this.clock.remaining(this.state);
    const status = this.state?.status ?? 'pending';
    this.element.dataset.status = status;
    // Before the slide opens it the question waits; once closed, the results take over.
    this.element.hidden = status !== 'open' || remaining === undefined;
    if (remaining === undefined) return;
    const reading = this.clock.untilAnswers(this.state) ?? 0;
    this.element.dataset.phase = reading > 0 ? 'read' : 'answer';
    if (reading > 0) {
      const wait = Math.ceil(reading / 1000);
      setText(this.value, String(wait));
      setText(this.label, 'to read');
      this.element.dataset.urgent = 'false';
      this.left.setAttribute('stroke-dashoffset', '0');
      return;
    }
    const seconds = Math.ceil(remaining / 1000);
    setText(this.value, String(seconds));
    setText(this.label, seconds === 0 ? 'time is up' : seconds === 1 ? 'second left' : 'seconds left');
    this.element.dataset.urgent = String(remaining <= URGENT_MS);
    // Time the presenter added can make more than the question's own time: the ring stays full until it is used.
    const fraction = this.totalMs > 0 ? Math.min(1, remaining / this.totalMs) : 0;
    this.left.setAttribute('stroke-dashoffset', (RING * (1 - fraction)).toFixed(1));
    if (remaining === 0) this.stop();
  }
}
