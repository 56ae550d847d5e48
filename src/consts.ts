/** How many releases the home page lists. */
export const LATEST_COUNT = 10;

/** How many releases a page of the archive lists. */
export const ARCHIVE_PAGE_SIZE = 50;
