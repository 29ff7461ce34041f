import { compareCodepoints } from "../../../utils/catalog/codepoint-order"
import { rankDisjunction } from "../../../utils/catalog/rank-cd"

/**
 * The in-process search index (docs/DECISIONS.md, "Search from an in-process index"):
 * what a search filters, sorts, counts and ranks by, for every stored catalog row, in
 * typed arrays and posting lists. Built from rows as the loader read them (load.ts);
 * answered by answer.ts. The products' JSON stays in PostgreSQL.
 */

/** Numbers for the lexemes of every row a process loaded (kept across loads). */
export class Lexicon {
  private readonly numbers = new Map<string, number>()
  readonly words: string[] = []

  numberOf(word: string): number {
    let number = this.numbers.get(word)
    if (number === undefined) {
      number = this.words.length
      this.words.push(word)
      this.numbers.set(word, number)
    }
    return number
  }
}

/** One catalog row as the index keeps it. */
export type IndexedRow = {
  id: string
  /** `sync_version:stock_version`: a row whose versions did not move is not read again. */
  version: string
  active: boolean
  /** The price as a double (null: none). */
  price: number | null
  categories: string[]
  tags: string[]
  inStock: boolean
  /** product_created_at in microseconds since the epoch (the newest sort's key). */
  createdMicros: number
  /** lower(name) as PostgreSQL computed it (the name sort's key). */
  nameKey: string
  /** coalesce(rating_average, -1), a float4 (the rating sort's first key). */
  rating: number
  reviewCount: number
  /** price::text and the rating key as text (a cursor's keys, as PostgreSQL prints them). */
  priceText: string | null
  ratingText: string
  /** The product's JSON as pages show it, when the index keeps views. */
  view?: string
  /** The vector's lexemes (Lexicon numbers) in its own order. */
  lexemes: Int32Array
  /** Where each lexeme's positions start in `positions` (one more entry at the end). */
  positionStarts: Int32Array
  /** position × 4 + weight (3 = A … 0 = D). */
  positions: Int32Array
}

/** Compressed sparse rows: item `i`'s values are `values[starts[i]]…values[starts[i + 1] - 1]`. */
export type Csr = { starts: Int32Array; values: Int32Array }

export type SearchIndex = {
  /** The rows by id, for the next load. */
  rows: Map<string, IndexedRow>
  lexicon: Lexicon
  /** Rows are numbered in id order (code points, the C collation's): ties break by number. */
  size: number
  ids: string[]
  active: Uint8Array
  /** NaN: no price. */
  price: Float64Array
  inStock: Uint8Array
  created: Float64Array
  rating: Float64Array
  reviews: Int32Array
  nameKeys: string[]
  priceTexts: (string | null)[]
  ratingTexts: string[]
  /**
   * Each row's JSON, when every row's was read (the catalog's views fit the memory allowed
   * for them): pages of sorts other than relevance are then made here (page.ts).
   */
  views: string[] | undefined
  /** Position of each row in (lower(name), id) order. */
  nameRank: Int32Array
  categories: Csr
  categoryNames: string[]
  categoryNumbers: Map<string, number>
  tags: Csr
  tagNumbers: Map<string, number>
  /** The lexemes in code point order; a lexeme's number here is its rank. */
  lexemes: string[]
  /** Per row, its lexemes' ranks, ascending (the vector's own order). */
  rowLexemes: Csr
  /** Per row lexeme entry (as numbered in `rowLexemes.values`), its packed positions. */
  entryPositions: Csr
  /** Per lexeme rank, the rows holding it, ascending. */
  postings: Csr
  /** For each posting, the row's lexeme entry (numbered as in `entryPositions`). */
  postingEntries: Int32Array
  /**
   * Per lexeme entry, `ts_rank_cd` of its row for a query that matches that entry alone
   * (rank-cd.ts, rankDisjunction); NaN when one of its positions is 0.
   */
  entryRanks: Float64Array
  /** answer.ts's working space, reused by every search. */
  scratch: Scratch
  /**
   * The catalog's marks epoch the rows were read at (a stock change marks its products
   * without a new generation): a page of `views` naming a product marked since is read
   * from the database instead (CatalogKnown.viewsCurrent).
   */
  marksEpoch: number
}

/**
 * Per-row working space of a search, allocated once per index: a search over a broad word
 * would otherwise allocate several arrays of the catalog's size (≈ 2 MB at 100,000
 * products), and that garbage, hundreds of times a second, made the collector a large share
 * of the server's time. Searches are answered synchronously, one at a time, so one set
 * serves them all; what must be clean between searches is cleaned by its user.
 */
export type Scratch = {
  /** A row's single matched lexeme entry (-1 between searches). */
  entryOf: Int32Array
  /** Rows seen while reading a prefix's postings (0 between searches). */
  seen: Uint8Array
  /** The rows left after the filters. */
  filtered: Int32Array
  /** The matches' ranks, and which were read off the index. */
  ranks: Float64Array
  rankSet: Uint8Array
  /** 0, 1, 2, …: positions in the matches (never written). */
  ordinals: Int32Array
}

function scratchFor(size: number): Scratch {
  return {
    entryOf: new Int32Array(size).fill(-1),
    seen: new Uint8Array(size),
    filtered: new Int32Array(size),
    ranks: new Float64Array(size),
    rankSet: new Uint8Array(size),
    ordinals: Int32Array.from({ length: size }, (_, at) => at),
  }
}

function csr<T>(items: T[], valuesOf: (item: T) => ArrayLike<number>): Csr {
  const starts = new Int32Array(items.length + 1)
  let total = 0
  items.forEach((item, i) => {
    starts[i] = total
    total += valuesOf(item).length
  })
  starts[items.length] = total
  const values = new Int32Array(total)
  items.forEach((item, i) => values.set(valuesOf(item), starts[i]))
  return { starts, values }
}

