import { compareCodepoints } from "../../../utils/catalog/codepoint-order"
import { topK } from "../../../utils/catalog/top-k"
import {
  isDisjunction,
  operandsOf,
  rankDisjunction,
  rankMatchedPositions,
  type MatchedPosition,
  type TsqueryNode,
} from "../../../utils/catalog/rank-cd"
import { RERANK_HEAD, SEARCH_MATCH_CAP, type CatalogSort } from "../sql/queries"
import type { CatalogQuery } from "../types"
import type { Csr, SearchIndex } from "./build"

/**
 * A search answered from the in-process index: what the search statement computes from
 * its matches (sql/queries.ts, searchSql), computed from every match instead of the first
 * SEARCH_MATCH_CAP + 1. The page's JSON and cursor keys, and relevance's re-rank of the
 * head by `word_similarity`, are left to one statement by id (sql/index-page.ts).
 */

/** A relevance row sent to that statement: the full-text rank, and whether it is in the head. */
export type RankedRow = { id: string; rank: number; in_head: boolean }

export type IndexPage =
  /** The page's rows in order (at most `limit` + 1: one more tells that more follow). */
  | { kind: "ids"; ids: string[]; rows: number[] }
  /** Rows that hold the page once ordered, cursor and `offset` applied by the statement. */
  | { kind: "ranked"; rows: RankedRow[]; offset: number }

export type IndexAnswer = {
  count: number
  count_capped: boolean
  category_facets?: string
  price_facets?: string
  page: IndexPage
}

type Operand = Extract<TsqueryNode, { type: "operand" }>
/** Lexeme ranks `[lo, hi)` an operand matches. */
type Range = { lo: number; hi: number }

const EMPTY = new Int32Array(0)
/**
 * A query with more operands than this (a long text pasted as a search: each word's
 * lexemes and corrections) is left to the statement, whose cost is capped by its matches;
 * here each operand is a lookup and every match is ranked against all of them.
 */
const MAX_OPERANDS = 64

function lowerBound(words: string[], word: string): number {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareCodepoints(words[mid], word) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The lexemes an operand matches: itself, or every lexeme it starts (`:*`). */
function rangeOf(index: SearchIndex, operand: Operand): Range {
  const lo = lowerBound(index.lexemes, operand.lexeme)
  let hi = lo
  if (operand.prefix) {
    while (hi < index.lexemes.length && index.lexemes[hi].startsWith(operand.lexeme)) hi++
  } else if (index.lexemes[lo] === operand.lexeme) {
    hi = lo + 1
  }
  return { lo, hi }
}

function rowsOfRange(index: SearchIndex, { lo, hi }: Range): Int32Array {
  const { starts, values } = index.postings
  if (hi - lo <= 1) {
    return hi > lo ? values.subarray(starts[lo], starts[hi]) : EMPTY
  }
  const { seen } = index.scratch
  let count = 0
  for (let at = starts[lo]; at < starts[hi]; at++) {
    if (!seen[values[at]]) {
      seen[values[at]] = 1
      count++
    }
  }
  const rows = new Int32Array(count)
  let k = 0
  // Every seen row is met before k reaches count: `seen` is left clean.
  for (let row = 0; k < count; row++) {
    if (seen[row]) {
      rows[k++] = row
      seen[row] = 0
    }
  }
  return rows
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++
    else if (b[j] < a[i]) j++
    else {
      out[k++] = a[i]
      i++
      j++
    }
  }
  return out.subarray(0, k)
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out[k++] = a[i++]
    else if (i >= a.length || b[j] < a[i]) out[k++] = b[j++]
    else {
      out[k++] = a[i++]
      j++
    }
  }
  return out.subarray(0, k)
}

/** `search_vector @@ query` for every row: the matching rows, ascending. */
function matchingRows(
  index: SearchIndex,
  node: TsqueryNode,
  ranges: Range[],
  known = new Map<string, Int32Array>()
): Int32Array {
  if (node.type === "operand") {
    // An operand repeated (a word written twice) is looked up once.
    const { lo, hi } = ranges[node.id]
    let rows = known.get(`${lo}:${hi}`)
    if (!rows) {
      rows = rowsOfRange(index, ranges[node.id])
      known.set(`${lo}:${hi}`, rows)
    }
    return rows
  }
  const left = matchingRows(index, node.left, ranges, known)
  const right = matchingRows(index, node.right, ranges, known)
  return node.type === "and" ? intersect(left, right) : union(left, right)
}

function has({ starts, values }: Csr, row: number, wanted: number): boolean {
  for (let at = starts[row]; at < starts[row + 1]; at++) {
    if (values[at] === wanted) return true
  }
  return false
}

