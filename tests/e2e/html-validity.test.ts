/** Valid HTML: html-validate's recommended rules find nothing on any kind of page. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { PAGE_KINDS } from '../support/page-kinds.ts';

const site = inject('siteUrl');

describe('HTML validity', () => {
  it('has no error or warning on any kind of page, as served', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const found: string[] = [];
    for (const [kind, path] of PAGE_KINDS) {
      const html = await (await fetch(`${site}${path}`)).text();
      const report = await validator.validateString(html, path);
      for (const result of report.results) {
        for (const message of result.messages)
          found.push(`${kind} (${path}) line ${message.line}: ${message.ruleId}: ${message.message}`);
      }
    }
    expect(found).toEqual([]);
  });
});
