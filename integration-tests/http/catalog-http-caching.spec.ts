import zlib from "node:zlib"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  addAndCheckout,
  createAdminUser,
  createCommerceSetup,
  createShop,
  rawGet,
  rawStreamUntil,
  registerAndLogin,
  type AdminSession,
  type CatalogProduct,
} from "../helpers"

process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }
const PUBLIC = "public, max-age=10, stale-while-revalidate=30"
/** Long enough that a page of four products is above the 1 KiB compression threshold. */
const DESCRIPTION = "A sturdy lamp for desks and bedside tables, with a warm light. ".repeat(4)

function varyOf(headers: Record<string, unknown>): string[] {
  return String(headers["vary"] ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let baseUrl: string

    beforeEach(async () => {
      admin = await createAdminUser(getContainer(), api)
      await createCommerceSetup(getContainer())
      baseUrl = String(api.defaults.baseURL)
    })

    // Axios errors hold sockets, which jest's worker cannot report: nothing here throws.
    function get(path: string, headers: Record<string, string> = {}) {
      return api.get(path, { headers, ...anyStatus })
    }

    async function seed(count: number, extra: { is_active?: boolean } = {}) {
      const products: CatalogProduct[] = []
      for (let index = 0; index < count; index++) {
        const created = await api.post(
          "/products",
          {
            name: `Lamp ${index}`,
            price: `${10 + index}.50`,
            description: DESCRIPTION,
            tags: ["light"],
            stock_quantity: 5,
            ...extra,
          },
          { headers: admin.headers, ...anyStatus }
        )
        expect({ status: created.status, body: created.data }).toMatchObject({
          status: 201,
          body: { id: expect.any(String) },
        })
        products.push(created.data as CatalogProduct)
      }
      return products
    }

    describe("ETag and conditional requests", () => {
      it("answers If-None-Match with a 304 without a body, until a write changes the answer", async () => {
        const [lamp] = await seed(1)
        for (const path of [`/products/${lamp.id}`, "/products", "/products/search?q=lamp"]) {
          const first = await rawGet(baseUrl, path)
          expect(first.status).toBe(200)
          const etag = String(first.headers.etag)
          expect(etag).toMatch(/^W\/".+"$/)

          const again = await rawGet(baseUrl, path, { "If-None-Match": etag })
          expect({ path, status: again.status, bytes: again.body.length }).toEqual({
            path,
            status: 304,
            bytes: 0,
          })
          expect(again.headers.etag).toBe(etag)
          expect(again.headers["cache-control"]).toBe(PUBLIC)

          const other = await rawGet(baseUrl, path, { "If-None-Match": 'W/"something-else"' })
          expect(other.status).toBe(200)
        }

        const before = await rawGet(baseUrl, `/products/${lamp.id}`)
        const listBefore = await rawGet(baseUrl, "/products")
        const updated = await api.put(
          `/products/${lamp.id}`,
          { price: "99.00" },
          { headers: admin.headers, ...anyStatus }
        )
        expect(updated.status).toBe(200)

        const after = await rawGet(baseUrl, `/products/${lamp.id}`, {
          "If-None-Match": String(before.headers.etag),
        })
        expect(after.status).toBe(200)
        expect(JSON.parse(after.body.toString()).price).toBe("99.00")
        expect(after.headers.etag).not.toBe(before.headers.etag)
        const listAfter = await rawGet(baseUrl, "/products", {
          "If-None-Match": String(listBefore.headers.etag),
        })
        expect(listAfter.status).toBe(200)
      })

      it("gives the category tree an ETag too", async () => {
        const tree = await rawGet(baseUrl, "/products/categories")
        expect(tree.headers["cache-control"]).toBe(PUBLIC)
        const again = await rawGet(baseUrl, "/products/categories", {
          "If-None-Match": String(tree.headers.etag),
        })
        expect(again.status).toBe(304)
      })
    })

    describe("Cache-Control and Vary", () => {
      it("lets a CDN keep anonymous answers briefly, never a signed-in or admin one", async () => {
        const [lamp] = await seed(1)
        const [draft] = await seed(1, { is_active: false })
        const alice = await registerAndLogin(api)

        const anonymous = await get(`/products/${lamp.id}`)
        expect(anonymous.headers["cache-control"]).toBe(PUBLIC)
        expect(varyOf(anonymous.headers)).toEqual(
          expect.arrayContaining(["authorization", "accept-encoding"])
        )

        const customer = await get(`/products/${lamp.id}`, alice.headers)
        expect(customer.headers["cache-control"]).toBe("private, no-cache")
        expect(customer.headers.etag).toBe(anonymous.headers.etag)

        const adminList = await get("/products?include_inactive=true", admin.headers)
        expect(adminList.data.items.map((item: CatalogProduct) => item.id)).toContain(draft.id)
        expect(adminList.headers["cache-control"]).toBe("private, no-store")
        expect(varyOf(adminList.headers)).toContain("authorization")

        const adminDraft = await get(`/products/${draft.id}`, admin.headers)
        expect(adminDraft.headers["cache-control"]).toBe("private, no-store")
        const publicDraft = await get(`/products/${draft.id}`)
        expect(publicDraft.status).toBe(404)
        expect(publicDraft.headers["cache-control"]).toBe("no-store")
      })

      it("sends no-store on personal routes: cart, orders, account, payments, auth, admin", async () => {
        const alice = await registerAndLogin(api)
        const login = await api.post(
          "/auth/login",
          { email: alice.email, password: alice.password },
          anyStatus
        )
        expect(login.status).toBe(200)
        expect(login.headers["cache-control"]).toBe("no-store")
        const personal = [
          ["/cart", alice.headers],
          ["/orders", alice.headers],
          [`/users/${alice.id}`, alice.headers],
          ["/auth/me", alice.headers],
          ["/payments/methods", alice.headers],
          ["/admin/reviews", admin.headers],
          ["/admin/products", admin.headers],
        ] as const
        for (const [path, headers] of personal) {
          const response = await get(path, headers)
          // The route answered (an empty cart may be a 409); whatever it said is not stored.
          expect(response.status).not.toBe(404)
          expect({ path, cache: response.headers["cache-control"] }).toEqual({
            path,
            cache: "no-store",
          })
        }
      })
    })

    describe("compression", () => {
      it("negotiates gzip and br for answers of 1 KiB or more, same bytes once decoded", async () => {
        await seed(4)
        const identity = await rawGet(baseUrl, "/products")
        expect(identity.headers["content-encoding"]).toBeUndefined()
        expect(identity.body.length).toBeGreaterThan(1024)

        const gzip = await rawGet(baseUrl, "/products", { "Accept-Encoding": "gzip" })
        expect(gzip.headers["content-encoding"]).toBe("gzip")
        expect(zlib.gunzipSync(gzip.body).equals(identity.body)).toBe(true)
        expect(gzip.body.length).toBeLessThan(identity.body.length / 2)

        const br = await rawGet(baseUrl, "/products", { "Accept-Encoding": "gzip, deflate, br" })
        expect(br.headers["content-encoding"]).toBe("br")
        expect(zlib.brotliDecompressSync(br.body).equals(identity.body)).toBe(true)

        // One tag for the answer however it is encoded (weak), so revalidation works for all.
        expect(new Set([identity, gzip, br].map((answer) => answer.headers.etag)).size).toBe(1)
        const notModified = await rawGet(baseUrl, "/products", {
          "Accept-Encoding": "br",
          "If-None-Match": String(identity.headers.etag),
        })
        expect({ status: notModified.status, bytes: notModified.body.length }).toEqual({
          status: 304,
          bytes: 0,
        })
      })

      it("sends small answers and clients without Accept-Encoding uncompressed", async () => {
        const [lamp] = await seed(4)
        const small = await rawGet(baseUrl, `/products/${lamp.id}?fields=id,price`, {
          "Accept-Encoding": "gzip, br",
        })
        expect(small.status).toBe(200)
        expect(small.body.length).toBeLessThan(1024)
        expect(small.headers["content-encoding"]).toBeUndefined()
        expect(JSON.parse(small.body.toString())).toEqual({ id: lamp.id, price: "10.50" })

        const identityOnly = await rawGet(baseUrl, "/products", { "Accept-Encoding": "identity" })
        expect(identityOnly.headers["content-encoding"]).toBeUndefined()
        expect(JSON.parse(identityOnly.body.toString()).items).toHaveLength(4)
      })

      it("keeps Server-Sent Events streaming, uncompressed", async () => {
        const { product, alice } = await createShop(getContainer(), api, {
          name: "Desk",
          price: "30.00",
          stock_quantity: 10,
        })
        const stream = await rawStreamUntil(
          baseUrl,
          "/orders/events",
          { ...alice.headers, Accept: "text/event-stream", "Accept-Encoding": "gzip, br" },
          (text) => /\nevent: /.test(`\n${text}`),
          30_000,
          async () => {
            const placed = await addAndCheckout(api, alice, product.id)
            expect(placed.status).toBe(201)
          }
        )
        expect(stream.status).toBe(200)
        expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/)
        expect(stream.headers["content-encoding"]).toBeUndefined()
        expect(stream.text).toMatch(/^retry: \d+/)
      })
    })

    describe("sparse field sets", () => {
      it("returns only the asked fields (and id) on list, search and detail", async () => {
        const [lamp] = await seed(2)
        const list = await get("/products?fields=price,name&sort=price_asc")
        expect(list.data.items).toEqual([
          { id: lamp.id, name: "Lamp 0", price: "10.50" },
          expect.objectContaining({ name: "Lamp 1" }),
        ])
        expect(Object.keys(list.data.items[1]).sort()).toEqual(["id", "name", "price"])
        expect(list.data).toMatchObject({ count: 2, limit: 20, offset: 0 })

        const search = await get("/products/search?q=lamp&fields=stock_quantity")
        expect(search.data.items.map((item: object) => Object.keys(item).sort())).toEqual([
          ["id", "stock_quantity"],
          ["id", "stock_quantity"],
        ])
        expect(search.data.facets.categories).toBeDefined()

        const detail = await get(`/products/${lamp.id}?fields=name,in_stock`)
        expect(detail.data).toEqual({ id: lamp.id, name: "Lamp 0", in_stock: true })

        // Same set in another order: the same cached answer and tag.
        const reordered = await get(`/products/${lamp.id}?fields=in_stock,name`)
        expect(reordered.headers.etag).toBe(detail.headers.etag)
        const full = await get(`/products/${lamp.id}`)
        expect(full.headers.etag).not.toBe(detail.headers.etag)

        // A write shows in the projected answer on the next read.
        const renaming = await api.put(
          `/products/${lamp.id}`,
          { name: "Lamp renamed" },
          { headers: admin.headers, ...anyStatus }
        )
        expect(renaming.status).toBe(200)
        const renamed = await get(`/products/${lamp.id}?fields=name,in_stock`)
        expect(renamed.data.name).toBe("Lamp renamed")
      })

      it("refuses unknown, empty, NUL, repeated and oversized field sets with a 400", async () => {
        const [lamp] = await seed(1)
        const bad = [
          `/products?fields=name,secret`,
          `/products/${lamp.id}?fields=__proto__`,
          `/products/search?q=lamp&fields=name,,price`,
          `/products?fields=`,
          `/products?fields=name%00`,
          `/products?fields=name&fields=price`,
          `/products/${lamp.id}?fields=${"name,".repeat(200)}id`,
        ]
        for (const path of bad) {
          const response = await get(path)
          expect({ path, status: response.status, type: response.data?.type }).toEqual({
            path,
            status: 400,
            type: "invalid_data",
          })
          expect(response.headers["cache-control"]).toBe("no-store")
        }
        const unknown = await get("/products?fields=name,secret")
        expect(unknown.data.errors).toEqual([
          { field: "fields", message: expect.stringContaining('"secret"') },
        ])
      })
    })
  },
})
