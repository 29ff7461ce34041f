// Statement counts show how often the tree is rendered (single flight).
process.env.SQL_STATEMENT_COUNTER = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  batchLinkProductsToCategoryWorkflow,
  deleteProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosResponse } from "axios"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { invalidateCategoryTree } from "../../src/queries/catalog/category-tree"
import { syncCatalogProductsWorkflow } from "../../src/workflows/catalog/sync-catalog-products"
import {
  createAdminUser,
  createProduct,
  createStoreContext,
  registerAndLogin,
  type AdminSession,
  type EngineUser,
  type StoreContext,
  waitFor,
} from "../helpers"

process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }

function statementsOf(response: AxiosResponse): number {
  const header = response.headers["x-sql-statements"]
  expect(header).toMatch(/^\d+$/)
  return Number(header)
}

type Node = {
  id: string
  name: string
  handle: string
  product_count: number
  is_active?: boolean
  is_internal?: boolean
  children: Node[]
}

/** name → [product_count, child names] over the whole forest, for compact assertions. */
function summary(nodes: Node[]): Record<string, [number, string[]]> {
  const out: Record<string, [number, string[]]> = {}
  const walk = (list: Node[]) => {
    for (const node of list) {
      out[node.name] = [node.product_count, node.children.map((child) => child.name)]
      walk(node.children)
    }
  }
  walk(nodes)
  return out
}

async function link(container: MedusaContainer, categoryId: string, productIds: string[]) {
  await batchLinkProductsToCategoryWorkflow(container).run({
    input: { id: categoryId, add: productIds },
  })
}

/**
 * A cache measurement, repeated (three tries at most) while a background catalog write
 * lands in the middle of it: the fixture's product events are still being synced by the
 * event bus's subscribers when the first tests run, and each sync clears the cache, so a
 * hit would count a re-render. The last try is what the test asserts on.
 */
