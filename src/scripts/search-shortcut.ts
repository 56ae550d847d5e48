/**
 * On every page: `/` puts the cursor in the search box (unless the reader is typing somewhere
 * else), and a search box's first focus starts loading Pagefind and its index in the background,
 * so that the search page's first results come without a wait.
 */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const box = document.querySelector<HTMLInputElement>('#search-query, .search-form input[type="search"]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

interface Preloadable {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bundle]')) {
  const input = form.querySelector('input');
  let pagefind: Promise<Preloadable> | undefined;
  input?.addEventListener('focus', () => {
    pagefind ??= import(/* @vite-ignore */ `${form.dataset['bundle']}pagefind.js`).then(async (module: Preloadable) => {
      await module.options({ baseUrl: form.dataset['base'] });
      await module.init();
      return module;
    });
    pagefind.catch(() => undefined);
  });
  input?.addEventListener('input', () => {
    const term = input.value.trim();
    if (term) void pagefind?.then((module) => module.preload(term)).catch(() => undefined);
  });
}
