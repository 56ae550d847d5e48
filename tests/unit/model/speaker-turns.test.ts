import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../src/model/render-body.ts';
import { speakerTurn } from '../../../src/model/speaker-turns.ts';

describe("a transcript's speaker turns", () => {
  it('are the capitalised names with a colon, or Q, that open a paragraph', () => {
    expect(speakerTurn('THE PRESIDENT: Thank you.')).toBe('THE PRESIDENT:');
    expect(speakerTurn('MR. SPICER: Good afternoon.')).toBe('MR. SPICER:');
    expect(speakerTurn('PRESIDENT TRUMP: Thank you, Klaus.')).toBe('PRESIDENT TRUMP:');
    expect(speakerTurn("Q Mr. President, what's next?")).toBe('Q');
    expect(speakerTurn('Q. Will you sign it?')).toBe('Q');
    expect(speakerTurn('Quite so, he said.')).toBeUndefined();
    expect(speakerTurn('I said: no.')).toBeUndefined();
    expect(speakerTurn('The President said: no.')).toBeUndefined();
  });

  it('are set apart in the page, the paragraph’s text unchanged', () => {
    const { html, paragraphs } = renderBody('THE PRESIDENT: Thank you all.\n\nQ Mr. President?\n\nNo turn here.');
    expect(html).toContain('<p id="p-1"><span class="turn">THE PRESIDENT:</span> Thank you all.</p>');
    expect(html).toContain('<p id="p-2"><span class="turn">Q</span> Mr. President?</p>');
    expect(html).toContain('<p id="p-3">No turn here.</p>');
    expect(paragraphs).toEqual(['THE PRESIDENT: Thank you all.', 'Q Mr. President?', 'No turn here.']);
  });
});
