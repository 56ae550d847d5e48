/** One page of each kind the small test site (tests/e2e/global-setup.ts) has, by path under its base. */
import { MEDIA_RELEASE } from './media.ts';

/** The seed release's permalink, without the base. */
export const PERMALINK = '/releases/2026/01/26/remarks-by-nato-secretary-general-mark-rutte/';

/** Pages of every kind, with a name for each. */
export const PAGE_KINDS: [string, string][] = [
  ['home', '/'],
  ['archive', '/archive/'],
  ['release', PERMALINK],
  ['release with an image and every component', MEDIA_RELEASE.permalink],
  ['release opened from search, words marked', `${PERMALINK}?highlight=coalition+of+the+willing`],
  ['speakers', '/speakers/'],
  ['speaker', '/speakers/mark-rutte/'],
  ['organisations', '/organisations/'],
  ['organisation', '/organisations/the-white-house/'],
  ['years', '/years/'],
  ['year', '/years/2016/'],
  ['month', '/years/2026-01/'],
  ['types', '/types/'],
  ['type', '/types/remarks/'],
  ['venues', '/venues/'],
  ['venue', '/venues/european-parliament/'],
  ['search, empty', '/search/'],
  ['search with results', '/search/?q=people'],
  [
    'search with filters and dates chosen',
    '/search/?q=people&type=Remarks&year=2016&from=2016-01-01&to=2016-12-31&sort=newest',
  ],
  ['search with a date problem', '/search/?from=2016-02-30'],
  ['search naming a word no release holds, with close words', '/search/?q=peeple'],
  ['about', '/about/'],
  ['page not found', '/no-such-page/'],
];
