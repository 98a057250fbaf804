/**
 * Cursor pagination in the URL (`?cursor=`), with the cursors of the earlier pages kept in the history
 * entry's state, so that "Page précédente" and the browser's Back button agree.
 */
import { page } from '$app/state';

const previousCursors = (): string[] => page.state.previousCursors ?? [];

/** 1 on the first page; on a page reached by a shared link the earlier pages are unknown, so at least 2. */
const pageNumber = (cursor: string | undefined): number =>
  cursor ? Math.max(previousCursors().length + 1, 2) : 1;

/** The current URL with another cursor (none for the first page). */
const hrefWithCursor = (cursor: string | undefined): string => {
  const url = new URL(page.url);
  if (cursor) url.searchParams.set('cursor', cursor);
  else url.searchParams.delete('cursor');
  return `${url.pathname}${url.search}`;
};

export { hrefWithCursor, pageNumber, previousCursors };
