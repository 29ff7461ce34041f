import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryItemsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import {
  createAdminUser,
  createCatalogProduct,
  createCommerceSetup,
  createShoppers,
  stockOf,
  TEST_ADDRESS,
  waitFor,
  type AdminSession,
  type CommerceSetup,
  type Shopper,
} from "../helpers"

jest.setTimeout(300_000)

const anyStatus = { validateStatus: () => true }

/** Runs `task` over `items`, at most `width` at a time (seeding, not the race itself). */
async function inBatches<T>(items: T[], width: number, task: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(task))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      setup = await createCommerceSetup(container)
    })

    const add = (who: Shopper, productId: string, quantity = 1) =>
      api.post("/cart/add", { product_id: productId, quantity }, { headers: who.headers })
    const checkout = (who: Shopper, headers: Record<string, string> = {}, body = {}) =>
      api.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS, ...body },
        { headers: { ...who.headers, ...headers }, ...anyStatus }
      )
    const ordersOf = async (customerId: string) =>
      getContainer()
        .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        .listOrderLifecycles({ customer_id: customerId })

    it("sells exactly the stock when 100 customers check out the last 10 units at once", async () => {
      const product = await createCatalogProduct(api, admin.headers, {
        name: "Limited Print",
        price: "120.00",
        stock_quantity: 10,
      })
      const shoppers = await createShoppers(getContainer(), 100)
      await inBatches(shoppers, 10, (shopper) => add(shopper, product.id))

      const responses = await Promise.all(shoppers.map((shopper) => checkout(shopper)))

      const statuses = responses.map((response) => response.status)
      expect(statuses.filter((status) => status === 201)).toHaveLength(10)
      const refused = responses.filter((response) => response.status !== 201)
      expect(refused).toHaveLength(90)
      for (const response of refused) {
        expect(response.status).toBe(409)
        expect(response.data).toEqual({
          type: "conflict",
          message: expect.stringMatching(/^Not enough stock for Limited Print/),
        })
      }
      const container = getContainer()
      expect(await stockOf(container, product.id)).toEqual(
        expect.objectContaining({ stocked: 10, reserved: 10, available: 0 })
      )
      const lifecycles = await container
        .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        .listOrderLifecycles({})
      expect(lifecycles).toHaveLength(10)
      const reservations = await container.resolve(Modules.INVENTORY).listReservationItems({
        inventory_item_id: (await stockOf(container, product.id)).inventoryItemId,
      })
      expect(reservations).toHaveLength(10)
      expect(reservations.every((reservation) => !!reservation.line_item_id)).toBe(true)
    })

    it("makes one order when the same cart is checked out 20 times at once", async () => {
      const product = await createCatalogProduct(api, admin.headers, {
        name: "Kettle",
        price: "30.00",
        stock_quantity: 50,
      })
      const [alice] = await createShoppers(getContainer(), 1)
      await add(alice, product.id, 2)

      const responses = await Promise.all(Array.from({ length: 20 }, () => checkout(alice)))

      expect(responses.filter((response) => response.status === 201)).toHaveLength(1)
      for (const response of responses.filter((r) => r.status !== 201)) {
        // Either the cart was already checked out, or it was and the request found the
        // customer's new, empty cart.
        expect([409, 400]).toContain(response.status)
      }
      expect(await ordersOf(alice.id)).toHaveLength(1)
      expect(await stockOf(getContainer(), product.id)).toMatchObject({ reserved: 2 })
    })

    it("orders every cart when 16 customers buy the same two products at once", async () => {
      const [lamp, shade] = await Promise.all(
        ["Brass Lamp", "Linen Shade"].map((name) =>
          createCatalogProduct(api, admin.headers, { name, price: "40.00", stock_quantity: 100 })
        )
      )
      const shoppers = await createShoppers(getContainer(), 16)
      await inBatches(shoppers, 8, async (shopper) => {
        await add(shopper, lamp.id)
        await add(shopper, shade.id)
      })

      // Each checkout locks both products' inventory items. Taken each on its own, two
      // checkouts could each hold one and wait for the other until both gave up (a 409
      // after 30 s); taken in one order, they queue (src/modules/locking-redis).
      const responses = await Promise.all(shoppers.map((shopper) => checkout(shopper)))

      expect(responses.map((response) => response.status)).toEqual(shoppers.map(() => 201))
      const container = getContainer()
      for (const product of [lamp, shade]) {
        expect(await stockOf(container, product.id)).toMatchObject({ reserved: 16, available: 84 })
      }
    })

    it("counts two lines that share one inventory item together", async () => {
      const container = getContainer()
      const {
        result: [inventoryItem],
      } = await createInventoryItemsWorkflow(container).run({
        input: {
          items: [
            {
              sku: "SHARED-ITEM",
              location_levels: [{ location_id: setup.stockLocationId, stocked_quantity: 3 }],
            },
          ],
        },
      })
      const [profile] = await container
        .resolve(Modules.FULFILLMENT)
        .listShippingProfiles({ type: "default" })
      const variant = (title: string) => ({
        title,
        manage_inventory: true,
        options: { Colour: title },
        prices: [{ currency_code: "usd", amount: 10 }],
        inventory_items: [{ inventory_item_id: inventoryItem.id, required_quantity: 1 }],
      })
      const {
        result: [product],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Two-tone Mug",
              status: ProductStatus.PUBLISHED,
              shipping_profile_id: profile.id,
              sales_channels: [{ id: setup.salesChannelId }],
              options: [{ title: "Colour", values: ["Red", "Blue"] }],
              variants: [variant("Red"), variant("Blue")],
            },
          ],
        },
      })
      const [alice] = await createShoppers(container, 1)
      const cartId = (await api.get("/cart", { headers: alice.headers })).data.id
      // Medusa's own store route checks each line alone, so both lines get in.
      for (const v of product.variants) {
        const response = await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: v.id, quantity: 2 },
          { headers: { ...alice.headers, ...setup.storeHeaders } }
        )
        expect(response.status).toBe(200)
      }

      const refused = await checkout(alice)
      expect(refused.status).toBe(409)
      expect(await stockOf(container, product.id)).toMatchObject({ reserved: 0, available: 3 })

      const cart = await api.get("/cart", { headers: alice.headers })
      await api.put(`/cart/${cart.data.items[1].id}`, { quantity: 1 }, { headers: alice.headers })
      const placed = await checkout(alice)
      expect(placed.status).toBe(201)
      expect(placed.data.order.item_count).toBe(3)
      expect(await stockOf(container, product.id)).toMatchObject({ reserved: 3, available: 0 })
    })

    describe("a new customer's first orders", () => {
      const order = (who: Shopper, productId: string, extra: Record<string, unknown> = {}) =>
        api.post(
          "/orders",
          {
            items: [{ product_id: productId, quantity: 1 }],
            shipping_address: TEST_ADDRESS,
            ...extra,
          },
          { headers: who.headers, ...anyStatus }
        )
      /** The catalog's stock of the product once it agrees with Medusa's inventory. */
      const catalogConverges = async (productId: string) => {
        const { available } = await stockOf(getContainer(), productId)
        await waitFor(async () => {
          const { data } = await api.get(`/products/${productId}`)
          return data.stock_quantity === available && data.in_stock === available > 0
        }, 20_000)
        return available
      }

      it("all succeed or fail cleanly when eight are placed at once (one payment account)", async () => {
        // Seven products with one unit each; the first is ordered twice. Different
        // products do not queue on one inventory lock, so the payment steps overlap.
        const products = []
        for (let i = 0; i < 7; i += 1) {
          products.push(
            await createCatalogProduct(api, admin.headers, {
              name: `Desk Fan ${i}`,
              price: "30.00",
              stock_quantity: 1,
            })
          )
        }
        const [fresh] = await createShoppers(getContainer(), 1)
        const wanted = [products[0], ...products]
        const responses = await Promise.all(wanted.map((product) => order(fresh, product.id)))
        const statuses = responses.map((response) => response.status).sort()
        expect({
          statuses,
          refusals: responses.filter((r) => r.status >= 400).map((r) => r.data.type),
        }).toEqual({ statuses: [...Array(7).fill(201), 409], refusals: ["conflict"] })
        const { data: customers } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "customer",
            fields: ["account_holders.id"],
            filters: { id: fresh.id },
          })
        const holders = (customers[0] as { account_holders?: unknown[] }).account_holders ?? []
        expect(holders).toHaveLength(1)
        // Every product sold its unit, and the catalog says so as Medusa does.
        for (const product of products) {
          expect(await catalogConverges(product.id)).toBe(0)
        }
      })

      it("the catalog shows the stock again after an order is rolled back", async () => {
        const product = await createCatalogProduct(api, admin.headers, {
          name: "Last Lamp",
          price: "30.00",
          stock_quantity: 1,
        })
        const [fresh] = await createShoppers(getContainer(), 1)
        // Refused after the stock was reserved (the shipping option is checked later): the
        // rollback gives the unit back to Medusa, and the catalog must follow.
        const refused = await order(fresh, product.id, { shipping_option_id: "so_unknown" })
        expect(refused.status).toBeGreaterThanOrEqual(400)
        expect(refused.status).toBeLessThan(500)
        expect(await catalogConverges(product.id)).toBe(1)
        // And the unit can be bought.
        expect((await order(fresh, product.id)).status).toBe(201)
        expect(await catalogConverges(product.id)).toBe(0)
      })
    })

    describe("Idempotency-Key", () => {
      let alice: Shopper
      let bob: Shopper
      let productId: string

      beforeEach(async () => {
        productId = (
          await createCatalogProduct(api, admin.headers, {
            name: "Teapot",
            price: "25.00",
            stock_quantity: 20,
          })
        ).id
        ;[alice, bob] = await createShoppers(getContainer(), 2)
      })

      it("returns the same order to a retried checkout", async () => {
        await add(alice, productId, 1)
        const key = { "idempotency-key": "checkout-alice-1" }
        const first = await checkout(alice, key)
        expect(first.status).toBe(201)
        const retry = await checkout(alice, key)
        expect(retry.status).toBe(201)
        expect(retry.headers["idempotent-replayed"]).toBe("true")
        expect(retry.data.order.id).toBe(first.data.order.id)
        expect(retry.data.payment.id).toBe(first.data.payment.id)
        expect(await ordersOf(alice.id)).toHaveLength(1)

        const changed = await checkout(alice, key, {
          shipping_address: { ...TEST_ADDRESS, city: "Albany" },
        })
        expect(changed.status).toBe(409)
        expect(await ordersOf(alice.id)).toHaveLength(1)
      })

      it("gives concurrent retries of one checkout the same order", async () => {
        await add(alice, productId, 2)
        const key = { "idempotency-key": "checkout-alice-parallel" }
        const responses = await Promise.all(Array.from({ length: 5 }, () => checkout(alice, key)))
        expect(responses.map((response) => response.status)).toEqual(Array(5).fill(201))
        expect(new Set(responses.map((response) => response.data.order.id)).size).toBe(1)
        expect(await ordersOf(alice.id)).toHaveLength(1)
        expect(await stockOf(getContainer(), productId)).toMatchObject({ reserved: 2 })
      })

      it("keeps each customer's keys apart and replays direct orders too", async () => {
        const key = { "idempotency-key": "same-key" }
        const body = {
          items: [{ product_id: productId, quantity: 1 }],
          shipping_address: TEST_ADDRESS,
        }
        const direct = (who: Shopper) =>
          api.post("/orders", body, { headers: { ...who.headers, ...key }, ...anyStatus })
        const [a1, b1] = [await direct(alice), await direct(bob)]
        expect([a1.status, b1.status]).toEqual([201, 201])
        expect(a1.data.order.id).not.toBe(b1.data.order.id)
        const a2 = await direct(alice)
        expect(a2.data.order.id).toBe(a1.data.order.id)
        expect(await ordersOf(alice.id)).toHaveLength(1)
        expect(await ordersOf(bob.id)).toHaveLength(1)
      })

      it("refuses a malformed key (400) and does not remember a failure", async () => {
        await add(alice, productId, 1)
        const bad = await checkout(alice, { "idempotency-key": "ü".repeat(3) })
        expect(bad.status).toBe(400)
        const key = { "idempotency-key": "after-failure" }
        const refused = await api.post(
          "/cart/checkout",
          { shipping_address: TEST_ADDRESS, shipping_option_id: "so_unknown" },
          { headers: { ...alice.headers, ...key }, ...anyStatus }
        )
        expect(refused.status).toBe(400)
        expect(await ordersOf(alice.id)).toHaveLength(0)
        // The failure was not stored: the same key with a good body places the order.
        const placed = await checkout(alice, key)
        expect(placed.status).toBe(201)
        expect(placed.headers["idempotent-replayed"]).toBeUndefined()
      })
    })
  },
})
