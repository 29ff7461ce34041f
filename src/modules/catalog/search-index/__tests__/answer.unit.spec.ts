import { parseTsquery, type TsqueryNode } from "../../../../utils/catalog/rank-cd"
import type { CatalogQuery } from "../../types"
import { answerFromIndex, type IndexAnswer } from "../answer"
import { buildSearchIndex, Lexicon, type IndexedRow, type SearchIndex } from "../build"
import { indexedRow, type StoredIndexRow } from "../rows"

function stored(id: string, vector: string, row: Partial<StoredIndexRow> = {}): StoredIndexRow {
  return {
    id,
    version: "1:1",
    is_active: true,
    price: 10,
    category_ids: ["c1"],
    tags: [],
    in_stock: true,
    created: "1000",
    name_key: id,
    rating: -1,
    review_count: 0,
    vector,
    price_text: "10",
    rating_text: "-1",
    view: `{"id": "${id}"}`,
    ...row,
  }
}

function indexOf(rows: StoredIndexRow[]): SearchIndex {
  const lexicon = new Lexicon()
  const map = new Map<string, IndexedRow>()
  for (const row of rows) map.set(row.id, indexedRow(row, lexicon) as IndexedRow)
  return buildSearchIndex(map, lexicon) as SearchIndex
}

const query = (q: Partial<CatalogQuery> = {}): CatalogQuery => ({
  q: "x",
  limit: 2,
  offset: 0,
  ...q,
})
const tsquery = (text: string) => parseTsquery(text) as TsqueryNode
const ids = (answer: IndexAnswer | null) =>
  answer?.page.kind === "ids" ? answer.page.ids : answer?.page.rows.map((row) => row.id)

const catalog = indexOf([
  stored("p3", "'lamp':1A 'red':2B", {
    price: 30,
    created: "3000",
    name_key: "b lamp",
    rating: 4,
    review_count: 2,
  }),
  stored("p1", "'lamp':1A 'lampshade':3", {
    price: null,
    created: "1000",
    name_key: "a lamp",
    rating: 4,
    review_count: 5,
  }),
  stored("p2", "'desk':1A 'lamp':4", {
    price: 600,
    created: "2000",
    name_key: "c desk",
    category_ids: ["c1", "c2"],
    tags: ["eco"],
  }),
  stored("p4", "'lamp':1A", { is_active: false, in_stock: false, price: 5, name_key: "d lamp" }),
])

