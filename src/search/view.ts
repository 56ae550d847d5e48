/**
 * The search page on the page: reads the state from the address and the form, asks the
 * controller (`controller.ts`), and puts its outcome on the page: results, filters, status.
 * Every value from the index is put on the page as text, never as HTML.
 */
import { formatReleaseDate, isCalendarDate, isReleaseDate } from '../model/dates.ts';
import type { FilterCounts, ResultData, SearchResult } from '../pagefind/api.ts';
import { IndexMissing, openIndex } from '../pagefind/browser.ts';
import { unparted } from '../pagefind/index-text.ts';
import { countOf } from '../pagefind/parts.ts';
import { SearchController, type MissingWord } from './controller.ts';
import { highlightUrl } from './highlight-url.ts';
import { arrowKeys } from './result-keys.ts';
import {
  RESULTS_STEP,
  SEARCH_FILTERS,
  isActive,
  parseState,
  searchedQuery,
  type SearchFilter,
  stateToSearch,
} from './state.ts';
import { paragraphMatches, queryTerms } from './sub-results.ts';

/**
 * Of a search's first ten results, those fetched and shown at once; the rest are fetched once the
 * reader comes within `NEAR_SCREENS` screens of them (or at once, when they would show anyway).
 * A result is its release's stored text, 5 to 10 KB: a phone's first screen shows two or three.
 */
const FIRST_RESULTS = 5;
const NEAR_SCREENS = 1.5;
/** Keys closer together than this are one stretch of typing. */
const TYPING_GAP_MS = 180;
/** How long typing must pause before its words are searched. */
const PAUSE_MS = 160;

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
 * Puts a Pagefind excerpt on the page as text with its <mark>s, spaced as the release is. The
 * excerpt is parsed into an inert template and only text and <mark> survive, whatever the
 * indexed text contained.
 */
export function renderExcerpt(target: HTMLElement, excerpt: string): void {
  const template = document.createElement('template');
  template.innerHTML = unparted(excerpt);
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeName === 'MARK') target.append(element('mark', {}, node.textContent ?? ''));
    else target.append(document.createTextNode(node.textContent ?? ''));
  }
}

