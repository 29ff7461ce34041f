import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import {
  addAndCheckout,
  asCaller as as,
  createShop,
  expectCleanError,
  openStoreCart,
  type Shop,
  type Shopper,
} from "../helpers"

/**
 * OWASP API1:2023 Broken object level authorization (docs/SECURITY.md "Security suite"):
 * a customer's order, account, cart and cart lines are a 404 for anyone else, like an
 * unknown id, on the engine's routes and on Medusa's /store routes (issue 18, defect 3),
 * and the refusals change nothing.
 */

type StoreCart = {
  id: string
  email: string
  customer_id: string
  completed_at: string | null
  items: { id: string; quantity: number }[]
}

/** The same answer as for an id that does not exist, revealing nothing of the record. */
function expectNotFound(response: AxiosResponse, label: string, secrets: string[]): void {
  expect({ label, status: response.status, type: response.data?.type }).toEqual({
    label,
    status: 404,
    type: "not_found",
  })
  expectCleanError(response, 404)
  for (const secret of secrets) {
    expect(JSON.stringify(response.data)).not.toContain(secret)
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let variantId: string
    let aliceOrderId: string

    beforeAll(async () => {
      const container = getContainer()
      // Registered customers: Medusa's /store records of guests keep id-as-secret.
      shop = await createShop(
        container,
        api,
        { name: "Desk", price: "50.00", stock_quantity: 20 },
        { registered: true }
      )
      const [variant] = await container
        .resolve(Modules.PRODUCT)
        .listProductVariants({ product_id: shop.product.id }, { take: 1 })
      variantId = variant.id
      const placed = await addAndCheckout(api, shop.alice, shop.product.id)
      expect(placed.status).toBe(201)
      aliceOrderId = placed.data.order?.id ?? placed.data.id
    })

    describe("the engine's routes", () => {
      it("hides a customer's order from another customer on every order route", async () => {
        const bob = shop.bob.headers
        expectCleanError(await api.get(`/orders/${aliceOrderId}`, as(bob)), 404)
        expectCleanError(await api.delete(`/orders/${aliceOrderId}`, as(bob)), 404)
        const bobsList = await api.get("/orders", as(bob))
        expect(bobsList.status).toBe(200)
        expect(JSON.stringify(bobsList.data)).not.toContain(aliceOrderId)
        // Still there and still Alice's: the refusals changed nothing.
        const mine = await api.get(`/orders/${aliceOrderId}`, as(shop.alice.headers))
        expect(mine.status).toBe(200)
        expect(mine.data.status).not.toBe("cancelled")
        expect((await api.get(`/orders/${aliceOrderId}`, as(shop.admin.headers))).status).toBe(200)
      })

      it("hides a customer's account and order history from another customer", async () => {
        const alice = shop.alice.id
        const bob = shop.bob.headers
        expectCleanError(await api.get(`/users/${alice}`, as(bob)), 404)
        expectCleanError(await api.put(`/users/${alice}`, { first_name: "Mallory" }, as(bob)), 404)
        expectCleanError(await api.delete(`/users/${alice}`, as(bob)), 404)
        expectCleanError(await api.get(`/users/${alice}/orders`, as(bob)), 404)
        const self = await api.get(`/users/${alice}`, as(shop.alice.headers))
        expect(self.status).toBe(200)
        expect(self.data.first_name).not.toBe("Mallory")
      })

      it("does not let a customer change or remove another customer's cart line", async () => {
        const added = await api.post(
          "/cart/add",
          { product_id: shop.product.id, quantity: 1 },
          as(shop.alice.headers)
        )
        expect(added.status).toBe(200)
        const itemId = JSON.stringify(added.data).match(/"(cali_[A-Za-z0-9]+)"/)?.[1]
        expect(itemId).toBeDefined()
        const bob = shop.bob.headers
        expectCleanError(await api.put(`/cart/${itemId}`, { quantity: 3 }, as(bob)), 404)
        expectCleanError(await api.delete(`/cart/${itemId}`, as(bob)), 404)
        const cart = await api.get("/cart", as(shop.alice.headers))
        expect(JSON.stringify(cart.data)).toContain(itemId)
      })
    })

    // Defect 3: Medusa 2.21 checks no owner on these routes; guardStoreOwnership does.
    describe("Medusa's /store routes", () => {
      /** A caller of Medusa's /store routes: the publishable key, and its token if any. */
      const store = (shopper?: Shopper) =>
        as({ ...shop.setup.storeHeaders, ...(shopper?.headers ?? {}) })
      /** Everyone but the owner, Alice. */
      const others = (): [string, Shopper | undefined][] => [
        ["another customer", shop.bob],
        ["no token", undefined],
      ]

      const openCart = (owner: Shopper | undefined, email: string): Promise<StoreCart> =>
        openStoreCart<StoreCart>(api, store(owner), { variantId, email })

      it("hides a registered customer's cart, its lines and its completion from anyone else", async () => {
        const cart = await openCart(shop.alice, shop.alice.email)
        expect(cart.customer_id).toBe(shop.alice.id)
        const lineId = cart.items[0].id
        const path = `/store/carts/${cart.id}`
        const secrets = [shop.alice.email, shop.alice.id]

        for (const [who, caller] of others()) {
          const attempts: [string, () => Promise<AxiosResponse>][] = [
            ["GET cart", () => api.get(path, store(caller))],
            ["POST cart", () => api.post(path, { email: "mallory@example.test" }, store(caller))],
            [
              "POST line-items",
              () =>
                api.post(
                  `${path}/line-items`,
                  { variant_id: variantId, quantity: 5 },
                  store(caller)
                ),
            ],
            [
              "POST line-items/{line}",
              () => api.post(`${path}/line-items/${lineId}`, { quantity: 4 }, store(caller)),
            ],
            [
              "DELETE line-items/{line}",
              () => api.delete(`${path}/line-items/${lineId}`, store(caller)),
            ],
            ["POST complete", () => api.post(`${path}/complete`, {}, store(caller))],
          ]
          for (const [label, attempt] of attempts) {
            expectNotFound(await attempt(), `${who}: ${label}`, secrets)
          }
        }

        // Alice's cart is as she left it: her email, her one line, not completed.
        const mine = await api.get(path, store(shop.alice))
        expect(mine.status).toBe(200)
        const after: StoreCart = mine.data.cart
        expect(after.email).toBe(shop.alice.email)
        expect(after.completed_at).toBeNull()
        expect(after.items.map((item) => [item.id, item.quantity])).toEqual([[lineId, 1]])
      })

      it("hides a registered customer's order from anyone else", async () => {
        const path = `/store/orders/${aliceOrderId}`
        const mine = await api.get(path, store(shop.alice))
        expect(mine.status).toBe(200)
        expect(mine.data.order.email).toBe(shop.alice.email)
        for (const [who, caller] of others()) {
          expectNotFound(await api.get(path, store(caller)), `${who}: GET order`, [
            shop.alice.email,
          ])
        }
      })

      it("keeps a guest cart open to whoever has its id (the id is the secret)", async () => {
        const cart = await openCart(undefined, "walk-in@example.test")
        for (const [who, caller] of others()) {
          const response = await api.get(`/store/carts/${cart.id}`, store(caller))
          expect({ who, status: response.status }).toEqual({ who, status: 200 })
        }
      })
    })
  },
})