/**
 * Whether a row passes a list's or search's filters (sql/queries.ts, shapeLive and
 * shapeFilters), or null when none can (an unknown category or tag).
 */
export function rowFilter(
  index: SearchIndex,
  query: CatalogQuery
): ((row: number) => boolean) | null {
  const category = query.category_id ? (index.categoryNumbers.get(query.category_id) ?? -1) : -2
  const tag = query.tag ? (index.tagNumbers.get(query.tag) ?? -1) : -2
  if (category === -1 || tag === -1) {
    return null
  }
  const min = query.min_price === undefined ? undefined : Number(query.min_price)
  const max = query.max_price === undefined ? undefined : Number(query.max_price)
  const inactiveToo = Boolean(query.include_inactive)
  const inStockOnly = Boolean(query.in_stock)
  return (row) => {
    if (!index.active[row] && !inactiveToo) return false
    if (category >= 0 && !has(index.categories, row, category)) return false
    if (tag >= 0 && !has(index.tags, row, tag)) return false
    const price = index.price[row]
    if (min !== undefined && !(price >= min)) return false
    if (max !== undefined && !(price <= max)) return false
    return !inStockOnly || index.inStock[row] === 1
  }
}

/** The matches that pass the search's filters. */
function filtered(index: SearchIndex, matches: Int32Array, query: CatalogQuery): Int32Array {
  const passes = rowFilter(index, query)
  if (!passes) {
    return EMPTY
  }
  // `matches` are postings or a new array, never this buffer.
  const out = index.scratch.filtered
  let k = 0
  for (const row of matches) {
    if (passes(row)) out[k++] = row
  }
  return out.subarray(0, k)
}

/** The facets as the search statement prints them (json_agg of json_build_object). */
function facets(index: SearchIndex, rows: Int32Array): { categories: string; prices: string } {
  const counts = new Int32Array(index.categoryNames.length)
  const buckets = [0, 0, 0, 0]
  const { starts, values } = index.categories
  const prices = index.price
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]
    for (let at = starts[row]; at < starts[row + 1]; at++) counts[values[at]]++
    const price = prices[row]
    if (price >= 500) buckets[3]++
    else if (price >= 100) buckets[2]++
    else if (price >= 25) buckets[1]++
    else if (price >= 0) buckets[0]++
  }
  const present: number[] = []
  counts.forEach((count, category) => count && present.push(category))
  present.sort(
    (a, b) =>
      counts[b] - counts[a] || compareCodepoints(index.categoryNames[a], index.categoryNames[b])
  )
  const categories = present.map(
    (c) => `{"category_id" : ${JSON.stringify(index.categoryNames[c])}, "count" : ${counts[c]}}`
  )
  const bounds = [
    ["0", '"25"'],
    ["25", '"100"'],
    ["100", '"500"'],
    ["500", "null"],
  ]
  const ranges = bounds.map(
    ([lo, hi], i) => `{"min" : "${lo}", "max" : ${hi}, "count" : ${buckets[i]}}`
  )
  return { categories: `[${categories.join(", ")}]`, prices: `[${ranges.join(", ")}]` }
}

/** Sort keys of the non-relevance sorts, read off the index. */
const NO_PRICE_HIGH = 1e15
const NO_VALUE_LOW = -1

function priceAsc(index: SearchIndex, row: number): number {
  const price = index.price[row]
  return Number.isNaN(price) ? NO_PRICE_HIGH : price
}

function priceDesc(index: SearchIndex, row: number): number {
  const price = index.price[row]
  return Number.isNaN(price) ? NO_VALUE_LOW : price
}

export type ListSort = Exclude<CatalogSort, "relevance">

/** Row order of each sort: negative when `a` comes first (ties by id: by row number). */
export const ORDER: Record<ListSort, (index: SearchIndex, a: number, b: number) => number> = {
  newest: (index, a, b) => index.created[b] - index.created[a] || b - a,
  price_asc: (index, a, b) => priceAsc(index, a) - priceAsc(index, b) || a - b,
  price_desc: (index, a, b) => priceDesc(index, b) - priceDesc(index, a) || b - a,
  name: (index, a, b) => index.nameRank[a] - index.nameRank[b],
  rating: (index, a, b) =>
    index.rating[b] - index.rating[a] || index.reviews[b] - index.reviews[a] || b - a,
}