describe("answerFromIndex", () => {
  it("matches exact lexemes, prefixes, and their and/or", () => {
    const sorted = query({ sort: "name", limit: 10 })
    expect(ids(answerFromIndex(catalog, sorted, tsquery("'lamp'")))).toEqual(["p1", "p3", "p2"])
    expect(ids(answerFromIndex(catalog, sorted, tsquery("'lamps':*")))).toEqual(["p1"])
    expect(ids(answerFromIndex(catalog, sorted, tsquery("'lamp' & 'red'")))).toEqual(["p3"])
    expect(ids(answerFromIndex(catalog, sorted, tsquery("'red' | 'desk'")))).toEqual(["p3", "p2"])
    expect(ids(answerFromIndex(catalog, sorted, tsquery("'nothing'")))).toEqual([])
  })

  it("applies liveness and every filter", () => {
    const all = tsquery("'lamp'")
    const of = (q: Partial<CatalogQuery>) =>
      ids(answerFromIndex(catalog, query({ sort: "name", limit: 10, ...q }), all))
    expect(of({ include_inactive: true })).toEqual(["p1", "p3", "p2", "p4"])
    expect(of({ category_id: "c2" })).toEqual(["p2"])
    expect(of({ category_id: "unknown" })).toEqual([])
    expect(of({ tag: "eco" })).toEqual(["p2"])
    expect(of({ tag: "unknown" })).toEqual([])
    expect(of({ min_price: "10", max_price: "30" })).toEqual(["p3"])
    expect(of({ include_inactive: true, in_stock: true })).toEqual(["p1", "p3", "p2"])
  })

  it("counts and prints the facets as the search statement does", () => {
    const answer = answerFromIndex(catalog, query({ facets: true }), tsquery("'lamp'"))
    expect(answer).toMatchObject({ count: 3, count_capped: false })
    expect(answer?.category_facets).toBe(
      '[{"category_id" : "c1", "count" : 3}, {"category_id" : "c2", "count" : 1}]'
    )
    expect(answer?.price_facets).toBe(
      '[{"min" : "0", "max" : "25", "count" : 0}, {"min" : "25", "max" : "100", "count" : 1}, ' +
        '{"min" : "100", "max" : "500", "count" : 0}, {"min" : "500", "max" : null, "count" : 1}]'
    )
    expect(answerFromIndex(catalog, query(), tsquery("'lamp'"))?.category_facets).toBeUndefined()
  })

  it("orders every list sort, ties by id, and pages after a cursor", () => {
    const lamp = tsquery("'lamp'")
    const page = (q: Partial<CatalogQuery>) =>
      ids(answerFromIndex(catalog, query({ limit: 10, ...q }), lamp))
    expect(page({ sort: "newest" })).toEqual(["p3", "p2", "p1"])
    expect(page({ sort: "newest", after: ["3000", "p3"] })).toEqual(["p2", "p1"])
    expect(page({ sort: "price_asc" })).toEqual(["p3", "p2", "p1"])
    expect(page({ sort: "price_asc", after: ["30", "p3"] })).toEqual(["p2", "p1"])
    expect(page({ sort: "price_desc" })).toEqual(["p2", "p3", "p1"])
    expect(page({ sort: "price_desc", after: ["600", "p2"] })).toEqual(["p3", "p1"])
    expect(page({ sort: "name", after: ["a lamp", "p1"] })).toEqual(["p3", "p2"])
    expect(page({ sort: "rating" })).toEqual(["p1", "p3", "p2"])
    expect(page({ sort: "rating", after: ["4", "5", "p1"] })).toEqual(["p3", "p2"])
    expect(page({ sort: "newest", offset: 1, limit: 1 })).toEqual(["p2", "p1"])
  })

  it("ranks relevance and marks the head the statement re-ranks", () => {
    const answer = answerFromIndex(catalog, query({ limit: 1 }), tsquery("'lamp'"))
    expect(answer?.page).toMatchObject({ kind: "ranked", offset: 0 })
    const rows = answer?.page.kind === "ranked" ? answer.page.rows : []
    expect(rows.map((row) => row.in_head)).toEqual([true, true, true])
    // Weight A at position 1 ranks 1.0 (p1, p3); weight D at 4 ranks 0.1 (p2).
    expect(rows.map((row) => [row.id, row.rank])).toEqual([
      ["p1", 1],
      ["p3", 1],
      ["p2", Math.fround(0.1)],
    ])
    // Past the head (all three are in it): nothing follows.
    expect(ids(answerFromIndex(catalog, query({ offset: 3 }), tsquery("'lamp'")))).toEqual([])
    expect(
      ids(answerFromIndex(catalog, query({ after: ["true", "-1", "p1"] }), tsquery("'lamp'")))
    ).toEqual([])
  })

  it("leaves weighted operands and queries of over 64 operands to PostgreSQL", () => {
    expect(answerFromIndex(catalog, query(), tsquery("'lamp':A"))).toBeNull()
    const many = (n: number) => Array.from({ length: n }, () => "'lamp'").join(" | ")
    expect(answerFromIndex(catalog, query(), tsquery(many(64)))).not.toBeNull()
    expect(answerFromIndex(catalog, query(), tsquery(many(65)))).toBeNull()
  })
})

describe("buildSearchIndex", () => {
  it("numbers rows in id order and lexemes in code point order", () => {
    expect(catalog.ids).toEqual(["p1", "p2", "p3", "p4"])
    expect(catalog.lexemes).toEqual(["desk", "lamp", "lampshade", "red"])
  })

  it("refuses a vector whose lexemes are out of code point order", () => {
    const lexicon = new Lexicon()
    const row = indexedRow(stored("p1", "'b':1 'a':2"), lexicon) as IndexedRow
    expect(buildSearchIndex(new Map([["p1", row]]), lexicon)).toBeNull()
  })

  it("reads no row whose vector it cannot parse", () => {
    expect(indexedRow(stored("p1", "'broken"), new Lexicon())).toBeNull()
  })
})
