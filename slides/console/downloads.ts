import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import { byId } from './dom.ts';
import { strings } from './strings.ts';

interface Download {
  id: string;
  label: string;
  href: string;
  /** What the busy button says while the server makes it. */
  busy: string;
}

const DOWNLOADS: Download[] = [
  { id: 'results-csv', ...strings.downloads.resultsCsv, href: PRESENTER_EXPORT_PATHS.resultsCsv },
  { id: 'results-json', ...strings.downloads.resultsJson, href: PRESENTER_EXPORT_PATHS.resultsJson },
  { id: 'pdf', ...strings.downloads.pdf, href: PRESENTER_EXPORT_PATHS.talkPdf },
  { id: 'pdf-notes', ...strings.downloads.pdfNotes, href: `${PRESENTER_EXPORT_PATHS.talkPdf}?notes` },
];

function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * The session's results and the talk as a PDF, live or after the talk, from the
 * presenter's export routes (the cookie proves who asks). Fetched rather than followed,
 * so the button can say it is busy — a PDF takes a few seconds — and show the server's
 * own words when it says no (one PDF at a time: 429; no browser to print with: 503).
 */
export class Downloads {
  private readonly status = byId('download-status');
  private readonly running = new Set<string>();

  constructor() {
    const list = byId('download-links');
    list.replaceChildren(
      ...DOWNLOADS.map((download) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = 'console-download';
        link.href = download.href;
        link.dataset.download = download.id;
        link.textContent = download.label;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void this.fetch(link, download);
        });
        item.append(link);
        return item;
      }),
    );
  }

  private async fetch(link: HTMLAnchorElement, download: Download): Promise<void> {
    // A second click on a busy link waits for the first; the other downloads stay free.
    if (this.running.has(download.id)) return;
    this.running.add(download.id);
    link.setAttribute('aria-busy', 'true');
    link.classList.add('is-busy');
    link.textContent = download.busy;
    document.body.dataset.download = 'busy';
    this.say('', false);
    try {
      const response = await fetch(download.href, { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok) {
        const message = (await response.text().catch(() => '')).trim();
        this.say(message || strings.downloads.serverAnswered(response.status, response.statusText), true);
        document.body.dataset.download = String(response.status);
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const save = document.createElement('a');
      save.href = url;
      save.download = filenameOf(response, download.href.split('/').pop() ?? 'download');
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.say(strings.downloads.downloaded(save.download), false);
      document.body.dataset.download = 'done';
    } catch (error) {
      this.say(strings.downloads.unreachable(String(error)), true);
      document.body.dataset.download = 'failed';
    } finally {
      this.running.delete(download.id);
      if (this.running.size === 0 && document.body.dataset.download === 'busy') delete document.body.dataset.download;
      link.removeAttribute('aria-busy');
      link.classList.remove('is-busy');
      link.textContent = download.label;
    }
  }

  private say(message: string, problem: boolean): void {
    this.status.textContent = message;
    this.status.classList.toggle('is-problem', problem);
    this.status.hidden = message === '';
  }
}
