import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { PLATFORM_MODULE } from "../../src/modules/platform"
import type PlatformModuleService from "../../src/modules/platform/service"
import { insertCatalogRows as insertRows } from "../helpers/catalog"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

type Page = {
  items: { id: string; price: string | null; name: string; rating_average: number | null }[]
  count: number
  count_capped: boolean
  offset: number
  next_cursor: string | null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const db = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const get = async (path: string) => {
      const response = await api.get(path)
      return response.data as Page
    }
    /** Every page through next_cursor, from `path` (which has a ? already). */
    const walk = async (path: string) => {
      const ids: string[] = []
      const first = await get(path)
      let page = first
      for (let pages = 1; ; pages++) {
        ids.push(...page.items.map((item) => item.id))
        if (!page.next_cursor) {
          return { ids, pages, first }
        }
        expect(pages).toBeLessThan(200)
        page = await get(`${path}&cursor=${page.next_cursor}`)
      }
    }

    describe("cursor pagination", () => {
      it("walks every list sort and search sort without repeating or skipping a product", async () => {
        await insertRows(db(), "prod_cur", "cursor-test", 40, "Alpha Lamp")
        const live = (
          await db().raw(
            `select id from catalog_product where tags @> '{cursor-test}' and is_active order by id`
          )
        ).rows.map((row: { id: string }) => row.id)
        expect(live).toHaveLength(38)

        for (const sort of ["newest", "price_asc", "price_desc", "name", "rating"]) {
          const all = await get(`/products?tag=cursor-test&sort=${sort}&limit=100`)
          expect(all).toMatchObject({ count: 38, count_capped: false, next_cursor: null })
          const walked = await walk(`/products?tag=cursor-test&sort=${sort}&limit=3`)
          expect({ sort, ids: walked.ids }).toEqual({ sort, ids: all.items.map((i) => i.id) })
          expect(walked.pages).toBe(13)
          expect(new Set(walked.ids).size).toBe(38)
          expect([...walked.ids].sort()).toEqual(live)
          // Offsets agree with cursors.
          const third = await get(`/products?tag=cursor-test&sort=${sort}&limit=3&offset=6`)
          expect(third.items.map((i) => i.id)).toEqual(walked.ids.slice(6, 9))
        }
        const cheap = (await get("/products?tag=cursor-test&sort=price_asc&limit=100")).items
        const prices = cheap.map((i) => i.price)
        expect(prices.slice(-5)).toEqual([null, null, null, null, null])
        const priced = prices.filter((p): p is string => p !== null).map(Number)
        expect(priced).toEqual([...priced].sort((a, b) => a - b))
        const rated = (await get("/products?tag=cursor-test&sort=rating&limit=100")).items
        expect(rated.at(-1)?.rating_average).toBeNull()
        expect(rated[0].rating_average).toBe(5)

        for (const sort of ["relevance", "price_desc", "name"]) {
          const all = await get(`/products/search?q=lamp&tag=cursor-test&sort=${sort}&limit=100`)
          expect(all.count).toBe(38)
          const walked = await walk(`/products/search?q=lamp&tag=cursor-test&sort=${sort}&limit=4`)
          expect({ sort, ids: walked.ids }).toEqual({ sort, ids: all.items.map((i) => i.id) })
        }
        // The list's q goes through search, so its cursor is a relevance cursor.
        const viaList = await walk("/products?q=lamp&tag=cursor-test&limit=5")
        expect([...viaList.ids].sort()).toEqual(live)
      })

      it("caps counts, says so, and still pages through every match in order", async () => {
        await insertRows(db(), "prod_bulk", "cursor-bulk", 1300, "Bulk Widget")
        const live = 1300 - Math.floor(1300 / 17)

        const list = await get("/products?tag=cursor-bulk&limit=1")
        expect(list).toMatchObject({ count: 1000, count_capped: true })
        const exact = await get("/products?tag=cursor-bulk&min_price=44&limit=1")
        expect(exact.count_capped).toBe(false)
        expect(exact.count).toBeLessThan(1000)

        const search = await get("/products/search?q=widget&tag=cursor-bulk&limit=1")
        expect(search).toMatchObject({ count: 1000, count_capped: true })

        // Sorted by price over every match (not only the capped ones), page by page.
        const walked = await walk(
          "/products/search?q=widget&tag=cursor-bulk&sort=price_asc&limit=100"
        )
        expect(new Set(walked.ids).size).toBe(live)
        const cheapest = (
          await db().raw(
            `select min(price)::text as p from catalog_product where tags @> '{cursor-bulk}' and is_active`
          )
        ).rows[0].p as string
        expect(Number(walked.first.items[0].price)).toBe(Number(cheapest))
      })

      it("pages a capped search whose matches sort far along in order, without repeats", async () => {
        // More live products sort before the matches (by name) than a search walks along
        // the sort's index (2,000), and the matches are capped: the first page is cut from
        // the matches taken, sorted; the later ones (the walk then reaches the end) are exact.
        await insertRows(db(), "prod_far_a", "cursor-far", 2300, "Aaa Filler")
        await insertRows(db(), "prod_far_z", "cursor-far", 1100, "Zeta Gadget")
        const matches = (
          await db().raw(
            `select id from catalog_product where tags @> '{cursor-far}' and is_active
               and id like 'prod_far_z%' order by lower(name), id`
          )
        ).rows.map((row: { id: string }) => row.id)
        expect(matches.length).toBeGreaterThan(1000)

        const path = "/products/search?q=gadget&tag=cursor-far&sort=name&limit=100"
        const walked = await walk(path)
        expect(walked.first).toMatchObject({ count: 1000, count_capped: true })
        expect(walked.first.items).toHaveLength(100)
        expect(new Set(walked.ids).size).toBe(walked.ids.length)
        expect(walked.ids.every((id) => matches.includes(id))).toBe(true)
        // In name order (then id) across all pages: each page starts after the last.
        const order = walked.ids.map((id) => matches.indexOf(id))
        expect(order).toEqual([...order].sort((a, b) => a - b))
        // After the first page every match is listed.
        const last = order[99]
        expect(walked.ids.slice(100)).toEqual(matches.slice(last + 1))
      })

      it("refuses bad cursors and deep offsets with 400 in the shared error shape", async () => {
        await insertRows(db(), "prod_bad", "cursor-bad", 5, "Gamma Lamp")
        const first = await get("/products?tag=cursor-bad&sort=price_asc&limit=2")
        expect(first.next_cursor).toEqual(expect.any(String))
        const cursor = first.next_cursor as string
        const forged = Buffer.from(JSON.stringify({ s: "price_asc", k: ["x", "y"] })).toString(
          "base64url"
        )
        for (const query of [
          "?cursor=garbage!",
          `?cursor=${forged}&sort=price_asc`,
          `?cursor=${cursor}`, // made for price_asc, asked with the default sort
          `?cursor=${cursor}&sort=price_asc&offset=2`,
          `?cursor=${cursor.slice(0, -3)}&sort=price_asc`,
          "?cursor=%00",
          `?cursor=${"A".repeat(5000)}`,
          "?offset=1001",
        ]) {
          const response = await api.get(`/products${query}`, anyStatus)
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
          expect(response.data).toMatchObject({ type: "invalid_data", message: expect.any(String) })
        }
        const deep = await api.get("/products?offset=1001", anyStatus)
        expect(JSON.stringify(deep.data)).toContain("cursor")
        const search = await api.get(`/products/search?q=lamp&cursor=${cursor}`, anyStatus)
        expect(search.status).toBe(400)
        expect((await api.get("/products?offset=1000", anyStatus)).status).toBe(200)
        const second = await get(`/products?tag=cursor-bad&sort=price_asc&limit=2&cursor=${cursor}`)
        expect(second.items).toHaveLength(2)
        expect(second.offset).toBe(0)
      })

      it("counts a filter set once per catalog generation, shared by its sorts and pages", async () => {
        await insertRows(db(), "prod_total", "total-test", 30, "Delta Lamp")
        const first = await get("/products?tag=total-test&limit=5")
        expect(first.count).toBe(29) // row 17 is inactive

        // Rows written behind the catalog's back (no sync, so no new generation): another
        // sort and page of the same filters renders afresh and shows them, but its total is
        // the one counted for this generation, not counted again.
        await insertRows(db(), "prod_total_more", "total-test", 10, "Delta Lamp")
        const other = await get("/products?tag=total-test&sort=name&offset=5&limit=50")
        expect(other.items).toHaveLength(34)
        expect(other.count).toBe(29)
        // A different filter set is counted on its own.
        const cheap = await get("/products?tag=total-test&max_price=1000&limit=1")
        expect(cheap.count).toBe(34) // the 34 priced live rows of both inserts

        // A sync's new generation counts again.
        await getContainer()
          .resolve<PlatformModuleService>(PLATFORM_MODULE)
          .invalidateCatalogCache()
        const after = await get("/products?tag=total-test&sort=price_asc&limit=5")
        expect(after.count).toBe(39)
      })
    })
  },
})
