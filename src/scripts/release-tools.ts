/**
 * A release page's copy actions: each citation's Copy button, and the tools a paragraph's number
 * opens beside the paragraph: copy its link, cite it. Their status shows beside the button
 * pressed. Without JavaScript the buttons stay hidden and the numbers are plain links.
 */
const tools = document.getElementById('paragraph-tools');
const permalink = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0];
let number = '';

async function copy(text: string, status: Element | null | undefined, done: string): Promise<void> {
  if (!status) return;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    status.textContent = `Copying is blocked in this browser; select the text and copy it: ${text}`;
  }
}

for (const button of document.querySelectorAll<HTMLElement>('[data-copy-target]')) button.hidden = false;

document.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLElement>('a.paragraph-link, [data-act], [data-copy-target]');
  if (!target || !tools) return;
  const status = target.parentElement?.querySelector('.status');
  if (target.matches('a')) {
    // The address changes to the paragraph, as any link; the tools open under it.
    number = target.getAttribute('href')!.slice(3);
    target.parentElement!.append(tools);
    tools.hidden = false;
    tools.querySelector('.status')!.textContent = '';
  } else if (target.dataset['copyTarget']) {
    void copy(document.getElementById(target.dataset['copyTarget'])!.textContent!, status, 'Citation copied.');
  } else if (target.dataset['act'] === 'link') {
    void copy(`${permalink}#p-${number}`, status, `Link to paragraph ${number} copied.`);
  } else {
    const citation = tools.dataset['cite']!.replaceAll('{n}', number);
    void copy(citation, status, `Copied: ${citation}`);
  }
});

// Escape closes the tools and goes back to the paragraph's number.
tools?.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  tools.hidden = true;
  tools.parentElement?.querySelector<HTMLElement>('a.paragraph-link')?.focus();
});