/** -1, 0 or 1 for numbers. */
function sign(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether a row comes after the cursor (`after`: the last page's key as text, the types of
 * utils/catalog/cursor.ts), as the statement's row comparison decides it.
 */
export function afterCursor(
  sort: ListSort,
  after: string[]
): (index: SearchIndex, row: number) => boolean {
  const [k1, k2, k3] = after
  switch (sort) {
    case "newest": {
      const micros = Number(k1)
      return (index, row) =>
        (sign(index.created[row], micros) || compareCodepoints(index.ids[row], k2)) < 0
    }
    case "price_asc": {
      const price = Number(k1)
      return (index, row) =>
        (sign(priceAsc(index, row), price) || compareCodepoints(index.ids[row], k2)) > 0
    }
    case "price_desc": {
      const price = Number(k1)
      return (index, row) =>
        (sign(priceDesc(index, row), price) || compareCodepoints(index.ids[row], k2)) < 0
    }
    case "name":
      return (index, row) =>
        (compareCodepoints(index.nameKeys[row], k1) || compareCodepoints(index.ids[row], k2)) > 0
    case "rating": {
      const rating = Math.fround(Number(k1))
      const reviews = Number(k2)
      return (index, row) =>
        (sign(index.rating[row], rating) ||
          sign(index.reviews[row], reviews) ||
          compareCodepoints(index.ids[row], k3)) < 0
    }
  }
}

function listPage(index: SearchIndex, rows: Int32Array, query: CatalogQuery, sort: ListSort) {
  let candidates: ArrayLike<number> = rows
  if (query.after) {
    const after = afterCursor(sort, query.after)
    candidates = Array.from(rows).filter((row) => after(index, row))
  }
  const order = ORDER[sort]
  const best = topK(candidates, query.offset + query.limit + 1, (a, b) => order(index, a, b))
  const shown = best.slice(query.offset)
  return { kind: "ids" as const, ids: shown.map((row) => index.ids[row]), rows: shown }
}

/**
 * For a disjunction, the rank of every row that matched one lexeme entry only, read off the
 * index (entryRanks): `ranks[i]` for `rows[i]`, and which were set. Rows that matched
 * several entries (a prefix's lexemes, alternatives of a typo) are left to the caller.
 */
function singleEntryRanks(
  index: SearchIndex,
  rows: Int32Array,
  union: Range[],
  ranks: Float64Array
): Uint8Array {
  const { starts, values } = index.postings
  const { entryOf } = index.scratch
  const MANY = -2
  const visit = (each: (row: number, entry: number) => void) => {
    for (const { lo, hi } of union) {
      for (let p = starts[lo]; p < starts[hi]; p++) each(values[p], index.postingEntries[p])
    }
  }
  visit((row, entry) => (entryOf[row] = entryOf[row] === -1 ? entry : MANY))
  const set = index.scratch.rankSet.subarray(0, rows.length).fill(0)
  for (let at = 0; at < rows.length; at++) {
    const entry = entryOf[rows[at]]
    if (entry >= 0 && !Number.isNaN(index.entryRanks[entry])) {
      ranks[at] = index.entryRanks[entry]
      set[at] = 1
    }
  }
  visit((row) => (entryOf[row] = -1))
  return set
}

/** The lexeme ranks the operands match, as disjoint ascending ranges. */
function unionOfRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter((range) => range.hi > range.lo).sort((a, b) => a.lo - b.lo)
  const union: Range[] = []
  for (const range of sorted) {
    const last = union[union.length - 1]
    if (last && range.lo <= last.hi) {
      last.hi = Math.max(last.hi, range.hi)
    } else {
      union.push({ ...range })
    }
  }
  return union
}

/**
 * `ts_rank_cd` of one row for a disjunction (rank-cd.ts, rankDisjunction): the weights of
 * the positions of every lexeme it matched, in (position, weight, entry) order; null when
 * a matched position is 0 (where `Cover` stops early), which the full port then ranks.
 */
function disjunctionRankOf(index: SearchIndex, row: number, union: Range[]): number | null {
  const { starts, values } = index.rowLexemes
  const positions = index.entryPositions
  const first = starts[row]
  const matched: number[] = []
  let r = 0
  for (let at = first; at < starts[row + 1] && r < union.length; at++) {
    while (r < union.length && values[at] >= union[r].hi) r++
    if (r < union.length && values[at] >= union[r].lo) matched.push(at)
  }
  let keys: ArrayLike<number>
  if (matched.length === 1) {
    keys = positions.values.subarray(positions.starts[matched[0]], positions.starts[matched[0] + 1])
  } else {
    // (position × 4 + weight) × 65,536 + entry: one number that sorts as compareDocR does.
    const merged: number[] = []
    for (const at of matched) {
      for (let p = positions.starts[at]; p < positions.starts[at + 1]; p++) {
        merged.push(positions.values[p] * 65_536 + (at - first))
      }
    }
    keys = Float64Array.from(merged)
      .sort()
      .map((key) => Math.floor(key / 65_536))
  }
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] >> 2 === 0) {
      return null
    }
  }
  return rankDisjunction(keys)
}

