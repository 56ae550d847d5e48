import { describe, expect, it } from 'vitest';
import { attributionFromTitle, typeFromLabel, typeFromTitle } from '../../../src/importer/attribution.ts';

describe('speaker and role from a title', () => {
  it.each([
    ['Remarks by NATO Secretary General Mark Rutte', { role: 'NATO Secretary General', speaker: 'Mark Rutte' }],
    [
      'Speech by NATO Secretary General Jens Stoltenberg at the Munich Security Conference',
      { role: 'NATO Secretary General', speaker: 'Jens Stoltenberg' },
    ],
    [
      'Statement by NSC Spokesperson Ned Price on Attacks in Burkina Faso',
      { role: 'NSC Spokesperson', speaker: 'Ned Price' },
    ],
    [
      'Address by President of the European Commission Ursula von der Leyen',
      { role: 'President of the European Commission', speaker: 'Ursula von der Leyen' },
    ],
    ['Press Briefing by Press Secretary Josh Earnest, 1/5/2016', { role: 'Press Secretary', speaker: 'Josh Earnest' }],
    ['Statement by the Press Secretary on the President’s Travel', { role: 'Press Secretary' }],
    ['Statement by the Vice President on the Mass Shooting in Orlando', { role: 'Vice President' }],
    ['Remarks by Dr. Anthony Fauci', { speaker: 'Anthony Fauci' }],
  ])('%s', (title, expected) => {
    expect(attributionFromTitle(title)).toEqual(expected);
  });

  it.each([
    "Readout of the President's Phone Call with Prime Minister Haidar Al-Abadi of Iraq",
    'President Obama Nominates Two to Serve on the United States Court of Appeals',
    'Halloween at The White House',
    'Statement by the Office of the Spokesperson',
    'Statement by NATO',
  ])('finds no person in "%s"', (title) => {
    expect(attributionFromTitle(title).speaker).toBeUndefined();
  });
});

describe('release type', () => {
  it.each([
    ['Remarks by NATO Secretary General Mark Rutte', 'remarks'],
    ['Statement by the Press Secretary on the Remarks of the Minister', 'statement'],
    ["Readout of the President's Call", 'readout'],
    ["The President's Weekly Address", 'speech'],
    ['Press Release - Readout of Vice President Biden’s Call', 'readout'],
    ['Press Release - President Obama Announces More Key Administration Posts', 'press-release'],
    ['Fact Sheet: New Executive Actions to Reduce Gun Violence', 'fact-sheet'],
    ['Press Briefing by Press Secretary Josh Earnest', 'press-briefing'],
    ['Proclamation 9388—To Take Certain Actions', 'proclamation'],
    ['First Annual Message', 'message'],
  ])('%s is %s', (title, type) => {
    expect(typeFromTitle(title)).toBe(type);
  });

  it('leaves a title that names no type to the label or the caller', () => {
    expect(typeFromTitle('Halloween at The White House')).toBeUndefined();
    expect(typeFromLabel('Press Release')).toBe('press-release');
    expect(typeFromLabel('Podcast')).toBeUndefined();
  });
});

describe('roles without an office', () => {
  it('are not taken for roles', () => {
    expect(attributionFromTitle('Statement by NATO')).toEqual({});
    expect(attributionFromTitle('Statement by the Government of Canada on Trade')).toEqual({});
  });
});
