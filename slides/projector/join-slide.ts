import type { JoinInfo } from './join-info.ts';

function text(tag: 'p' | 'span', className: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = content;
  return node;
}

/** Fills every `.handsup-join` slide with the QR code, the address and the code in large type. */
export function fillJoinSlides(root: ParentNode, join: JoinInfo): void {
  for (const slide of root.querySelectorAll<HTMLElement>('section.handsup-join')) {
    slide.querySelector('.handsup-join-panel')?.remove();
    const panel = document.createElement('div');
    panel.className = 'handsup-join-panel';
    const qr = document.createElement('div');
    qr.className = 'handsup-join-qr';
    // The SVG is made by our own server from the join URL (qrcode library), not by a user.
    qr.innerHTML = join.qrSvg;
    qr.setAttribute('role', 'img');
    qr.setAttribute('aria-label', `QR code for ${join.url}`);
    const details = document.createElement('div');
    details.className = 'handsup-join-text';
    details.append(
      text('p', 'handsup-join-step', 'Scan the code, or open'),
      text('p', 'handsup-join-url', join.url.replace(/^https?:\/\//, '')),
      text('p', 'handsup-join-code-label', 'Join code'),
      text('p', 'handsup-join-code', join.code),
      text('p', 'handsup-join-count', ''),
    );
    panel.append(qr, details);
    slide.append(panel);
  }
}

/** The join slides' live count of phones in the room, as the projector's view says it. */
export function showJoinCount(root: ParentNode, phones: number): void {
  for (const count of root.querySelectorAll<HTMLElement>('.handsup-join-count')) {
    count.textContent = phones === 1 ? '1 phone joined' : `${phones.toLocaleString('en')} phones joined`;
    count.dataset.phones = String(phones);
  }
}
