import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { addCartItemWorkflow } from "../../src/workflows/order/add-cart-item"
import { CART_CHECKED_OUT } from "../../src/workflows/order/steps/load-cart-for-change"
import {
  createCatalogProduct,
  type AdminSession,
  type CatalogProduct,
  type CommerceSetup,
  type Shopper,
  createShop,
  expectLocksReleasedAfterEachTest,
  useTestRedis,
} from "../helpers"

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }

type CartItem = {
  id: string
  product_id: string
  quantity: number
  unit_price: string
  line_total: string
}
type Cart = { id: string; items: CartItem[]; item_count: number; subtotal: string; total: string }

// Locks in Redis, so that the tests can see what is still held.
const redisUrl = useTestRedis()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup
    let lamp: CatalogProduct
    let alice: Shopper
    let bob: Shopper

    // Every test's workflows release the locks they took.
    expectLocksReleasedAfterEachTest(redisUrl)

    beforeEach(async () => {
      ;({
        admin,
        setup,
        product: lamp,
        alice,
        bob,
      } = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 5,
      }))
    })

    const getCart = (who: Shopper) => api.get("/cart", { headers: who.headers, ...anyStatus })
    const add = (who: { headers: Record<string, string> }, body: Record<string, unknown>) =>
      api.post("/cart/add", body, { headers: who.headers, ...anyStatus })
    const setQuantity = (who: Shopper, itemId: string, body: Record<string, unknown>) =>
      api.put(`/cart/${itemId}`, body, { headers: who.headers, ...anyStatus })
    const remove = (who: Shopper, itemId: string) =>
      api.delete(`/cart/${itemId}`, { headers: who.headers, ...anyStatus })

    describe("GET /cart", () => {
      it("creates the customer's cart on first use and returns the same one afterwards", async () => {
        const first = await getCart(alice)
        expect(first.status).toBe(200)
        expect(first.data).toMatchObject({
          currency_code: "usd",
          items: [],
          item_count: 0,
          subtotal: "0.00",
          tax: "0.00",
          shipping: "0.00",
          total: "0.00",
        })
        const second = await getCart(alice)
        expect(second.data.id).toBe(first.data.id)
        const other = await getCart(bob)
        expect(other.data.id).not.toBe(first.data.id)
      })

      it("makes one cart when the first requests arrive together", async () => {
        const responses = await Promise.all(Array.from({ length: 8 }, () => getCart(alice)))
        expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200))
        expect(new Set(responses.map((r) => r.data.id)).size).toBe(1)
        const carts = await getContainer()
          .resolve(Modules.CART)
          .listCarts({ customer_id: alice.id })
        expect(carts).toHaveLength(1)
      })

      it("is for customers only", async () => {
        expect((await api.get("/cart", anyStatus)).status).toBe(401)
        expect((await api.get("/cart", { headers: admin.headers, ...anyStatus })).status).toBe(403)
      })
    })

    describe("POST /cart/add", () => {
      it("adds a product with Medusa's prices and totals as decimal strings", async () => {
        const response = await add(alice, { product_id: lamp.id, quantity: 2 })
        expect(response.status).toBe(200)
        const cart = response.data as Cart
        expect(cart.items).toEqual([
          expect.objectContaining({
            product_id: lamp.id,
            name: "Desk Lamp",
            quantity: 2,
            unit_price: "19.99",
            line_total: "39.98",
          }),
        ])
        expect(cart).toMatchObject({ item_count: 2, subtotal: "39.98", total: "39.98" })

        const again = await add(alice, { product_id: lamp.id, quantity: 1 })
        expect(again.data.items).toHaveLength(1)
        expect(again.data.items[0].quantity).toBe(3)
        expect(again.data.total).toBe("59.97")
      })

      it("refuses more than the stock, counting what the cart already holds (409)", async () => {
        expect((await add(alice, { product_id: lamp.id, quantity: 6 })).status).toBe(409)
        expect((await add(alice, { product_id: lamp.id, quantity: 4 })).status).toBe(200)
        const over = await add(alice, { product_id: lamp.id, quantity: 2 })
        expect(over.status).toBe(409)
        expect(over.data.message).toMatch(/Not enough stock for Desk Lamp/)
        expect((await getCart(alice)).data.items[0].quantity).toBe(4)
      })

      it("is a 404 for an unknown, unpublished or deleted product", async () => {
        const draft = await createCatalogProduct(api, admin.headers, {
          name: "Hidden",
          price: "5.00",
          stock_quantity: 5,
          is_active: false,
        })
        const gone = await createCatalogProduct(api, admin.headers, {
          name: "Gone",
          price: "5.00",
          stock_quantity: 5,
        })
        await api.delete(`/products/${gone.id}`, { headers: admin.headers })
        for (const productId of ["prod_unknown", draft.id, gone.id]) {
          const response = await add(alice, { product_id: productId, quantity: 1 })
          expect(response.status).toBe(404)
          expect(response.data.type).toBe("not_found")
        }
        expect((await getCart(alice)).data.items).toEqual([])
      })

      it("validates the body", async () => {
        for (const body of [
          {},
          { product_id: lamp.id, quantity: 0 },
          { product_id: lamp.id, quantity: 1.5 },
          { product_id: lamp.id, quantity: "2" },
          { product_id: lamp.id, quantity: 1, price: "0.01" },
        ]) {
          const response = await add(alice, body)
          expect(response.status).toBe(400)
          expect(response.data.type).toBe("invalid_data")
        }
      })

      it("is for customers only", async () => {
        expect((await add({ headers: {} }, { product_id: lamp.id })).status).toBe(401)
        expect((await add(admin, { product_id: lamp.id })).status).toBe(403)
      })
    })

    describe("PUT and DELETE /cart/{item_id}", () => {
      let itemId: string

      beforeEach(async () => {
        itemId = (await add(alice, { product_id: lamp.id, quantity: 1 })).data.items[0].id
      })

      it("sets the quantity, and 0 removes the line", async () => {
        const updated = await setQuantity(alice, itemId, { quantity: 3 })
        expect(updated.status).toBe(200)
        expect(updated.data.items[0]).toMatchObject({ quantity: 3, line_total: "59.97" })
        const removed = await setQuantity(alice, itemId, { quantity: 0 })
        expect(removed.status).toBe(200)
        expect(removed.data.items).toEqual([])
        expect(removed.data.total).toBe("0.00")
      })

      it("refuses a quantity above the stock (409) and keeps the line", async () => {
        expect((await setQuantity(alice, itemId, { quantity: 6 })).status).toBe(409)
        expect((await getCart(alice)).data.items[0].quantity).toBe(1)
      })

      it("removes a line", async () => {
        const response = await remove(alice, itemId)
        expect(response.status).toBe(200)
        expect(response.data.items).toEqual([])
        expect((await remove(alice, itemId)).status).toBe(404)
      })

      it("is a 404 for another customer's line, which stays as it was", async () => {
        expect((await setQuantity(bob, itemId, { quantity: 2 })).status).toBe(404)
        expect((await remove(bob, itemId)).status).toBe(404)
        expect((await setQuantity(bob, "cali_unknown", { quantity: 2 })).status).toBe(404)
        expect((await getCart(alice)).data.items[0].quantity).toBe(1)
      })

      it("validates the body and needs a customer", async () => {
        expect((await setQuantity(alice, itemId, { quantity: -1 })).status).toBe(400)
        expect((await setQuantity(alice, itemId, {})).status).toBe(400)
        expect((await api.put(`/cart/${itemId}`, { quantity: 2 }, anyStatus)).status).toBe(401)
        expect((await api.delete(`/cart/${itemId}`, anyStatus)).status).toBe(401)
      })
    })

    it("stores a line exactly as Medusa's own add-to-cart does", async () => {
      const cart = (await add(alice, { product_id: lamp.id, quantity: 2 })).data as Cart
      const [variant] = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProductVariants({ product_id: lamp.id })
      const headers = { headers: { ...setup.storeHeaders, ...bob.headers } }
      const { data: regions } = await api.get("/store/regions", headers)
      const usd = regions.regions.find((r: { currency_code: string }) => r.currency_code === "usd")
      const { data: created } = await api.post("/store/carts", { region_id: usd.id }, headers)
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: variant.id, quantity: 2 },
        headers
      )
      const cartModule = getContainer().resolve(Modules.CART)
      const lineOf = async (cartId: string) => {
        const [line] = await cartModule.listLineItems({ cart_id: cartId })
        const {
          id: _id,
          cart_id: _cartId,
          cart: _cart,
          created_at: _c,
          updated_at: _u,
          ...snapshot
        } = line as typeof line & { cart?: unknown }
        return JSON.parse(JSON.stringify(snapshot))
      }
      expect(await lineOf(cart.id)).toEqual(await lineOf(created.cart.id))
    })

    it("lets Medusa refresh a cart that has something to refresh (an automatic promotion)", async () => {
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: "AUTO10",
              type: "standard",
              status: "active",
              is_automatic: true,
              application_method: {
                type: "percentage",
                target_type: "items",
                allocation: "across",
                value: 10,
                currency_code: "usd",
              },
            },
          ],
        },
      })
      const cart = (await add(alice, { product_id: lamp.id, quantity: 1 })).data as Cart
      expect(cart.subtotal).toBe("19.99")
      expect(cart.total).toBe("17.99")
      const again = (await add(alice, { product_id: lamp.id, quantity: 1 })).data as Cart
      expect(again.total).toBe("35.98")
      const lineId = again.items[0].id
      expect((await setQuantity(alice, lineId, { quantity: 3 })).data.total).toBe("53.97")
      expect((await remove(alice, lineId)).data).toMatchObject({ item_count: 0, total: "0.00" })
    })

    it("tells a change that reaches a checked-out cart apart, so the add can use a new cart", async () => {
      const cart = (await add(alice, { product_id: lamp.id, quantity: 1 })).data as Cart
      await getContainer()
        .resolve(Modules.CART)
        .updateCarts([{ id: cart.id, completed_at: new Date() }])
      await expect(
        addCartItemWorkflow(getContainer()).run({
          input: { cart_id: cart.id, product_id: lamp.id, quantity: 1 },
        })
      ).rejects.toMatchObject({ message: CART_CHECKED_OUT })
      const next = (await add(alice, { product_id: lamp.id, quantity: 1 })).data as Cart
      expect(next.id).not.toBe(cart.id)
      expect(next.item_count).toBe(1)
    })

    it("is the same cart Medusa's store API and the js-sdk show", async () => {
      const cart = (await add(alice, { product_id: lamp.id, quantity: 2 })).data as Cart
      const sdk = new Medusa({
        baseUrl: api.defaults.baseURL as string,
        publishableKey: setup.storeHeaders["x-publishable-api-key"],
        auth: { type: "jwt" },
      })
      const token = alice.headers.authorization.replace("Bearer ", "")
      const { cart: viaSdk } = await sdk.store.cart.retrieve(
        cart.id,
        {},
        { authorization: `Bearer ${token}` }
      )
      expect(viaSdk.id).toBe(cart.id)
      expect(viaSdk.items?.map((item) => [item.product_id, item.quantity])).toEqual([[lamp.id, 2]])
      expect(viaSdk.total).toBe(39.98)
    })
  },
})
