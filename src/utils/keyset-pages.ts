/**
 * Rows a page at a time by ascending id, each page asked for after the last id of the one
 * before (`list(null)` for the first): rows that leave the filter while they are worked on
 * (an order settled mid-run) do not shift the next page, as an offset would. Ends after the
 * first page shorter than `pageSize`.
 */
export async function* keysetPages<Row extends { id: string }>(
  list: (afterId: string | null) => Promise<Row[]>,
  pageSize: number
): AsyncGenerator<Row[]> {
  let afterId: string | null = null
  for (;;) {
    const page = await list(afterId)
    if (page.length) {
      yield page
    }
    // An empty page ends it too, whatever `pageSize` says: there is no last id to go on from.
    if (!page.length || page.length < pageSize) {
      return
    }
    afterId = page[page.length - 1].id
  }
}
