import { bindNamed, preparedName } from "../sql/bind"
import { TSQUERY_SQL } from "../sql/queries"
import { catalogStatement } from "../sql/statement"
import type { CatalogQuery } from "../types"

const search = (query: Partial<CatalogQuery>) =>
  catalogStatement({ q: "lamp", limit: 20, offset: 0, facets: true, ...query }, "'lamp':*")

/** The walk's conditions: what the statement says between `from catalog_product p` and its order. */
function walkOf(sql: string): string {
  const walk = /walk_rows as materialized \(([\s\S]*?)order by/.exec(sql)
  if (!walk) {
    throw new Error("no walk in the statement")
  }
  return walk[1]
}

describe("search statements", () => {
  it("state the walk's liveness, cursor and price range as the request has them", () => {
    const plain = walkOf(search({ sort: "price_asc" }).sql)
    expect(plain).toContain("p.deleted_at is null and p.is_active")
    expect(plain).not.toContain(":include_inactive")
    expect(plain).not.toContain(":k1")
    expect(plain).not.toContain(":min_price")

    const paged = walkOf(
      search({ sort: "price_asc", after: ["12.50", "prod_1"], min_price: "10" }).sql
    )
    expect(paged).toContain(">= :min_price::numeric")
    expect(paged).not.toContain(":max_price")
    expect(paged).toContain(") > (:k1::numeric, :k2::text)")
    expect(paged).not.toContain("is null or")

    const inactive = walkOf(search({ sort: "newest", include_inactive: true }).sql)
    expect(inactive).toContain("p.deleted_at is null")
    expect(inactive).not.toContain("is_active")
  })

  it("are one text, and so one prepared statement, per shape", () => {
    const a = search({ sort: "name", tag: "eco", category_id: "pcat_1" })
    const b = search({ sort: "name", tag: "gift", category_id: "pcat_2", offset: 40 })
    const c = search({ sort: "name", tag: "eco", category_id: "pcat_1", after: ["lamp 1", "p"] })
    expect(a.sql).toBe(b.sql)
    expect(a.sql).not.toBe(c.sql)
    expect(a.sql).not.toBe(search({ sort: "name", tag: "eco" }).sql)
    expect(a.sql).not.toBe(
      search({ sort: "name", tag: "eco", category_id: "c", in_stock: true }).sql
    )
    expect(preparedName(a.sql)).toBe(preparedName(b.sql))
    expect(preparedName(a.sql)).not.toBe(preparedName(c.sql))
    // Values differ only in the bindings.
    expect(bindNamed(a.sql, a.params)[0]).toBe(bindNamed(b.sql, b.params)[0])
    expect(bindNamed(a.sql, a.params)[1]).not.toEqual(bindNamed(b.sql, b.params)[1])
  })

  it("read the walk in the sort's order without sorting it again, so it stops at the page", () => {
    for (const sort of ["newest", "price_asc", "price_desc", "name", "rating"] as const) {
      const { sql } = search({ sort })
      expect(walkOf(sql)).toContain("from catalog_product p")
      const walk = /\n {2}walk as \(([\s\S]*?)\n {2}\),/.exec(sql)?.[1] ?? ""
      expect(walk).toContain("from walk_rows w")
      expect(walk).toContain("limit :limit_plus_one offset :offset")
      expect(walk).not.toContain("order by")
    }
  })

  it("hide the tsquery from the plan of the matches (one plan, one order of matches)", () => {
    for (const sort of ["relevance", "newest", "name"] as const) {
      const { sql } = search({ sort })
      expect(sql).toContain("p.search_vector @@ (select :tsquery::tsquery)")
      expect(sql).not.toMatch(/search_vector @@ :tsquery/)
    }
  })

  it("hide the words from the plan of the tsquery statement (one generic plan)", () => {
    expect(TSQUERY_SQL).toContain("regexp_replace((select :q::text),")
    expect(TSQUERY_SQL.match(/:q\b/g)).toHaveLength(1)
  })

  it("state the matches' filters as the request has them, so a generic plan can use their indexes", () => {
    const matches = (sql: string) =>
      /\n {2}m as materialized \(([\s\S]*?)\n {2}\),/.exec(sql)?.[1] ?? ""
    const plain = matches(search({ sort: "relevance" }).sql)
    expect(plain).toContain("p.deleted_at is null and p.is_active")
    for (const name of [
      ":category_id",
      ":tag",
      ":min_price",
      ":max_price",
      ":in_stock",
      ":include_inactive",
    ]) {
      expect(plain).not.toContain(name)
    }
    const filtered = matches(
      search({ sort: "price_desc", category_id: "c", tag: "t", max_price: "9", in_stock: true }).sql
    )
    expect(filtered).toContain("p.category_ids @> array[:category_id::text]")
    expect(filtered).toContain("p.tags @> array[:tag::text]")
    expect(filtered).toContain("coalesce(p.price, -1::numeric) <= :max_price::numeric")
    expect(filtered).not.toContain(":min_price")
    expect(filtered).toContain("p.in_stock")
    expect(filtered).not.toContain("is null or")
    const inactive = matches(search({ sort: "relevance", include_inactive: true }).sql)
    expect(inactive).toContain("p.deleted_at is null")
    expect(inactive).not.toContain("is_active")
  })

  it("carry the rank only for relevance", () => {
    expect(search({ sort: "relevance" }).sql).toContain("ts_rank_cd")
    for (const sort of ["newest", "price_asc", "price_desc", "name", "rating"] as const) {
      expect(search({ sort }).sql).not.toContain("ts_rank_cd")
    }
  })
})
