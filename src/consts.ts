/** The archive's name, shown in the header and in page titles. */
export const SITE_TITLE = 'Press Release Archive';

/** One sentence on what the archive is, for the home page and search engines. */
export const SITE_DESCRIPTION = 'Speeches, remarks, statements and press releases: read them, search them, cite them.';

/** How many releases the home page lists. */
export const LATEST_COUNT = 10;

/** How many releases a page of the archive lists. */
export const ARCHIVE_PAGE_SIZE = 50;
