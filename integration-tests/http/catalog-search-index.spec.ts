// The suite runs with the index off (.env.test says why); this file is about it.
process.env.CATALOG_SEARCH_INDEX = "true"
const METRICS_TOKEN = "catalog-search-index-metrics-token"
process.env.METRICS_TOKEN = METRICS_TOKEN

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import { performance } from "node:perf_hooks"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { CATALOG_SORTS } from "../../src/modules/catalog/sql/queries"
import type { CatalogPage, CatalogQuery } from "../../src/modules/catalog/types"
import { PLATFORM_MODULE } from "../../src/modules/platform"
import type PlatformModuleService from "../../src/modules/platform/service"
import { canonicalCatalogPage as canonical, insertCatalogRows } from "../helpers/catalog"
import { useTestRedis } from "../helpers/redis"
import { createShop } from "../helpers/commerce"
import { addAndCheckout } from "../helpers/orders"

// On Redis, as in production: answers the index gives are kept out of L2 (checked below).
const redisUrl = useTestRedis()

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const catalog = () => getContainer().resolve<CatalogModuleService>(CATALOG_MODULE)
    const db = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

    /**
     * A load that starts now (loads are at least 0.5 s apart, so the call is repeated
     * until one runs; a search of the previous test may have started the last one).
     */
    const loadNow = async (maxProducts = 10_000, maxViewBytes = 64 * 1024 * 1024) => {
      for (let tries = 1; ; tries++) {
        const outcome = await catalog().loadSearchIndex(performance.now(), {
          maxProducts,
          maxViewBytes,
        })
        if (outcome !== undefined || tries >= 100) {
          return outcome
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

    /** Rows as a sync writes them, then the caches told (a new catalog generation). */
    const insert = async (prefix: string, tag: string, n: number, name: string) => {
      await insertCatalogRows(db(), prefix, tag, n, name)
      await getContainer().resolve<PlatformModuleService>(PLATFORM_MODULE).invalidateCatalogCache()
    }

    describe("search index", () => {
      it("answers every search, page and cursor as the search statement does", async () => {
        await insert("prod_ix_a", "ix-lamp", 90, "Alpha Lamp")
        await insert("prod_ix_b", "ix-desk", 70, "Oak Desk")
        // Keys a cursor prints as PostgreSQL does: prices with a scale ("12.50"), fractional
        // float4 ratings, names JSON must escape.
        await insert("prod_ix_e", "ix-odd", 12, 'Odd "Quoted" \\ Lamp\tü')
        await db().raw(
          `update catalog_product set price = price + 0.50, rating_average = rating_average + 0.1
           where id like 'prod_ix_e%'`
        )
        // With the products' JSON kept (pages of other sorts made in memory), and without.
        const withViews = await loadNow()
        expect(withViews?.size).toBe(172)
        expect(withViews?.views).toHaveLength(172)
        const withoutViews = await loadNow(10_000, 0)
        expect(withoutViews?.size).toBe(172)
        expect(withoutViews?.views).toBeUndefined()

        const queries: CatalogQuery[] = []
        for (const q of ["lamp", "alph lamp", "oak", "desk lamp", "al", "lamp 7", "zzz", "odd"]) {
          for (const sort of CATALOG_SORTS) {
            queries.push({ q, sort, limit: 7, offset: 0, facets: true })
            queries.push({ q, sort, limit: 5, offset: 10, tag: "ix-lamp", include_inactive: true })
            queries.push({
              q,
              sort,
              limit: 20,
              offset: 0,
              min_price: "10",
              max_price: "30",
              facets: true,
            })
          }
          // Relevance pages past the re-ranked head (60 rows).
          queries.push({ q, sort: "relevance", limit: 10, offset: 60 })
          queries.push({ q, sort: "relevance", limit: 10, offset: 55 })
        }
        let compared = 0
        const compare = async (
          query: CatalogQuery,
          tsquery: string | null
        ): Promise<CatalogPage> => {
          const fromDatabase = await catalog().queryCatalog(query, { tsquery })
          for (const index of [withViews, withoutViews]) {
            const fromIndex = await catalog().queryCatalog(query, {
              tsquery,
              index: index ?? undefined,
            })
            expect({ query, views: !!index?.views, page: canonical(fromIndex) }).toEqual({
              query,
              views: !!index?.views,
              page: canonical(fromDatabase),
            })
          }
          compared++
          return fromDatabase
        }
        for (const query of queries) {
          const tsquery = await catalog().searchQuery(query.q as string)
          // Three pages by cursor: the second crosses from the head into the rest.
          let page = await compare(query, tsquery)
          for (let pages = 1; page.next_key && pages < 3; pages++) {
            const after = JSON.parse(page.next_key) as string[]
            page = await compare({ ...query, offset: 0, limit: 40, after }, tsquery)
          }
        }
        expect(compared).toBeGreaterThan(200)

        // Lists (no search words) from the index, pages and cursors, as the list statement.
        const lists: CatalogQuery[] = []
        for (const sort of CATALOG_SORTS.filter((sort) => sort !== "relevance")) {
          for (const filters of [
            {},
            { tag: "ix-lamp" },
            { min_price: "10", max_price: "30" },
            { include_inactive: true },
            { category_id: "pcat_none" },
          ]) {
            lists.push({ sort, limit: 7, offset: 0, ...filters })
            lists.push({ sort, limit: 5, offset: 150, ...filters })
          }
        }
        const listsBefore = catalog().searchIndexStats().lists_from_index
        for (const query of lists) {
          let page = await compare(query, null)
          for (let pages = 1; page.next_key && pages < 3; pages++) {
            const after = JSON.parse(page.next_key) as string[]
            page = await compare({ ...query, offset: 0, limit: 60, after }, null)
          }
        }
        expect(catalog().searchIndexStats().lists_from_index).toBeGreaterThan(listsBefore + 50)

        // A stock change marks its product instead of starting a generation: a page made
        // from the index's copy shows it as the statement does, once the copy is checked.
        const platform = getContainer().resolve<PlatformModuleService>(PLATFORM_MODULE)
        const marked = "prod_ix_a00003"
        await db().raw(
          `update catalog_product set view = jsonb_set(view, '{name}', '"restocked"'),
             stock_version = stock_version + 1 where id = ?`,
          [marked]
        )
        await platform.markCatalogProducts([marked])
        const viewsCurrent = (ids: readonly string[], epoch: number) =>
          platform.catalogMarksCurrent(ids, epoch)
        for (const query of [
          { sort: "newest", limit: 200, offset: 0 },
          { q: "lamp", sort: "newest", limit: 200, offset: 0 },
        ] as CatalogQuery[]) {
          const tsquery = query.q ? await catalog().searchQuery(query.q) : null
          const live = await catalog().queryCatalog(query, { tsquery })
          expect(live.items).toContain('"restocked"')
          const unchecked = await catalog().queryCatalog(query, { tsquery, index: withViews! })
          expect(unchecked.items).not.toContain('"restocked"')
          const checked = await catalog().queryCatalog(query, {
            tsquery,
            index: withViews!,
            viewsCurrent,
          })
          expect(canonical(checked)).toEqual(canonical(live))
        }
      })

      it("serves searches over HTTP once loaded, and shows a new product on the next search", async () => {
        await insert("prod_ix_c", "ix-http", 30, "Copper Kettle")
        const search = async (q: string) => {
          const response = await api.get(`/products/search?q=${encodeURIComponent(q)}&limit=50`, {
            validateStatus: () => true,
          })
          expect({
            q,
            status: response.status,
            body: response.status === 200 ? "" : response.data,
          }).toEqual({ q, status: 200, body: "" })
          return response.data as { items: { name: string }[]; count: number }
        }
        const before = catalog().searchIndexStats()
        // The first search goes to PostgreSQL and starts a load in the background (or, right
        // after the last load, the next one does: loads are at least 0.5 s apart).
        expect((await search("kettle")).count).toBe(29)
        expect(catalog().searchIndexStats().from_database).toBe(before.from_database + 1)
        for (let tries = 1; catalog().searchIndexStats().loads === before.loads; tries++) {
          expect(tries).toBeLessThan(100)
          await new Promise((resolve) => setTimeout(resolve, 50))
          await search(`kettle ${tries}`)
        }
        // Later searches (not cached answers: other words) come from the index.
        const served = catalog().searchIndexStats().from_index
        expect((await search("copper")).count).toBe(29)
        expect(catalog().searchIndexStats().from_index).toBe(served + 1)

        // Answered from the index, a search is kept in this process only: asked again, it is
        // an L1 hit and not shared to L2 (Redis), nor is a list the index makes, while a
        // product's page asked twice is.
        expect((await search("copper")).count).toBe(29)
        expect(catalog().searchIndexStats().from_index).toBe(served + 1)
        await api.get("/products?tag=ix-http")
        await api.get("/products?tag=ix-http")
        await api.get("/products/prod_ix_c00001")
        await api.get("/products/prod_ix_c00001")
        const redis = new Redis(redisUrl)
        try {
          const sharedKeys = async (part: string) => {
            await new Promise((resolve) => setTimeout(resolve, 100))
            return (await redis.keys("*catalog:*")).filter((key) => key.includes(part))
          }
          expect(await sharedKeys("prod_ix_c00001")).toHaveLength(1)
          expect(await sharedKeys('"ix-http"')).toEqual([])
          expect(await sharedKeys('"copper"')).toEqual([])
        } finally {
          redis.disconnect()
        }

        // A product written since (a new catalog generation) is found by the very next search.
        await insert("prod_ix_q", "ix-new", 1, "Copper Quokka Lantern")
        expect((await search("quokka")).items.map((item) => item.name)).toEqual([
          "copper quokka lantern",
        ])
        expect((await search("copper lantern")).count).toBe(1)

        const metrics = (
          await api.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
        ).data as string
        expect(metrics).toMatch(/^shop_catalog_searches\{source="index"\} [1-9]/m)
        expect(metrics).toMatch(/^shop_catalog_search_index_rows \d+/m)
        // The tag's list above came from the index too.
        expect(metrics).toMatch(/^shop_catalog_lists_from_index [1-9]/m)
      })

      it("shows a checkout's stock on the next list while lists come from the index", async () => {
        const shop = await createShop(getContainer(), api, {
          name: "Brass Lamp",
          price: "19.99",
          stock_quantity: 10,
        })
        const id = shop.product.id
        // Lists come from the index once it is loaded for this generation (a filter of no
        // product, a new one each time: not an answer cached before).
        const before = catalog().searchIndexStats().lists_from_index
        for (let tries = 1; catalog().searchIndexStats().lists_from_index === before; tries++) {
          expect(tries).toBeLessThan(100)
          await new Promise((resolve) => setTimeout(resolve, 50))
          await api.get(`/products?tag=no-such-tag-${tries}`)
        }
        const listed = async () => {
          const items = (await api.get("/products?limit=100&sort=price_asc")).data.items as {
            id: string
            stock_quantity: number
          }[]
          return items.find((item) => item.id === id)?.stock_quantity
        }
        const fromIndex = catalog().searchIndexStats().lists_from_index
        expect(await listed()).toBe(10)
        expect(catalog().searchIndexStats().lists_from_index).toBe(fromIndex + 1)

        // The checkout marks the product (its stock, no new generation): the index's copy of
        // its JSON is older now, and the next list shows the new stock all the same.
        const checkout = await addAndCheckout(api, shop.alice, id, 3)
        expect(checkout.status).toBe(201)
        expect(await listed()).toBe(7)
      })

      it("reads only the rows that changed since the last load", async () => {
        await insert("prod_ix_d", "ix-reload", 20, "Birch Stool")
        const first = await loadNow()
        expect(first?.size).toBe(20)
        await db().raw(
          `update catalog_product set name = 'Walnut Stool', search_text = 'walnut stool',
             sync_version = sync_version + 1000 where id = 'prod_ix_d00001'`
        )
        await db().raw(`delete from catalog_product where id = 'prod_ix_d00002'`)
        const second = await loadNow()
        expect(second?.size).toBe(19)
        // Unchanged rows are the same objects; the changed one was read again.
        expect(second?.rows.get("prod_ix_d00003")).toBe(first?.rows.get("prod_ix_d00003"))
        expect(second?.rows.get("prod_ix_d00001")?.nameKey).toBe("walnut stool")
        expect(second?.lexemes).toContain("walnut")
        // Over the size limit: no index for this catalog.
        expect(await loadNow(5)).toBeNull()
      })
    })
  },
})
