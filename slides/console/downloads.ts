import { PRESENTER_EXPORT_PATHS } from '../../protocol/export.ts';
import { byId } from './dom.ts';

interface Download {
  id: string;
  label: string;
  href: string;
  /** What the busy button says while the server makes it. */
  busy: string;
}

const DOWNLOADS: Download[] = [
  { id: 'results-csv', label: 'Results (CSV)', href: PRESENTER_EXPORT_PATHS.resultsCsv, busy: 'Preparing the CSV…' },
  { id: 'results-json', label: 'Results (JSON)', href: PRESENTER_EXPORT_PATHS.resultsJson, busy: 'Preparing the JSON…' },
  { id: 'pdf', label: 'PDF', href: PRESENTER_EXPORT_PATHS.talkPdf, busy: 'Making the PDF…' },
  { id: 'pdf-notes', label: 'PDF with notes', href: `${PRESENTER_EXPORT_PATHS.talkPdf}?notes`, busy: 'Making the PDF…' },
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
        this.say(message || `The server answered ${response.status} ${response.statusText}.`, true);
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
      this.say(`Downloaded ${save.download}`, false);
      document.body.dataset.download = 'done';
    } catch (error) {
      this.say(`Could not reach the handsup server: ${String(error)}`, true);
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