function renderParagraphs(data: ResultData, query: string): HTMLUListElement | undefined {
  const matches = paragraphMatches(data.content, data.anchors, data.locations, queryTerms(query));
  if (matches.length === 0) return undefined;
  const list = element('ul', { class: 'sub-results' });
  for (const match of matches) {
    const link = element('a', { href: highlightUrl(data.url, query, match.id) });
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
  heading.append(element('a', { href: highlightUrl(data.url, query) }, data.meta['title'] ?? data.url));
  item.append(heading);
  const facts = element('p', { class: 'result-meta' });
  const date = data.meta['date'];
  if (date && isReleaseDate(date)) facts.append(element('time', { datetime: date }, formatReleaseDate(date)));
  for (const key of ['speaker', 'venue']) {
    const value = data.meta[key];
    if (value) facts.append(element('span', { class: key }, value));
  }
  item.append(facts);
  const excerpt = element('p', { class: 'excerpt' });
  renderExcerpt(excerpt, data.excerpt);
  item.append(excerpt);
  const paragraphs = query.trim() ? renderParagraphs(data, query) : undefined;
  if (paragraphs) item.append(paragraphs);
  return item;
}

/**
 * Starts the search page inside `root`, which holds the form and the empty result areas. Nothing
 * of the index is fetched until the reader focuses a control of the form, or the address asks
 * for a search: a reader who only passes through costs no more than the page.
 */
export async function startSearch(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const from = root.querySelector<HTMLInputElement>('input[name="from"]')!;
  const to = root.querySelector<HTMLInputElement>('input[name="to"]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-clear]')!;
  const filterArea = root.querySelector<HTMLElement>('[data-filters]')!;
  const problem = root.querySelector<HTMLElement>('[data-problem]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const suggestions = root.querySelector<HTMLElement>('[data-suggestions]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.hidden = false;
  const toggle = root.querySelector<HTMLButtonElement>('[data-filters-toggle]')!;
  const filtersPanel = root.querySelector<HTMLElement>('.filters')!;
  toggle.addEventListener('click', () => {
    const open = filtersPanel.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });

  // The filters' boxes, as the page lists them (`SearchFilters.astro`), each with its count, first
  // the value's releases in the whole archive: the values never change; each search sets which
  // are chosen and their counts.
  const boxes = Array.from(filterArea.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map((box) => ({
    box,
    count: box.parentElement!.querySelector<HTMLElement>('.count')!,
  }));
  // Without prototypes: a value is a name, and `__proto__` is a name too.
  const totals: FilterCounts = Object.create(null) as FilterCounts;
  for (const { box, count } of boxes)
    (totals[box.name] ??= Object.create(null) as Record<string, number>)[box.value] = Number(
      /\d+/.exec(count.textContent ?? '')?.[0],
    );

  let ready: Promise<SearchController> | undefined;
  /** Opens the index, once: on first focus, or at once for an address that asks for a search. */
  const open = () =>
    (ready ??= openIndex(root.dataset['bundle']!, root.dataset['base'] ?? '/', SEARCH_FILTERS).then((index) => {
      const controller = new SearchController(index, totals);
      const { years } = controller;
      if (years.length > 0) {
        from.min = to.min = `${years[0]}-01-01`;
        from.max = to.max = `${years.at(-1)}-12-31`;
      }
      return controller;
    }));
  // The first focus opens the index and shows the filters, before the reader has typed anything.
  root.addEventListener(
    'focusin',
    () => {
      if (ready) return;
      // The newest part opens meanwhile, so that the first key is answered sooner.
      void open()
        .then((controller) => controller.warm())
        .catch(() => undefined);
      void update(false);
    },
    { once: true },
  );

  let state = parseState(location.search);
  let run = 0;
  let results: SearchResult[] = [];
  let partial = false;
  /** The result to give focus to once the results are on the page, after "Show more results" searched further. */
  let focusFrom: number | undefined;

  /** Sets which boxes are chosen and each value's count; only what changed, so typing stays light. */
  function renderFilters(counts: FilterCounts): void {
    for (const { box, count } of boxes) {
      box.checked = state.filters[box.name as SearchFilter].includes(box.value);
      const text = ` (${countOf(counts, box.name, box.value) ?? 0})`;
      if (count.textContent !== text) count.textContent = text;
    }
  }

  /** Watches for the reader nearing the results not yet fetched. */
  let nearing: IntersectionObserver | undefined;
  /** Those results being fetched and shown, once the reader neared them. */
  let nearRender: Promise<void> | undefined;

  /** Shows `rest`, results after those on the page, once the reader nears the last one shown. */
  async function renderNear(rest: SearchResult[], current: number): Promise<void> {
    const last = list.lastElementChild;
    if (rest.length === 0 || !last) return;
    const show = () =>
      render(
        rest.map((r) => r.data()),
        current,
        true,
      );
    if (last.getBoundingClientRect().top < innerHeight * NEAR_SCREENS) return show();
    nearing = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        nearing?.disconnect();
        nearRender = show();
      },
      { rootMargin: `0px 0px ${Math.round((NEAR_SCREENS - 1) * 100)}% 0px` },
    );
    nearing.observe(last);
  }

  async function render(data: Promise<ResultData>[], current: number, append: boolean): Promise<void> {
    const items = (await Promise.all(data)).map((d) => renderResult(d, searchedQuery(state.query)));
    if (current !== run) return;
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    more.hidden = list.children.length >= results.length && !partial;
  }

  function renderMissing(missing: readonly MissingWord[]): void {
    suggestions.replaceChildren();
    const offered = missing.filter((word) => word.suggestions.length > 0);
    for (const word of offered) {
      const line = element('p');
      line.append(offered.length > 1 || missing.length > 1 ? `For “${word.typed}”, did you mean ` : 'Did you mean ');
      word.suggestions.forEach((suggestion, i) => {
        if (i > 0) line.append(i === word.suggestions.length - 1 ? ' or ' : ', ');
        const href = `${location.pathname}${stateToSearch({ ...state, query: suggestion.query, shown: RESULTS_STEP })}`;
        line.append(
          element('a', { href }, suggestion.word),
          ` (${suggestion.count.toLocaleString('en')} ${suggestion.count === 1 ? 'release' : 'releases'})`,
        );
      });
      line.append('?');
      suggestions.append(line);
    }
    suggestions.hidden = offered.length === 0;
  }

  async function perform(): Promise<void> {
    const current = run;
    if (!ready && !isActive(state)) {
      // Nothing asked for yet: the page says what to do without opening the index.
      status.textContent = 'Type words to search the text of every release, or choose a filter or dates.';
      root.dataset['resultsFor'] = location.search;
      return;
    }
    let controller: SearchController;
    try {
      controller = await open();
    } catch (error) {
      if (!(error instanceof IndexMissing)) throw error;
      status.textContent = `Search is not available: ${error.message}.`;
      return;
    }
    if (current !== run) return;
    list.setAttribute('aria-busy', 'true');
    const outcome = await controller.search(state);
    if (!outcome || current !== run) return;
    problem.textContent = outcome.problem ?? '';
    problem.hidden = !outcome.problem;
    results = outcome.results;
    partial = outcome.partial;
    // The first batch replaces the old results only once it is ready, so typing never flickers.
    // A new search's first ten come in two: the first few at once, the rest as the reader nears them.
    nearing?.disconnect();
    const now = state.shown === RESULTS_STEP && focusFrom === undefined ? FIRST_RESULTS : state.shown;
    await render(
      results.slice(0, now).map((r) => r.data()),
      current,
      false,
    );
    if (current !== run) return;
    await renderNear(results.slice(now, state.shown), current);
    if (current !== run) return;
    list.removeAttribute('aria-busy');
    renderFilters(outcome.counts);
    // The folded filters say how many are chosen, dates included.
    const chosen =
      SEARCH_FILTERS.reduce((n, filter) => n + state.filters[filter].length, 0) +
      (state.from ? 1 : 0) +
      (state.to ? 1 : 0);
    root.querySelector('[data-filter-count]')!.textContent = chosen > 0 ? `(${chosen})` : '';
    renderMissing(outcome.missing);
    if (focusFrom !== undefined) list.children[focusFrom]?.querySelector('a')?.focus();
    focusFrom = undefined;
    // Announced once the results are on the page, so the count and the list agree.
    status.textContent = outcome.status;
    // Says which address the page now shows results for, so a script (or test) can wait for it.
    root.dataset['resultsFor'] = location.search;
  }

  let searching = false;
  /** The search that waits for a pause in typing, and when the last key came. */
  let pause: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  let lastKey = -Infinity;

  /** Puts the state in the address: a new entry in the history, or in place of the current one. */
  function showAddress(push: boolean): void {
    const search = stateToSearch(state);
    if (search === location.search) return;
    const url = `${location.pathname}${search}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * Puts the state in the address, then searches. One search runs at a time: keys typed while it
   * runs only mark it stale, and the newest state is searched as soon as it ends, so fast typing
   * never queues up searches for words already gone.
   */
  async function update(push: boolean): Promise<void> {
    showAddress(push);
    run++;
    clearTimeout(pause);
    waiting = false;
    if (searching) return;
    searching = true;
    try {
      let done: number;
      do {
        done = run;
        await perform();
      } while (done !== run && !waiting);
    } finally {
      searching = false;
    }
  }

  async function showMore(): Promise<void> {
    // Results still waiting for the reader to near them come now, with the next ten; those
    // already coming are on the page first, so that none is shown twice.
    nearing?.disconnect();
    await nearRender;
    const start = list.children.length;
    state.shown += RESULTS_STEP;
    history.replaceState(null, '', `${location.pathname}${stateToSearch(state)}`);
    if (results.length < state.shown && partial) {
      // The parts searched so far are shown in full: search further ones.
      focusFrom = start;
      await update(false);
      return;
    }
    await render(
      results.slice(start, state.shown).map((r) => r.data()),
      run,
      true,
    );
    root.dataset['resultsFor'] = location.search;
    list.children[start]?.querySelector('a')?.focus();
  }

  function readForm(): void {
    state.query = input.value;
    state.sort = sort.value === 'newest' || sort.value === 'oldest' ? sort.value : 'relevance';
    state.from = from.value;
    state.to = to.value;
    for (const filter of SEARCH_FILTERS) {
      state.filters[filter] = Array.from(
        filterArea.querySelectorAll<HTMLInputElement>(`input[name="${filter}"]:checked`),
        (box) => box.value,
      );
    }
    state.shown = RESULTS_STEP;
  }

  function showState(): void {
    input.value = state.query;
    sort.value = state.sort;
    from.value = isCalendarDate(state.from) ? state.from : '';
    to.value = isCalendarDate(state.to) ? state.to : '';
  }

  const changed = (push: boolean) => () => {
    readForm();
    void update(push);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed(true)();
  });
  // A key after a pause (or a paste) is answered at once. While keys come faster than
  // TYPING_GAP_MS apart, the reader is still typing: the address follows each key, and any
  // answer under way is dropped, but the search waits for a pause of PAUSE_MS, so the results'
  // texts of half-typed words are not fetched (and the list does not flicker through them). So
  // does a first letter alone in the box: more letters most likely follow.
  input.addEventListener('input', () => {
    const now = performance.now();
    const typing = now - lastKey < TYPING_GAP_MS || [...input.value.trim()].length === 1;
    lastKey = now;
    readForm();
    if (!typing) return void update(false);
    showAddress(false);
    run++;
    clearTimeout(pause);
    waiting = true;
    pause = setTimeout(() => void update(false), PAUSE_MS);
  });
  for (const control of [sort, from, to, filterArea]) control.addEventListener('change', changed(true));
  clear.addEventListener('click', () => {
    for (const box of filterArea.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
    from.value = to.value = '';
    changed(true)();
  });
  more.addEventListener('click', () => void showMore());
  suggestions.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // A suggestion runs its search here, as a new entry in the history.
    event.preventDefault();
    state = parseState(new URL(link.href).search);
    showState();
    void update(true);
  });
  arrowKeys(input, list);
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    showState();
    void update(false);
  });

  showState();
  await update(false);
}
