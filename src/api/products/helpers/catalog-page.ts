import type { CatalogQuery } from "../../../modules/catalog/types"
import { type CursorSort, decodeCursor } from "../../../utils/catalog/cursor"
import { RequestValidationError } from "../../utils/errors"

/**
 * The catalog query of a list or search request: `cursor` decoded into the sort key the
 * page continues after, for the sort the request uses. A cursor that is malformed or made
 * for another sort is a 400 in the shared validation shape.
 */
export function catalogPageQuery<T extends { cursor?: string }>(
  query: T,
  sort: CursorSort
): Omit<T, "cursor"> & Pick<CatalogQuery, "after" | "sort"> {
  const { cursor, ...rest } = query
  if (cursor === undefined) {
    return { ...rest, sort }
  }
  const decoded = decodeCursor(cursor, sort)
  if ("error" in decoded) {
    throw new RequestValidationError([{ field: "cursor", message: decoded.error }], "query")
  }
  return { ...rest, sort, after: decoded.keys }
}
