/**
 * On every page: `/` puts the cursor in the search box (unless the reader is typing somewhere
 * else), and a search box's first focus starts fetching Pagefind's worker in the background, so
 * that the search page starts sooner.
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

// Fetching Pagefind's worker early, for the search page the form leads to: a `prefetch` link,
// which runs nothing on this page.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-bundle]')) {
  form.querySelector('input')?.addEventListener(
    'focus',
    () => {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = `${form.dataset['bundle']}pagefind-worker.js`;
      document.head.append(link);
    },
    { once: true },
  );
}
