/** How many releases the home page lists. */
export const LATEST_COUNT = 10;

/** How many releases a page of the archive lists. */
export const ARCHIVE_PAGE_SIZE = 50;

/**
 * The most releases a year of a listing shows on its page; a year of more has a page per month
 * (`src/site/listing-pages.ts`).
 */
export const PERIOD_PAGE_LIMIT = 200;