function numberer(names: string[], numbers: Map<string, number>) {
  return (name: string): number => {
    let number = numbers.get(name)
    if (number === undefined) {
      number = names.length
      names.push(name)
      numbers.set(name, number)
    }
    return number
  }
}

/** Every row's lexeme entries' positions, the entries numbered across rows in row order. */
function positionsOf(ordered: IndexedRow[], entryCount: number): Csr {
  const starts = new Int32Array(entryCount + 1)
  let total = 0
  for (const row of ordered) total += row.positions.length
  const values = new Int32Array(total)
  let entry = 0
  let at = 0
  for (const row of ordered) {
    values.set(row.positions, at)
    for (let i = 0; i < row.lexemes.length; i++) {
      starts[entry++] = at + row.positionStarts[i]
    }
    at += row.positions.length
  }
  starts[entryCount] = at
  return { starts, values }
}

/**
 * The index of these rows, or null when a row's lexemes are not in code point order (a
 * vector read under another encoding): the index would then answer differently from
 * PostgreSQL, so searches stay there.
 */
export function buildSearchIndex(
  rows: Map<string, IndexedRow>,
  lexicon: Lexicon
): SearchIndex | null {
  const ordered = [...rows.values()].sort((a, b) => compareCodepoints(a.id, b.id))
  const size = ordered.length

  // Lexeme ranks: the lexicon's words in use, in code point order.
  const used = new Uint8Array(lexicon.words.length)
  for (const row of ordered) {
    for (const number of row.lexemes) used[number] = 1
  }
  const usedNumbers: number[] = []
  used.forEach((flag, number) => flag && usedNumbers.push(number))
  usedNumbers.sort((a, b) => compareCodepoints(lexicon.words[a], lexicon.words[b]))
  const rankOf = new Int32Array(lexicon.words.length)
  usedNumbers.forEach((number, rank) => (rankOf[number] = rank))

  const rowLexemes = csr(ordered, (row) => row.lexemes.map((number) => rankOf[number]))
  for (let row = 0; row < size; row++) {
    for (let at = rowLexemes.starts[row] + 1; at < rowLexemes.starts[row + 1]; at++) {
      if (rowLexemes.values[at - 1] >= rowLexemes.values[at]) {
        return null
      }
    }
  }
  const entryPositions = positionsOf(ordered, rowLexemes.values.length)

  // Postings: counted per lexeme, then filled in row order (so each list is ascending).
  const postingStarts = new Int32Array(usedNumbers.length + 1)
  for (const rank of rowLexemes.values) postingStarts[rank + 1]++
  for (let rank = 0; rank < usedNumbers.length; rank++) {
    postingStarts[rank + 1] += postingStarts[rank]
  }
  const fill = postingStarts.slice(0, usedNumbers.length)
  const postingRows = new Int32Array(rowLexemes.values.length)
  const postingEntries = new Int32Array(rowLexemes.values.length)
  for (let row = 0; row < size; row++) {
    for (let at = rowLexemes.starts[row]; at < rowLexemes.starts[row + 1]; at++) {
      const slot = fill[rowLexemes.values[at]]++
      postingRows[slot] = row
      postingEntries[slot] = at
    }
  }
  const entryRanks = new Float64Array(rowLexemes.values.length)
  for (let entry = 0; entry < entryRanks.length; entry++) {
    const positions = entryPositions.values.subarray(
      entryPositions.starts[entry],
      entryPositions.starts[entry + 1]
    )
    entryRanks[entry] = positions.some((packed) => packed >> 2 === 0)
      ? Number.NaN
      : rankDisjunction(positions)
  }

  const categoryNames: string[] = []
  const categoryNumbers = new Map<string, number>()
  const categoryNumber = numberer(categoryNames, categoryNumbers)
  const tagNumbers = new Map<string, number>()
  const tagNumber = numberer([], tagNumbers)

  const byName = ordered.map((_, row) => row)
  byName.sort((a, b) => compareCodepoints(ordered[a].nameKey, ordered[b].nameKey) || a - b)
  const nameRank = new Int32Array(size)
  byName.forEach((row, rank) => (nameRank[row] = rank))

  return {
    rows,
    lexicon,
    size,
    ids: ordered.map((row) => row.id),
    active: Uint8Array.from(ordered, (row) => (row.active ? 1 : 0)),
    price: Float64Array.from(ordered, (row) => row.price ?? Number.NaN),
    inStock: Uint8Array.from(ordered, (row) => (row.inStock ? 1 : 0)),
    created: Float64Array.from(ordered, (row) => row.createdMicros),
    rating: Float64Array.from(ordered, (row) => row.rating),
    reviews: Int32Array.from(ordered, (row) => row.reviewCount),
    nameKeys: ordered.map((row) => row.nameKey),
    priceTexts: ordered.map((row) => row.priceText),
    ratingTexts: ordered.map((row) => row.ratingText),
    views: ordered.every((row) => row.view !== undefined)
      ? ordered.map((row) => row.view as string)
      : undefined,
    nameRank,
    categories: csr(ordered, (row) => row.categories.map(categoryNumber)),
    categoryNames,
    categoryNumbers,
    tags: csr(ordered, (row) => row.tags.map(tagNumber)),
    tagNumbers,
    lexemes: usedNumbers.map((number) => lexicon.words[number]),
    rowLexemes,
    entryPositions,
    postings: { starts: postingStarts, values: postingRows },
    postingEntries,
    entryRanks,
    scratch: scratchFor(size),
    marksEpoch: 0,
  }
}
