/**
 * What a name's form tells: the key it sorts by when no one gave one, and whether it reads as an
 * organisation's. Pure, so that the search page's filters sort names the way listings do.
 */

/** Courtesy titles skipped when a name sorts: "Mr. Abdullah Abdullah" sorts under A. */
const HONORIFIC =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|reverend|hon|the hon|rt hon|the rt hon|mme|mlle|h\.?\s?e|his excellency|her excellency|sheikh|sheikha)\.?\s+)+/i;

/** The key a name sorts by when no sort key is given: no courtesy title, no leading "The". */
export function defaultSortKey(name: string): string {
  return name
    .trim()
    .replace(HONORIFIC, '')
    .replace(/^the\s+/i, '');
}

/** Words that mark a name as an organisation's rather than a person's. */
const ORGANISATION =
  /\b(?:house|department|dept|office|ministry|council|commission|committee|agency|administration|bureau|services?|organi[sz]ation|secretariat|embassy|mission|government|parliament|assembly|congress|senate|court|university|institute|foundation|association|union|bank|fund|forces|command|nato|united nations|corporation|company|inc|ltd|group|party|press|staff|team|center|centre|board|authority|directorate|headquarters|delegation|alliance)\b/i;

/** Whether a name reads as an organisation's: "U.S. Department of Health and Human Services", "NATO". */
export function looksLikeOrganisation(name: string): boolean {
  return ORGANISATION.test(name);
}
