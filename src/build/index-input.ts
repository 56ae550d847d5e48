/**
 * The page Pagefind reads for a release, made from the archive's model rather than read back from
 * the built site: what the release page gives Pagefind and nothing else. Its language (`<html
 * lang>`, by which Pagefind keeps one index per language), its metadata (`data-pagefind-meta`),
 * filters and sort key, and its text (`data-pagefind-body`): the notes, then the body with each
 * figure's alt text, caption and credit, each attachment's and video's title where the page shows
 * them, in Pagefind's own attributes. `src/pagefind/index-text.ts` then parts its dashes and marks
 * its paragraphs.
 *
 * Made from the model, the index needs nothing of Astro's output: it is built beside the pages
 * (`search-index.ts`), and a part of it whose releases did not change is kept whole.
 */
import { monthOf, precisionOf, yearOf } from '../model/dates.ts';
import { splitAtMedia, type MediaItem } from '../model/media.ts';
import { typeLabel, type ReleaseData } from '../model/schema.ts';
import { escapeHtml } from '../model/text.ts';

/** What the index input of one release is made from. */
export interface IndexedRelease {
  /** Its frontmatter, names in their canonical forms. */
  data: ReleaseData;
  /** Its body's HTML, with a placeholder for each of `media` (`RenderedBody.html`). */
  html: string;
  /** Its notes as HTML (`RenderedBody.notes`). */
  notes?: string | undefined;
  media: readonly MediaItem[];
}

/** A media item as the index reads it: the texts the page shows of it. */
function mediaText(item: MediaItem): string {
  switch (item.kind) {
    case 'figure': {
      const img = item.alt ? `<img alt="${escapeHtml(item.alt)}" data-pagefind-index-attrs="alt">` : '<img alt="">';
      const caption = [item.caption, item.credit].filter(Boolean).map((text) => escapeHtml(text!));
      return `<figure>${img}${caption.length > 0 ? `<figcaption>${caption.join(' ')}</figcaption>` : ''}</figure>`;
    }
    case 'attachment':
    case 'video':
      return `<div>${escapeHtml(item.title)}</div>`;
  }
}

/** The element of a piece of metadata or a filter, with its value as its text. */
function tagged(attributes: string, value: string | undefined): string {
  return value === undefined ? '' : `<span ${attributes}>${escapeHtml(value)}</span>`;
}

/**
 * The HTML Pagefind reads for one release, before `indexableHtml`, in the index of `language`
 * (Pagefind keeps one per `<html lang>`).
 */
export function indexInput({ data, html, notes, media }: IndexedRelease, language: string): string {
  const { title, speaker, organisation, venue, date, type } = data;
  const precision = precisionOf(date);
  const month = monthOf(date);
  // As the release page marks its date: a release dated 2015 is in the year 2015 only.
  const dateFilters = [
    'year[data-year]',
    precision !== 'year' && 'month[data-month]',
    precision === 'day' && 'day[datetime]',
  ]
    .filter(Boolean)
    .join(', ');
  const time = `<time datetime="${date}" data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]" data-pagefind-filter="${dateFilters}" data-year="${yearOf(date)}"${month ? ` data-month="${month}"` : ''}></time>`;
  const body = splitAtMedia(html)
    .map((part) => (typeof part === 'string' ? part : mediaText(media[part]!)))
    .join('');
  return [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    tagged('data-pagefind-filter="type"', typeLabel(type)),
    tagged('data-pagefind-filter="organisation"', organisation),
    tagged('data-pagefind-meta="title"', title),
    tagged('data-pagefind-filter="speaker" data-pagefind-meta="speaker"', speaker),
    time,
    tagged('data-pagefind-meta="venue" data-pagefind-filter="venue"', venue),
    `<div data-pagefind-body>${notes ? `<div>${notes}</div>` : ''}${body}</div>`,
    '</body></html>',
  ].join('');
}
