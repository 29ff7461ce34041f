import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { REVIEW_MODULE } from "../../src/modules/review"
import type ReviewModuleService from "../../src/modules/review/service"
import { syncCatalogProductsWorkflow } from "../../src/workflows/catalog/sync-catalog-products"
import { createAdminUser, createCatalogProduct, type CatalogProduct } from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

type Seeded = {
  ids: Record<string, string>
  categories: Record<string, string>
}

/** Approved reviews with these ratings, through the review module, then a catalog sync. */
async function rate(container: MedusaContainer, productId: string, ratings: number[]) {
  const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
  await reviews.createReviews(
    ratings.map((rating, i) => ({
      product_id: productId,
      customer_id: `cus_rater_${productId}_${i}`,
      rating,
      title: "t",
      body: "b",
      status: "approved" as const,
      verified_purchase: false,
    }))
  )
  await reviews.recomputeProductRating(productId)
  await syncCatalogProductsWorkflow(container).run({ input: { product_ids: [productId] } })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seeded: Seeded

    const names = (items: CatalogProduct[]) => items.map((p) => p.name)
    const list = async (query: string) => {
      const response = await api.get(`/products${query}`)
      return response.data as { items: CatalogProduct[]; count: number }
    }

    // One catalog for the whole file: the runner snapshots the database after beforeAll
    // and restores it before each test.
    beforeAll(async () => {
      const container = getContainer()
      const admin = await createAdminUser(container, api)
      const [existing] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})
      if (!existing) {
        await createStockLocationsWorkflow(container).run({
          input: { locations: [{ name: "Main" }] },
        })
      }
      const category = async (name: string, parent_id?: string) =>
        (await api.post("/products/categories", { name, parent_id }, { headers: admin.headers }))
          .data.id as string
      const electronics = await category("Electronics")
      const accessories = await category("Computer accessories", electronics)
      const home = await category("Home")

      const products: [string, Parameters<typeof createCatalogProduct>[2]][] = [
        [
          "mouse",
          {
            name: "Wireless Mouse",
            price: "19.99",
            category_id: accessories,
            tags: ["wireless"],
            stock_quantity: 10,
          },
        ],
        [
          "keyboard",
          {
            name: "Ergonomic Keyboard",
            price: "89.00",
            category_id: accessories,
            tags: ["office"],
            stock_quantity: 0,
          },
        ],
        [
          "headphones",
          {
            name: "Wireless Headphones",
            price: "149.50",
            category_id: electronics,
            tags: ["wireless", "audio"],
            stock_quantity: 4,
          },
        ],
        [
          "lamp",
          {
            name: "Bamboo Desk Lamp",
            price: "35.00",
            category_id: home,
            tags: ["office"],
            stock_quantity: 7,
            description: "Warm light for a wooden desk",
          },
        ],
        ["mug", { name: "Ceramic Mug", price: "9.50", category_id: home, stock_quantity: 100 }],
        [
          "monitor",
          {
            name: "Ultrawide Monitor",
            price: "649.00",
            category_id: electronics,
            stock_quantity: 2,
          },
        ],
        [
          "cable",
          {
            name: "USB-C Cable",
            price: "9.50",
            category_id: accessories,
            tags: ["office"],
            stock_quantity: 50,
          },
        ],
        [
          "draft",
          {
            name: "Wireless Prototype",
            price: "5.00",
            category_id: accessories,
            tags: ["wireless"],
            stock_quantity: 5,
            is_active: false,
          },
        ],
      ]
      const ids: Record<string, string> = {}
      // One at a time: creation order is the `newest` order.
      for (const [key, body] of products) {
        ids[key] = (await createCatalogProduct(api, admin.headers, body)).id
      }
      await rate(container, ids.lamp, [5, 5])
      await rate(container, ids.mouse, [4, 5])
      await rate(container, ids.mug, [5])
      seeded = { ids, categories: { electronics, accessories, home } }
    })

    describe("GET /products: sorts", () => {
      it("lists active products newest first by default", async () => {
        const page = await list("")
        expect(page.count).toBe(7)
        expect(names(page.items)).toEqual([
          "USB-C Cable",
          "Ultrawide Monitor",
          "Ceramic Mug",
          "Bamboo Desk Lamp",
          "Wireless Headphones",
          "Ergonomic Keyboard",
          "Wireless Mouse",
        ])
      })

      it("sorts by price (ties by id, so pages are stable), name and rating", async () => {
        const asc = names((await list("?sort=price_asc")).items)
        expect(asc.slice(2)).toEqual([
          "Wireless Mouse",
          "Bamboo Desk Lamp",
          "Ergonomic Keyboard",
          "Wireless Headphones",
          "Ultrawide Monitor",
        ])
        // The two 9.50 products come first, in id order.
        const cheap = [seeded.ids.mug, seeded.ids.cable].sort()
        expect((await list("?sort=price_asc")).items.slice(0, 2).map((p) => p.id)).toEqual(cheap)
        expect(names((await list("?sort=price_desc")).items).slice(0, 2)).toEqual([
          "Ultrawide Monitor",
          "Wireless Headphones",
        ])
        expect(names((await list("?sort=name")).items)).toEqual([
          "Bamboo Desk Lamp",
          "Ceramic Mug",
          "Ergonomic Keyboard",
          "Ultrawide Monitor",
          "USB-C Cable",
          "Wireless Headphones",
          "Wireless Mouse",
        ])
        const rated = (await list("?sort=rating")).items
        expect(rated.slice(0, 3).map((p) => [p.name, p.rating_average, p.review_count])).toEqual([
          ["Bamboo Desk Lamp", 5, 2],
          ["Ceramic Mug", 5, 1],
          ["Wireless Mouse", 4.5, 2],
        ])
        expect(rated.slice(3).every((p) => p.rating_average === null && p.review_count === 0)).toBe(
          true
        )
      })

      it("pages through every sort without repeating or skipping a product", async () => {
        for (const sort of ["newest", "price_asc", "price_desc", "name", "rating"]) {
          const all = (await list(`?sort=${sort}&limit=100`)).items.map((p) => p.id)
          const paged: string[] = []
          for (let offset = 0; offset < 7; offset += 3) {
            const page = await list(`?sort=${sort}&limit=3&offset=${offset}`)
            expect(page.count).toBe(7)
            paged.push(...page.items.map((p) => p.id))
          }
          expect({ sort, paged }).toEqual({ sort, paged: all })
        }
      })
    })

    describe("GET /products: filters", () => {
      it("filters by category (sub-categories included), tag, price range, stock and text", async () => {
        const { electronics, accessories, home } = seeded.categories
        expect(names((await list(`?category_id=${home}&sort=name`)).items)).toEqual([
          "Bamboo Desk Lamp",
          "Ceramic Mug",
        ])
        expect(names((await list(`?category_id=${accessories}&sort=name`)).items)).toEqual([
          "Ergonomic Keyboard",
          "USB-C Cable",
          "Wireless Mouse",
        ])
        expect((await list(`?category_id=${electronics}`)).count).toBe(5)
        expect(names((await list("?tag=wireless&sort=name")).items)).toEqual([
          "Wireless Headphones",
          "Wireless Mouse",
        ])
        expect(names((await list("?min_price=9.50&max_price=35&sort=price_asc")).items)).toEqual(
          expect.arrayContaining([
            "Ceramic Mug",
            "USB-C Cable",
            "Wireless Mouse",
            "Bamboo Desk Lamp",
          ])
        )
        expect((await list("?min_price=9.50&max_price=35")).count).toBe(4)
        expect((await list("?min_price=9.51&max_price=34.99")).count).toBe(1)
        const inStock = await list("?in_stock=true")
        expect(inStock.count).toBe(6)
        expect(names(inStock.items)).not.toContain("Ergonomic Keyboard")
        expect((await list("?in_stock=false")).count).toBe(7)
        const combined = await list(`?category_id=${accessories}&tag=office&in_stock=true`)
        expect(names(combined.items)).toEqual(["USB-C Cable"])
        expect(names((await list("?q=wireles")).items).sort()).toEqual([
          "Wireless Headphones",
          "Wireless Mouse",
        ])
        expect((await list("?category_id=pcat_unknown")).count).toBe(0)
      })

      it("refuses bad query parameters with 400", async () => {
        for (const query of [
          "?sort=cheapest",
          "?min_price=-1",
          "?max_price=abc",
          "?min_price=50&max_price=10",
          "?in_stock=yes",
          "?limit=0",
          "?offset=-1",
          "?colour=red",
          `?q=${"x".repeat(201)}`,
        ]) {
          const response = await api.get(`/products${query}`, anyStatus)
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
        }
      })
    })

    describe("GET /products/search", () => {
      it("finds products despite typos, best match first", async () => {
        const cases: [string, string][] = [
          ["wireles mouse", "Wireless Mouse"],
          ["ergonmic keybord", "Ergonomic Keyboard"],
          ["bambo lamp", "Bamboo Desk Lamp"],
          ["headphnes", "Wireless Headphones"],
          ["wooden", "Bamboo Desk Lamp"],
          ["computer accesories", "Wireless Mouse"],
        ]
        for (const [q, first] of cases) {
          const response = await api.get(`/products/search?q=${encodeURIComponent(q)}`)
          expect({ q, first: response.data.items[0]?.name }).toEqual({ q, first })
        }
        const exact = await api.get("/products/search?q=wireless%20mouse")
        expect(names(exact.data.items)).toEqual(["Wireless Mouse"])
        const broad = await api.get("/products/search?q=wireless")
        expect(broad.data.count).toBe(2)
        expect((await api.get("/products/search?q=zzzqqq")).data).toMatchObject({
          items: [],
          count: 0,
        })
        // Inactive products are never found.
        expect(names((await api.get("/products/search?q=prototype")).data.items)).toEqual([])
      })

      it("returns category and price-range facets over all matches, with the list filters", async () => {
        const { electronics, accessories } = seeded.categories
        const response = await api.get("/products/search?q=wireless")
        expect(response.data.facets.categories).toEqual(
          expect.arrayContaining([
            { category_id: electronics, count: 2 },
            { category_id: accessories, count: 1 },
          ])
        )
        expect(response.data.facets.price_ranges).toEqual([
          { min: "0", max: "25", count: 1 },
          { min: "25", max: "100", count: 0 },
          { min: "100", max: "500", count: 1 },
          { min: "500", max: null, count: 0 },
        ])
        const filtered = await api.get(`/products/search?q=wireless&max_price=100`)
        expect(names(filtered.data.items)).toEqual(["Wireless Mouse"])
        expect(filtered.data.count).toBe(1)
        const sorted = await api.get("/products/search?q=wireless&sort=price_desc")
        expect(names(sorted.data.items)).toEqual(["Wireless Headphones", "Wireless Mouse"])
        const paged = await api.get("/products/search?q=wireless&limit=1&offset=1")
        expect(paged.data).toMatchObject({ count: 2, limit: 1, offset: 1 })
        expect(paged.data.items).toHaveLength(1)
      })

      it("matches every lexeme a word starts: descriptions, new products, short and common prefixes", async () => {
        // A word is sent to the full-text index as the catalog's lexemes it starts
        // (catalog_term) when there are at most eight: they must include description words,
        // words of products written since, and survive the lexicon's rebuild.
        const found = async (q: string) =>
          names((await api.get(`/products/search?q=${encodeURIComponent(q)}`)).data.items)
        expect(await found("woo")).toEqual(["Bamboo Desk Lamp"]) // "wooden", description only
        expect(await found("us")).toEqual(["USB-C Cable"]) // 2 letters: no typo lookup
        const admin = await createAdminUser(getContainer(), api)
        await createCatalogProduct(api, admin.headers, {
          name: "Zephyrine Kettle",
          price: "20.00",
          stock_quantity: 3,
          // "kilo" starts ten lexemes: it stays a prefix; "kilob" starts one.
          description: "Brushed kilo kiloa kilob kiloc kilod kiloe kilof kilog kiloh kiloi",
        })
        for (const q of ["zephyr", "brush", "kilo", "kilob", "zephyr kilo", "zephyrne kettle"]) {
          expect({ q, found: await found(q) }).toEqual({ q, found: ["Zephyrine Kettle"] })
        }
        expect(await found("kilobx")).toEqual([])
        await getContainer().resolve<CatalogModuleService>(CATALOG_MODULE).rebuildLexicon()
        expect(await found("brush")).toEqual(["Zephyrine Kettle"])
        expect(await found("woo")).toEqual(["Bamboo Desk Lamp"])
      })

      it("needs a q, and refuses bad parameters", async () => {
        for (const query of [
          "",
          "?q=",
          "?q=mouse&sort=bogus",
          "?q=mouse&min_price=x",
          "?q=a&x=1",
        ]) {
          const response = await api.get(`/products/search${query}`, anyStatus)
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
        }
        // Query syntax is data, never tsquery operators.
        const odd = await api.get(`/products/search?q=${encodeURIComponent("mouse & | ! ( ' :*")}`)
        expect(odd.status).toBe(200)
        expect(names(odd.data.items)).toContain("Wireless Mouse")
      })
    })

    describe("Medusa's own store API", () => {
      it("shows a product created through /products to the js-sdk with a publishable key", async () => {
        const container = getContainer()
        const [store] = await container.resolve(Modules.STORE).listStores()
        const {
          result: [key],
        } = await createApiKeysWorkflow(container).run({
          input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
        })
        await linkSalesChannelsToApiKeyWorkflow(container).run({
          input: { id: key.id, add: [store.default_sales_channel_id as string] },
        })
        const sdk = new Medusa({
          baseUrl: api.defaults.baseURL as string,
          publishableKey: key.token,
        })
        const { products, count } = await sdk.store.product.list({ limit: 50 })
        expect(count).toBe(7)
        const mouse = products.find((p) => p.id === seeded.ids.mouse)
        expect(mouse?.title).toBe("Wireless Mouse")
        expect(products.map((p) => p.id)).not.toContain(seeded.ids.draft)
      })
    })
  },
})
