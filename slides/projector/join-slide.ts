import { JOIN_JSON_PATH } from '../../server/http/pages.ts';

interface JoinInfo {
  code: string;
  url: string;
  qrSvg: string;
}

/** Fills every `.handsup-join` slide with the QR code, the address and the code in large type. */
export async function fillJoinSlides(root: ParentNode): Promise<void> {
  const slides = root.querySelectorAll<HTMLElement>('section.handsup-join');
  if (slides.length === 0) return;
  const response = await fetch(JOIN_JSON_PATH, { cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok) return;
  const join = (await response.json()) as JoinInfo;
  for (const slide of slides) {
    slide.querySelector('.handsup-join-panel')?.remove();
    const panel = document.createElement('div');
    panel.className = 'handsup-join-panel';
    const qr = document.createElement('div');
    qr.className = 'handsup-join-qr';
    // The SVG is made by our own server from the join URL (qrcode library), not by a user.
    qr.innerHTML = join.qrSvg;
    qr.setAttribute('role', 'img');
    qr.setAttribute('aria-label', `QR code for ${join.url}`);
    const text = document.createElement('div');
    text.className = 'handsup-join-text';
    const url = document.createElement('p');
    url.className = 'handsup-join-url';
    url.textContent = join.url;
    const code = document.createElement('p');
    code.className = 'handsup-join-code';
    code.textContent = join.code;
    const codeLabel = document.createElement('p');
    codeLabel.className = 'handsup-join-code-label';
    codeLabel.textContent = 'Join code';
    text.append(url, codeLabel, code);
    panel.append(qr, text);
    slide.append(panel);
  }
}
