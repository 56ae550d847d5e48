/**
 * The search page: reads the state from the URL, asks Pagefind, and renders results and filters.
 * Every value from the index is put on the page as text, never as HTML.
 */
import { formatDate, isCalendarDate } from '../lib/dates.ts';
import {
  SEARCH_FILTERS,
  isActive,
  parseState,
  phraseFirst,
  phraseQuery,
  stateToSearch,
  type SearchFilter,
  type SearchState,
} from '../lib/search-state.ts';
import { paragraphMatches, queryTerms } from '../lib/sub-results.ts';
import type { FilterCounts, Pagefind, ResultData, SearchOptions } from './pagefind-api.ts';

const PAGE_SIZE = 10;

const FILTER_LABELS: Record<SearchFilter, string> = {
  speaker: 'Speaker',
  organisation: 'Organisation',
  type: 'Type',
  year: 'Year',
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Puts a Pagefind excerpt on the page as text with its <mark>s. The excerpt is parsed into an
 * inert template and only text and <mark> survive, whatever the indexed text contained.
 */
export function renderExcerpt(target: HTMLElement, excerpt: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeName === 'MARK') target.append(element('mark', {}, node.textContent ?? ''));
    else target.append(document.createTextNode(node.textContent ?? ''));
  }
}

function optionsFor(state: SearchState): SearchOptions {
  const filters: NonNullable<SearchOptions['filters']> = {};
  for (const filter of SEARCH_FILTERS) {
    if (state.filters[filter].length > 0) filters[filter] = { any: state.filters[filter] };
  }
  const options: SearchOptions = { filters };
  if (state.sort !== 'relevance') options.sort = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  return options;
}

function renderParagraphs(data: ResultData, query: string): HTMLUListElement | undefined {
  const matches = paragraphMatches(data.anchors ?? [], data.locations ?? [], queryTerms(query));
  if (matches.length === 0) return undefined;
  const list = element('ul', { class: 'sub-results' });
  for (const match of matches) {
    const link = element('a', { href: `${data.url}#${match.id}` });
    link.append(element('span', { class: 'paragraph-number' }, `¶ ${match.number}`), ' ');
    for (const part of match.excerpt) {
      link.append(part.mark ? element('mark', {}, part.text) : document.createTextNode(part.text));
    }
    const item = element('li');
    item.append(link);
    list.append(item);
  }
  return list;
}

function renderResult(data: ResultData, query: string): HTMLLIElement {
  const item = element('li', { class: 'result' });
  const heading = element('h2');
  heading.append(element('a', { href: data.url }, data.meta['title'] ?? data.url));
  item.append(heading);
  const facts = element('p', { class: 'result-meta' });
  const date = data.meta['date'];
  if (date && isCalendarDate(date)) facts.append(element('time', { datetime: date }, formatDate(date)));
  for (const key of ['speaker', 'venue']) {
    const value = data.meta[key];
    if (value) facts.append(element('span', {}, value));
  }
  item.append(facts);
  const excerpt = element('p', { class: 'excerpt' });
  renderExcerpt(excerpt, data.excerpt);
  item.append(excerpt);
  const paragraphs = query.trim() ? renderParagraphs(data, query) : undefined;
  if (paragraphs) item.append(paragraphs);
  return item;
}

async function loadPagefind(bundle: string, baseUrl: string) {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl, excerptLength: 40 });
  await pagefind.init();
  return { pagefind, totals: await pagefind.filters() };
}

/** Starts the search page inside `root`, which holds the form and the empty result areas. */
export async function startSearch(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const filterArea = root.querySelector<HTMLElement>('[data-filters]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.hidden = false;

  // Listeners go on before Pagefind has loaded, so nothing typed meanwhile is lost.
  const ready = loadPagefind(root.dataset['bundle']!, root.dataset['base'] ?? '/');

  let state = parseState(location.search);
  let run = 0;
  let pending: (() => Promise<void>) | undefined;

  function renderFilters(totals: FilterCounts, counts: FilterCounts): void {
    filterArea.replaceChildren();
    for (const filter of SEARCH_FILTERS) {
      const values = Object.keys(totals[filter] ?? {}).sort((a, b) =>
        filter === 'year' ? b.localeCompare(a) : a.localeCompare(b),
      );
      if (values.length === 0) continue;
      const group = element('fieldset', { class: 'filter' });
      group.append(element('legend', {}, FILTER_LABELS[filter]));
      const options = element('ul');
      values.forEach((value, i) => {
        const id = `filter-${filter}-${i}`;
        const option = element('li');
        const box = element('input', { type: 'checkbox', id, name: filter, value });
        box.checked = state.filters[filter].includes(value);
        const count = counts[filter]?.[value] ?? 0;
        const label = element('label', { for: id }, value);
        label.append(element('span', { class: 'count' }, ` (${count})`));
        option.append(box, label);
        options.append(option);
      });
      group.append(options);
      filterArea.append(group);
    }
  }

  async function update(push: boolean): Promise<void> {
    const search = stateToSearch(state);
    if (search !== location.search) {
      const url = `${location.pathname}${search}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    const current = ++run;
    const { pagefind, totals } = await ready;
    if (current !== run) return;
    if (!isActive(state)) {
      list.replaceChildren();
      more.hidden = true;
      renderFilters(totals, totals);
      status.textContent = 'Type words to search the text of every release, or choose a filter.';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    const options = optionsFor(state);
    const phrase = state.sort === 'relevance' ? phraseQuery(state.query) : undefined;
    const [response, phraseResponse] = await Promise.all([
      pagefind.search(state.query.trim() || null, options),
      phrase ? pagefind.search(phrase, options) : undefined,
    ]);
    if (current !== run) return;
    const results = phraseResponse ? phraseFirst(phraseResponse.results, response.results) : response.results;
    const total = results.length;
    let shown = 0;
    // The first batch replaces the old results only once it is ready, so typing never flickers.
    const showMore = async (first: boolean) => {
      const batch = results.slice(shown, shown + PAGE_SIZE);
      const items = (await Promise.all(batch.map((result) => result.data()))).map((data) => renderResult(data, state.query));
      if (current !== run) return;
      if (first) list.replaceChildren(...items);
      else list.append(...items);
      shown += batch.length;
      more.hidden = shown >= total;
      if (!first) items[0]?.querySelector('a')?.focus();
    };
    pending = () => showMore(false);
    await showMore(true);
    if (current !== run) return;
    list.removeAttribute('aria-busy');
    renderFilters(totals, response.filters);
    // Announced once the results are on the page, so the count and the list agree.
    const what = state.query.trim() ? ` for “${state.query.trim()}”` : '';
    status.textContent =
      total === 0 ? `No releases found${what}.` : `${total} ${total === 1 ? 'release' : 'releases'} found${what}.`;
  }

  function readForm(): void {
    state.query = input.value;
    state.sort = sort.value === 'newest' || sort.value === 'oldest' ? sort.value : 'relevance';
    for (const filter of SEARCH_FILTERS) {
      state.filters[filter] = Array.from(
        filterArea.querySelectorAll<HTMLInputElement>(`input[name="${filter}"]:checked`),
        (box) => box.value,
      );
    }
  }

  function showState(): void {
    input.value = state.query;
    sort.value = state.sort;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    readForm();
    void update(true);
  });
  input.addEventListener('input', () => {
    readForm();
    void update(false);
  });
  sort.addEventListener('change', () => {
    readForm();
    void update(true);
  });
  filterArea.addEventListener('change', () => {
    readForm();
    void update(true);
  });
  more.addEventListener('click', () => void pending?.());
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    showState();
    void update(false);
  });

  showState();
  await update(false);
}
