import type { PrintJoin } from '../../protocol/export.ts';
import { fillJoinSlides } from './join-slide.ts';

function line(className: string, content: string): HTMLElement {
  const node = document.createElement('p');
  node.className = className;
  node.textContent = content;
  return node;
}

/**
 * The join slide in a PDF. With the address the presenter gave (`--url`) it is filled as
 * on the projector: QR code, address and, after a talk, its join code. Without one the
 * PDF cannot know where phones will connect, so the QR code's place says when it appears.
 */
export function fillPrintJoinSlides(root: ParentNode, join: PrintJoin): void {
  if (join.url !== null && join.qrSvg !== null) {
    fillJoinSlides(root, { url: join.url, qrSvg: join.qrSvg, code: join.code ?? '' });
    // Before the talk there is no join code yet: no empty "Join code" heading either.
    if (join.code === null) root.querySelectorAll('.handsup-join-code-label, .handsup-join-code').forEach((node) => node.remove());
    return;
  }
  for (const slide of root.querySelectorAll<HTMLElement>('section.handsup-join')) {
    const panel = document.createElement('div');
    panel.className = 'handsup-join-panel';
    const placeholder = document.createElement('div');
    placeholder.className = 'handsup-join-qr handsup-join-qr--placeholder';
    placeholder.append(line('handsup-join-placeholder', 'The QR code appears when the talk runs'));
    const details = document.createElement('div');
    details.className = 'handsup-join-text';
    details.append(line('handsup-join-step', 'Scan it with your phone’s camera'));
    if (join.code !== null) details.append(line('handsup-join-code-label', 'Join code'), line('handsup-join-code', join.code));
    panel.append(placeholder, details);
    slide.append(panel);
  }
}
