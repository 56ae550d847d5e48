/**
 * Copy actions on a release page: a citation's Copy button, and a paragraph's number, which
 * copies the paragraph's address. Without JavaScript the buttons stay hidden and the numbers are
 * plain links.
 */
function announce(text: string): void {
  const status = document.querySelector('.copy-status');
  if (status) status.textContent = text;
}

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce('Copying is blocked in this browser; select the text and copy it instead.');
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-target]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const target = document.getElementById(button.dataset['copyTarget'] ?? '');
    if (target?.textContent) void copy(target.textContent, 'Citation copied.');
  });
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.paragraph-link');
  if (link) void copy(link.href, `Link to paragraph ${link.textContent} copied.`);
});
