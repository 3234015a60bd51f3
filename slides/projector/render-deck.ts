import type { PublicDeck } from '../../protocol/deck.ts';

type PublicSlide = PublicDeck['slides'][number];

function slideSection(slide: PublicSlide): HTMLElement {
  const section = document.createElement('section');
  // The slide's HTML is the presenter's own Markdown, compiled; it is trusted like any deck source.
  section.innerHTML = slide.html;
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (name === 'class') section.classList.add(...value.split(/\s+/).filter(Boolean));
    else section.setAttribute(name, value);
  }
  section.dataset.handsupSlide = String(slide.index);
  return section;
}

/**
 * Lays the deck out the way reveal.js expects: one <section> per column, and nested
 * <section>s when a column has vertical slides.
 */
export function renderDeck(deck: PublicDeck, slidesContainer: HTMLElement): void {
  const columns = new Map<number, PublicSlide[]>();
  for (const slide of deck.slides) {
    const column = columns.get(slide.position.h) ?? [];
    column.push(slide);
    columns.set(slide.position.h, column);
  }
  const sections = [...columns.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, column]) => {
      if (column.length === 1) return slideSection(column[0]!);
      const stack = document.createElement('section');
      for (const slide of column.sort((a, b) => a.position.v - b.position.v)) stack.append(slideSection(slide));
      return stack;
    });
  slidesContainer.replaceChildren(...sections);
  document.title = deck.title;
}