/** `ts_rank_cd(search_vector, query)` of one row, from its numbered lexemes. */
function rankOf(
  index: SearchIndex,
  row: number,
  query: TsqueryNode,
  operands: Operand[],
  ranges: Range[]
): number {
  const { starts, values } = index.rowLexemes
  const first = starts[row]
  const last = starts[row + 1]
  const found: MatchedPosition[] = []
  for (const operand of operands) {
    const { lo, hi } = ranges[operand.id]
    let at = first
    let end = last
    while (at < end) {
      const mid = (at + end) >> 1
      if (values[mid] < lo) at = mid + 1
      else end = mid
    }
    for (; at < last && values[at] < hi; at++) {
      for (let p = index.entryPositions.starts[at]; p < index.entryPositions.starts[at + 1]; p++) {
        const packed = index.entryPositions.values[p]
        found.push({ pos: packed >> 2, weight: packed & 3, entry: at - first, operand: operand.id })
      }
    }
  }
  return rankMatchedPositions(found, query, operands.length)
}

function rankedPage(
  index: SearchIndex,
  rows: Int32Array,
  query: CatalogQuery,
  node: TsqueryNode,
  operands: Operand[],
  ranges: Range[]
): IndexPage {
  // Every match's rank, then only as many of the best as the page can reach.
  const ranks = index.scratch.ranks.subarray(0, rows.length)
  const union = isDisjunction(node) ? unionOfRanges(ranges) : undefined
  const single = union ? singleEntryRanks(index, rows, union, ranks) : undefined
  rows.forEach((row, at) => {
    if (!single?.[at]) {
      ranks[at] =
        (union && disjunctionRankOf(index, row, union)) ??
        rankOf(index, row, node, operands, ranges)
    }
  })
  const byRank = (a: number, b: number) => ranks[b] - ranks[a] || a - b
  const headSize = Math.min(rows.length, RERANK_HEAD)
  const window = query.offset + query.limit + 1
  const [k1, k2, k3] = query.after ?? []
  let positions = index.scratch.ordinals.subarray(0, rows.length)
  let skip = 0
  let keep = headSize + window
  if (k1 === "true") {
    // The cursor is past the head: the rest after the cursor's (-rank, id).
    const cursorRank = Math.fround(Number(k2))
    // (A cursor made by a search is past every head row; a forged one may not be.)
    const head = new Set(topK(positions, headSize, byRank))
    positions = positions.filter(
      (at) =>
        !head.has(at) &&
        (sign(-ranks[at], cursorRank) || compareCodepoints(index.ids[rows[at]], k3)) > 0
    )
    keep = window
  } else if (k1 === undefined && query.offset >= headSize) {
    skip = query.offset
    keep = query.offset + query.limit + 1
  }
  const best = topK(positions, keep, byRank)
  const row = (at: number, inHead: boolean): RankedRow => ({
    id: index.ids[rows[best[at]]],
    rank: ranks[best[at]],
    in_head: inHead,
  })
  if (k1 === "true") {
    return { kind: "ranked", rows: best.map((_, at) => row(at, false)), offset: query.offset }
  }
  if (skip) {
    // Past the head: those rows in order, no re-rank.
    const page = best.slice(skip).map((_, at) => row(skip + at, false))
    return { kind: "ranked", rows: page, offset: 0 }
  }
  // The head, re-ranked by the statement, and enough of the rest to fill the page after it.
  return {
    kind: "ranked",
    rows: best.map((_, at) => row(at, at < headSize)),
    offset: query.offset,
  }
}

/**
 * The answer of a search (`query.q` set, its tsquery parsed) from the index, or null when
 * the index does not answer this search exactly as PostgreSQL would (a weighted operand),
 * which then answers it.
 */
export function answerFromIndex(
  index: SearchIndex,
  query: CatalogQuery,
  tsquery: TsqueryNode
): IndexAnswer | null {
  const operands = operandsOf(tsquery)
  if (operands.length > MAX_OPERANDS || operands.some((operand) => operand.weights !== 0)) {
    return null
  }
  const ranges = operands.map((operand) => rangeOf(index, operand))
  const rows = filtered(index, matchingRows(index, tsquery, ranges), query)
  const sort = query.sort ?? "relevance"
  const found = query.facets ? facets(index, rows) : undefined
  return {
    count: Math.min(rows.length, SEARCH_MATCH_CAP),
    count_capped: rows.length > SEARCH_MATCH_CAP,
    ...(found ? { category_facets: found.categories, price_facets: found.prices } : {}),
    page:
      sort === "relevance"
        ? rankedPage(index, rows, query, tsquery, operands, ranges)
        : listPage(index, rows, query, sort),
  }
}
