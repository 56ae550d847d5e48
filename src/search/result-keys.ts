/**
 * Arrow keys for a list of results: Down from the search box goes to the first result's link,
 * Up and Down move between results' links, Up from the first goes back to the box. Tab and
 * Enter work as on any link.
 */
export function arrowKeys(input: HTMLInputElement, list: HTMLElement): void {
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>(':scope > li > h2 > a'));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const index = all.indexOf(event.target as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  });
}