async function measuredQuietly<T>(measure: () => Promise<T>, quiet: (result: T) => boolean) {
  let result = await measure()
  for (let attempt = 1; attempt < 3 && !quiet(result); attempt++) {
    result = await measure()
  }
  return result
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let customer: EngineUser
    let store: StoreContext
    let ids: Record<string, string>
    let products: Record<string, string>

    const asAdmin = () => ({ headers: admin.headers, ...anyStatus })
    const create = (body: Record<string, unknown>) =>
      api.post("/products/categories", body, asAdmin())

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      customer = await registerAndLogin(api)
      store = await createStoreContext(container)

      ids = {}
      for (const [key, body] of [
        ["clothing", { name: "Clothing", rank: 0 }],
        ["staff", { name: "Staff picks", is_internal: true, rank: 1 }],
      ] as const) {
        const response = await create(body)
        expect(response.status).toBe(201)
        ids[key] = response.data.id
      }
      for (const [key, body] of [
        ["shirts", { name: "Shirts", parent_id: ids.clothing, rank: 0 }],
        ["shoes", { name: "Shoes", parent_id: ids.clothing, rank: 1 }],
        ["archive", { name: "Archive", parent_id: ids.clothing, is_active: false }],
      ] as const) {
        ids[key] = (await create(body)).data.id
      }
      ids.boots = (await create({ name: "Boots", parent_id: ids.shoes })).data.id

      products = {}
      for (const [key, status] of [
        ["boots", ProductStatus.PUBLISHED],
        ["shirt", ProductStatus.PUBLISHED],
        ["draftShirt", ProductStatus.DRAFT],
        ["archived", ProductStatus.PUBLISHED],
        ["staffPick", ProductStatus.PUBLISHED],
        ["deletedShirt", ProductStatus.PUBLISHED],
      ] as const) {
        products[key] = (await createProduct(container, store, { status })).product.id
      }
      // The boots are in Boots and in its parent Shoes: counted once in Shoes and Clothing.
      await link(container, ids.boots, [products.boots])
      await link(container, ids.shoes, [products.boots])
      await link(container, ids.shirts, [
        products.shirt,
        products.draftShirt,
        products.deletedShirt,
      ])
      await link(container, ids.archive, [products.archived])
      await link(container, ids.staff, [products.staffPick])
      await deleteProductsWorkflow(container).run({ input: { ids: [products.deletedShirt] } })
      // Product changes reach the tree through the catalog sync (its read model), which
      // clears the cache; run it now rather than wait for Medusa's events.
      await syncCatalogProductsWorkflow(container).run({
        input: { product_ids: Object.values(products) },
      })
    })

    describe("GET /products/categories", () => {
      it("is the visible tree with counts of published products, branches included", async () => {
        const response = await api.get("/products/categories")
        expect(response.status).toBe(200)
        expect(summary(response.data.categories)).toEqual({
          Clothing: [2, ["Shirts", "Shoes"]],
          Shirts: [1, []],
          Shoes: [1, ["Boots"]],
          Boots: [1, []],
        })
        const [clothing] = response.data.categories
        expect(clothing).toEqual({
          id: ids.clothing,
          name: "Clothing",
          handle: "clothing",
          description: null,
          parent_id: null,
          rank: 0,
          product_count: 2,
          children: expect.any(Array),
        })
        expect(clothing.children[1].children[0]).toMatchObject({
          id: ids.boots,
          parent_id: ids.shoes,
        })

        // A customer sees what anyone sees.
        const asCustomer = await api.get("/products/categories", { headers: customer.headers })
        expect(asCustomer.data).toEqual(response.data)
      })

      it("shows admins inactive and internal categories with their flags", async () => {
        const response = await api.get("/products/categories", { headers: admin.headers })
        expect(summary(response.data.categories)).toEqual({
          Clothing: [3, ["Shirts", "Shoes", "Archive"]],
          Shirts: [1, []],
          Shoes: [1, ["Boots"]],
          Boots: [1, []],
          Archive: [1, []],
          "Staff picks": [1, []],
        })
        const [clothing, staff] = response.data.categories
        expect(clothing).toMatchObject({ is_active: true, is_internal: false })
        expect(staff).toMatchObject({ is_active: true, is_internal: true })
        expect(clothing.children[2]).toMatchObject({ name: "Archive", is_active: false })
      })

      it("is served from the cache until a catalog write clears it", async () => {
        const { before, hit } = await measuredQuietly(
          async () => {
            await invalidateCategoryTree(getContainer())
            const before = await api.get("/products/categories")
            return { before, hit: await api.get("/products/categories") }
          },
          ({ hit }) => statementsOf(hit) === 0
        )
        expect(summary(before.data.categories).Shirts).toEqual([1, []])
        expect(statementsOf(before)).toBeGreaterThan(0)
        // A hit reads nothing from the database.
        expect(statementsOf(hit)).toBe(0)

        const renamed = await api.put(
          `/products/categories/${ids.shirts}`,
          { name: "Shirts & tops" },
          asAdmin()
        )
        expect(renamed.status).toBe(200)
        const after = await api.get("/products/categories")
        expect(summary(after.data.categories)).toMatchObject({
          Clothing: [2, ["Shirts & tops", "Shoes"]],
          "Shirts & tops": [1, []],
        })
      })

      it("renders a cold tree once however many requests arrive together", async () => {
        const { one, together, total } = await measuredQuietly(
          async () => {
            await invalidateCategoryTree(getContainer())
            const one = statementsOf(await api.get("/products/categories"))
            await invalidateCategoryTree(getContainer())
            const together = await Promise.all(
              Array.from({ length: 6 }, () => api.get("/products/categories"))
            )
            const total = together.reduce((sum, response) => sum + statementsOf(response), 0)
            return { one, together, total }
          },
          ({ one, total }) => total === one
        )
        expect(together.map((response) => response.status)).toEqual(Array(6).fill(200))
        expect(new Set(together.map((response) => JSON.stringify(response.data))).size).toBe(1)
        // One rendering's statements in all: the others waited for it.
        expect(total).toBe(one)
      })

      it("counts from the catalog read model, not by reading Medusa's products", async () => {
        // A row only the read model has (as after a bulk import synced into it): the tree
        // follows the read model, whatever Medusa's product table holds.
        const catalog = getContainer().resolve<CatalogModuleService>(CATALOG_MODULE)
        const [row] = await catalog.listCatalogProducts({ id: products.shirt })
        const { created_at: _created, updated_at: _updated, deleted_at: _deleted, ...fields } = row
        await catalog.createCatalogProducts([
          {
            ...fields,
            id: "prod_read_model_only",
            handle: "read-model-only",
            direct_category_ids: [ids.boots],
            category_ids: [ids.clothing, ids.shoes, ids.boots],
          },
        ])
        await invalidateCategoryTree(getContainer())
        const response = await api.get("/products/categories")
        expect(summary(response.data.categories)).toMatchObject({
          Clothing: [3, ["Shirts", "Shoes"]],
          Shoes: [2, ["Boots"]],
          Boots: [2, []],
        })
      })

      it("follows products changed through Medusa's own workflows (catalog sync)", async () => {
        const before = await api.get("/products/categories")
        expect(summary(before.data.categories).Shirts).toEqual([1, []])
        const extra = await createProduct(getContainer(), store)
        // Medusa's own admin route (the dashboard's "add products"), which emits no product
        // event: the engine asks for a catalog sync once it has answered.
        const linked = await api.post(
          `/admin/product-categories/${ids.shirts}/products`,
          { add: [extra.product.id] },
          asAdmin()
        )
        expect(linked.status).toBe(200)
        const shirtsCount = async () =>
          summary((await api.get("/products/categories")).data.categories).Shirts
        await waitFor(async () => JSON.stringify(await shirtsCount()) === JSON.stringify([2, []]))
        const shirts = await shirtsCount()
        expect(shirts).toEqual([2, []])
      })

      it("refuses a bad token and unknown query parameters", async () => {
        const badToken = await api.get("/products/categories", {
          headers: { authorization: "Bearer not-a-token" },
          ...anyStatus,
        })
        expect(badToken.status).toBe(401)
        expect((await api.get("/products/categories?limit=5", anyStatus)).status).toBe(400)
      })
    })

    describe("POST /products/categories", () => {
      it("creates a category (201) with a handle from its name by default", async () => {
        const response = await create({
          name: "Winter Coats",
          description: "Warm",
          parent_id: ids.clothing,
        })
        expect(response.status).toBe(201)
        expect(response.data).toEqual({
          id: expect.stringMatching(/^pcat_/),
          name: "Winter Coats",
          handle: "winter-coats",
          description: "Warm",
          parent_id: ids.clothing,
          rank: 3,
          is_active: true,
          is_internal: false,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        const explicit = await create({ name: "Hats", handle: "all-hats", rank: 0 })
        expect(explicit.data).toMatchObject({ handle: "all-hats", parent_id: null, rank: 0 })
        const tree = await api.get("/products/categories")
        expect(tree.data.categories.map((node: Node) => node.name)).toEqual(["Hats", "Clothing"])
      })

      it("is 400 for invalid bodies and unknown fields", async () => {
        for (const body of [
          {},
          { name: "" },
          { name: "X", handle: "Not A Handle" },
          { name: "X", rank: -1 },
          { name: "X", is_active: "yes" },
          { name: "X", mpath: "a.b" },
        ]) {
          const response = await create(body)
          expect({ body, status: response.status }).toEqual({ body, status: 400 })
          expect(response.data.errors).toEqual(expect.any(Array))
        }
      })

      it("is 401 without a token and 403 for a customer", async () => {
        expect((await api.post("/products/categories", { name: "X" }, anyStatus)).status).toBe(401)
        const asCustomer = await api.post(
          "/products/categories",
          { name: "X" },
          { headers: customer.headers, ...anyStatus }
        )
        expect(asCustomer.status).toBe(403)
      })

      it("is 404 for an unknown parent and 409 for a taken handle", async () => {
        const orphan = await create({ name: "Orphan", parent_id: "pcat_doesnotexist" })
        expect(orphan.status).toBe(404)
        const duplicate = await create({ name: "Other", handle: "clothing" })
        expect(duplicate.status).toBe(409)
        expect(duplicate.data.message).toContain("clothing")
        // The same name derives the same handle.
        expect((await create({ name: "Shoes" })).status).toBe(409)
      })
    })

    describe("PUT /products/categories/{id}", () => {
      it("changes only the fields sent, and moves categories", async () => {
        const response = await api.put(
          `/products/categories/${ids.boots}`,
          { description: "Sturdy", is_active: false },
          asAdmin()
        )
        expect(response.status).toBe(200)
        expect(response.data).toMatchObject({
          id: ids.boots,
          name: "Boots",
          handle: "boots",
          description: "Sturdy",
          parent_id: ids.shoes,
          is_active: false,
        })
        const hidden = await api.get("/products/categories")
        expect(summary(hidden.data.categories).Shoes).toEqual([1, []])

        const moved = await api.put(
          `/products/categories/${ids.boots}`,
          { parent_id: null, is_active: true },
          asAdmin()
        )
        expect(moved.data).toMatchObject({ parent_id: null })
        const tree = await api.get("/products/categories")
        expect(summary(tree.data.categories)).toMatchObject({
          Clothing: [2, ["Shirts", "Shoes"]],
          Shoes: [1, []],
          Boots: [1, []],
        })
      })

      it("is 409 for a move under itself or a descendant, or a taken handle", async () => {
        const put = (id: string, body: Record<string, unknown>) =>
          api.put(`/products/categories/${id}`, body, asAdmin())
        const self = await put(ids.clothing, { parent_id: ids.clothing })
        expect(self.status).toBe(409)
        expect(self.data.message).toContain("own parent")
        const descendant = await put(ids.clothing, { parent_id: ids.boots })
        expect(descendant.status).toBe(409)
        expect(descendant.data.message).toContain("descendants")
        expect((await put(ids.shirts, { handle: "shoes" })).status).toBe(409)
        // Its own handle is not a conflict.
        expect((await put(ids.shirts, { handle: "shirts" })).status).toBe(200)

        const tree = await api.get("/products/categories", { headers: admin.headers })
        expect(tree.data.categories.map((node: Node) => node.name)).toEqual([
          "Clothing",
          "Staff picks",
        ])
      })

      it("is 400 for an empty or unknown body, 401/403 for others, 404 when unknown", async () => {
        expect((await api.put(`/products/categories/${ids.shirts}`, {}, asAdmin())).status).toBe(
          400
        )
        const unknownKey = await api.put(
          `/products/categories/${ids.shirts}`,
          { name: "X", parent_category_id: null },
          asAdmin()
        )
        expect(unknownKey.status).toBe(400)
        const path = `/products/categories/${ids.shirts}`
        expect((await api.put(path, { name: "X" }, anyStatus)).status).toBe(401)
        const asCustomer = await api.put(
          path,
          { name: "X" },
          { headers: customer.headers, ...anyStatus }
        )
        expect(asCustomer.status).toBe(403)
        const unknown = await api.put("/products/categories/pcat_nope", { name: "X" }, asAdmin())
        expect(unknown.status).toBe(404)
        const unknownParent = await api.put(path, { parent_id: "pcat_nope" }, asAdmin())
        expect(unknownParent.status).toBe(404)
      })
    })

    describe("DELETE /products/categories/{id}", () => {
      it("deletes a leaf category; its products lose it", async () => {
        const response = await api.delete(`/products/categories/${ids.shirts}`, asAdmin())
        expect(response.status).toBe(204)

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [shirt],
        } = await query.graph({
          entity: "product",
          fields: ["id", "categories.id"],
          filters: { id: products.shirt },
        })
        expect(shirt.categories).toEqual([])

        const tree = await api.get("/products/categories")
        expect(summary(tree.data.categories)).toMatchObject({ Clothing: [1, ["Shoes"]] })
        const again = await api.delete(`/products/categories/${ids.shirts}`, asAdmin())
        expect(again.status).toBe(404)
        // The handle is free again.
        expect((await create({ name: "Shirts" })).status).toBe(201)
      })

      it("is 409 for a category with children, 401/403 for others", async () => {
        const parent = await api.delete(`/products/categories/${ids.shoes}`, asAdmin())
        expect(parent.status).toBe(409)
        expect(parent.data.message).toContain("child categories")
        const path = `/products/categories/${ids.boots}`
        expect((await api.delete(path, anyStatus)).status).toBe(401)
        expect((await api.delete(path, { headers: customer.headers, ...anyStatus })).status).toBe(
          403
        )
        const tree = await api.get("/products/categories")
        expect(summary(tree.data.categories).Shoes).toEqual([1, ["Boots"]])
      })
    })
  },
})
