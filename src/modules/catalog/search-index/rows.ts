import { parseTsvector } from "../../../utils/catalog/tsvector-text"
import type { IndexedRow, Lexicon } from "./build"

/** A row of INDEX_ROWS_SQL (sql/index-load.ts). */
export type StoredIndexRow = {
  id: string
  version: string
  is_active: boolean
  price: number | null
  category_ids: string[] | null
  tags: string[] | null
  in_stock: boolean
  created: string
  name_key: string
  rating: number
  review_count: number
  vector: string | null
  price_text: string | null
  rating_text: string
  view: string | null
}

/** The row as the index keeps it, or null when its vector cannot be read. */
export function indexedRow(stored: StoredIndexRow, lexicon: Lexicon): IndexedRow | null {
  const lexemes = stored.vector ? parseTsvector(stored.vector) : []
  if (!lexemes) {
    return null
  }
  const positionStarts = new Int32Array(lexemes.length + 1)
  let total = 0
  lexemes.forEach((lexeme, i) => {
    positionStarts[i] = total
    total += lexeme.positions.length
  })
  positionStarts[lexemes.length] = total
  const positions = new Int32Array(total)
  let at = 0
  for (const lexeme of lexemes) {
    lexeme.positions.forEach((pos, j) => (positions[at++] = pos * 4 + lexeme.weights[j]))
  }
  return {
    id: stored.id,
    version: stored.version,
    active: stored.is_active,
    price: stored.price,
    categories: stored.category_ids ?? [],
    tags: stored.tags ?? [],
    inStock: stored.in_stock,
    createdMicros: Number(stored.created),
    nameKey: stored.name_key,
    rating: Math.fround(stored.rating),
    priceText: stored.price_text,
    ratingText: stored.rating_text,
    view: stored.view ?? undefined,
    reviewCount: stored.review_count,
    lexemes: Int32Array.from(lexemes, (lexeme) => lexicon.numberOf(lexeme.lexeme)),
    positionStarts,
    positions,
  }
}
