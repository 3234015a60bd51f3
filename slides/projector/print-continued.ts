/**
 * The PDF is the whole record: a question slide whose answers, words or audience
 * questions do not all fit on its page keeps what fits, and the rest follows on pages of
 * its own right after it ("Slide 15, answers continued: 2 of 5"), set for reading on
 * paper (smaller type, two or four to a row) rather than for the back of a room. Runs
 * once reveal.js laid the pages out and the fonts loaded, so every measurement is real.
 */

/** The lists that may run past their slide, and what their items are called. */
const LISTS = [
  { selector: '.handsup-live-results ul.handsup-texts', noun: 'answers' },
  { selector: '.handsup-live-results ol.handsup-qa', noun: 'questions' },
  { selector: '.handsup-live-results ol.handsup-words', noun: 'words' },
] as const;

/** Room left under the last line of a page, in CSS pixels of the page. */
const BOTTOM_MARGIN = 24;

interface LongList {
  list: HTMLElement;
  noun: string;
}

function longListOf(section: HTMLElement): LongList | undefined {
  for (const { selector, noun } of LISTS) {
    const list = section.querySelector<HTMLElement>(selector);
    if (list) return { list, noun };
  }
  return undefined;
}

function fitsOnPage(page: HTMLElement, section: HTMLElement): boolean {
  return section.scrollHeight <= page.clientHeight - BOTTOM_MARGIN;
}

/**
 * The most of items (in order, from the first) that list can hold with the page still
 * fitting, found by halving: a page's worth of layout per try, not one per item. At least
 * one item stays, so a page always moves the list on.
 */
function keepWhatFits(list: HTMLElement, items: HTMLElement[], fits: () => boolean, atLeast: number): number {
  const show = (count: number) => list.replaceChildren(...items.slice(0, count));
  show(items.length);
  if (fits()) return items.length;
  let low = atLeast;
  let high = items.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    show(middle);
    if (fits()) low = middle;
    else high = middle - 1;
  }
  show(low);
  return low;
}

/** reveal.js centres a slide on its page; after its content changed, centre it again. */
function centre(page: HTMLElement, section: HTMLElement): void {
  section.style.top = `${Math.max((page.clientHeight - section.scrollHeight) / 2, 0)}px`;
}

function part<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A page like reveal.js's own (size, background, where the slide sits), for the rest of a list. */
function continuationPage(slidePage: HTMLElement, slide: HTMLElement, long: LongList): { page: HTMLElement; section: HTMLElement; list: HTMLElement; title: HTMLElement } {
  const page = part('div', 'pdf-page handsup-continued-page');
  page.style.height = slidePage.style.height;
  page.style.background = slidePage.style.background;
  const section = part('section', 'handsup-continued');
  section.style.left = slide.style.left;
  section.style.width = slide.style.width;
  section.style.top = '0px';
  const title = part('h3', 'handsup-continued-title');
  const question = slide.querySelector('.handsup-question-text')?.textContent?.trim() || slide.querySelector('h1, h2')?.textContent?.trim() || '';
  const results = part('div', 'handsup-results handsup-continued-results');
  results.dataset.type = long.list.closest<HTMLElement>('[data-type]')?.dataset.type ?? '';
  const list = part(long.list.tagName.toLowerCase() as 'ul' | 'ol', long.list.className);
  results.append(list);
  section.append(title, ...(question ? [part('p', 'handsup-continued-question', question)] : []), results);
  page.append(section);
  return { page, section, list, title };
}

/**
 * Splits one slide's long list: what fits stays on the slide's page(s) (every fragment
 * step's page shows the same), the rest goes on new pages after the last of them.
 * Returns the pages added.
 */
function continueSlide(slidePages: HTMLElement[], slideNumber: number): HTMLElement[] {
  const sections = slidePages.map((page) => page.querySelector<HTMLElement>('section[data-handsup-slide]')!);
  const longs = sections.map(longListOf);
  const first = longs[0];
  if (!first || longs.some((long) => !long)) return [];
  const items = [...first.list.children] as HTMLElement[];
  const lastPage = slidePages.at(-1)!;
  if (sections.every((section, index) => fitsOnPage(slidePages[index]!, section))) return [];

  // Room for the line that says where the rest is, measured with the list.
  const notes = longs.map((long) => {
    const note = part('p', 'handsup-results-more handsup-continued-note', `continued on the next pages: ${items.length} more ${first.noun}`);
    long!.list.after(note);
    return note;
  });
  const kept = keepWhatFits(first.list, items, () => fitsOnPage(slidePages[0]!, sections[0]!), 0);
  const rest = items.slice(kept);
  if (rest.length === 0) {
    // The list was not what made the slide too tall: it stays whole, fitted like any tall slide.
    notes.forEach((note) => note.remove());
    return [];
  }
  longs.forEach((long, index) => {
    // Fragment steps are copies of the same page: they keep the same items.
    while (index > 0 && long!.list.children.length > kept) long!.list.lastElementChild!.remove();
    centre(slidePages[index]!, sections[index]!);
  });

  const added: HTMLElement[] = [];
  let after: Element = lastPage;
  let start = kept;
  while (start < items.length) {
    const next = continuationPage(lastPage, sections.at(-1)!, first);
    after.after(next.page);
    after = next.page;
    next.title.textContent = `Slide ${slideNumber}, ${first.noun} continued: 99 of 99`;
    const taken = keepWhatFits(next.list, items.slice(start), () => fitsOnPage(next.page, next.section), 1);
    start += taken;
    added.push(next.page);
  }
  for (const note of notes) note.textContent = `continued on the next ${added.length > 1 ? 'pages' : 'page'}: ${rest.length} more ${first.noun}`;
  const total = added.length + 1;
  added.forEach((page, index) => (page.querySelector('.handsup-continued-title')!.textContent = `Slide ${slideNumber}, ${first.noun} continued: ${index + 2} of ${total}`));
  return added;
}

/** Adds the continuation pages of every slide that needs them; returns how many were added. */
export function addContinuationPages(slidesRoot: HTMLElement): number {
  const bySlide = new Map<string, HTMLElement[]>();
  for (const page of slidesRoot.querySelectorAll<HTMLElement>(':scope > .pdf-page')) {
    const index = page.querySelector<HTMLElement>('section[data-handsup-slide]')?.dataset.handsupSlide;
    if (index === undefined) continue;
    bySlide.set(index, [...(bySlide.get(index) ?? []), page]);
  }
  let added = 0;
  for (const [index, pages] of bySlide) added += continueSlide(pages, Number(index) + 1).length;
  return added;
}
