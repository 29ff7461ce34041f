import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import {
  completeCartThroughMedusa,
  createAdminUser,
  createCatalogProduct,
  createCommerceSetup,
  openStoreCart,
  registerAndLogin,
  type CommerceSetup,
  type Shopper,
} from "../helpers"

jest.setTimeout(180_000)

process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }

/** Refused exactly like an unknown id: a 404 that reveals nothing of the record. */
function expectNotFound(response: AxiosResponse): void {
  expect({ status: response.status, type: response.data?.type }).toEqual({
    status: 404,
    type: "not_found",
  })
  expect(JSON.stringify(response.data)).not.toContain("@")
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: CommerceSetup
    let alice: Shopper
    let bob: Shopper
    let variantId: string

    /** A registered customer (engine account) as a storefront shopper. */
    async function registered(): Promise<Shopper> {
      const user = await registerAndLogin(api)
      return { id: user.id, email: user.email, headers: user.headers }
    }

    beforeEach(async () => {
      const container = getContainer()
      const admin = await createAdminUser(container, api)
      setup = await createCommerceSetup(container)
      const product = await createCatalogProduct(api, admin.headers, {
        name: "Desk lamp",
        price: "25.00",
        stock_quantity: 50,
      })
      const [variant] = await container
        .resolve(Modules.PRODUCT)
        .listProductVariants({ product_id: product.id }, { take: 1 })
      variantId = variant.id
      alice = await registered()
      bob = await registered()
    })

    const as = (shopper?: Shopper) => ({
      headers: { ...setup.storeHeaders, ...(shopper?.headers ?? {}) },
      ...anyStatus,
    })

    const openCart = (owner?: Shopper, email = owner?.email ?? "guest@example.test") =>
      openStoreCart(api, as(owner), { variantId, email })

    it("a registered customer's cart is theirs alone on every /store cart route", async () => {
      const cart = await openCart(alice)
      expect(cart.customer_id).toBe(alice.id)
      expect((await api.get(`/store/carts/${cart.id}`, as(alice))).status).toBe(200)

      for (const caller of [bob, undefined]) {
        expectNotFound(await api.get(`/store/carts/${cart.id}`, as(caller)))
        expectNotFound(await api.get(`/STORE/Carts/${cart.id}/`, as(caller)))
        expectNotFound(
          await api.post(`/store/carts/${cart.id}`, { email: "x@evil.test" }, as(caller))
        )
        expectNotFound(
          await api.post(
            `/store/carts/${cart.id}/line-items`,
            { variant_id: variantId, quantity: 5 },
            as(caller)
          )
        )
        expectNotFound(
          await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: ["X"] }, as(caller))
        )
        expectNotFound(await api.post(`/store/carts/${cart.id}/taxes`, {}, as(caller)))
        expectNotFound(await api.post(`/store/carts/${cart.id}/customer`, {}, as(caller)))
        expectNotFound(await api.post(`/store/carts/${cart.id}/complete`, {}, as(caller)))
        expectNotFound(await api.get(`/store/shipping-options?cart_id=${cart.id}`, as(caller)))
        expectNotFound(
          await api.post("/store/payment-collections", { cart_id: cart.id }, as(caller))
        )
      }

      // Nothing changed: Alice's cart keeps its email and its one line.
      const { data } = await api.get(`/store/carts/${cart.id}`, as(alice))
      expect(data.cart.email).toBe(alice.email)
      expect(data.cart.items.map((item: { quantity: number }) => item.quantity)).toEqual([1])

      // Her own payment collection is hers too.
      const collection = await api.post(
        "/store/payment-collections",
        { cart_id: cart.id },
        as(alice)
      )
      expect(collection.status).toBe(200)
      const collectionId = collection.data.payment_collection.id
      expectNotFound(
        await api.post(
          `/store/payment-collections/${collectionId}/payment-sessions`,
          { provider_id: "pp_system_default" },
          as(bob)
        )
      )
    })

    it("a registered customer's order is theirs alone; an unknown id looks the same", async () => {
      const { orderId } = await completeCartThroughMedusa(api, setup.storeHeaders, alice, variantId)
      const own = await api.get(`/store/orders/${orderId}`, as(alice))
      expect(own.status).toBe(200)
      expect(own.data.order.email).toBe(alice.email)

      const unknown = await api.get("/store/orders/order_01UNKNOWNUNKNOWNUNKNOWN00", as(bob))
      expect(unknown.status).toBe(404)
      for (const caller of [bob, undefined]) {
        expectNotFound(await api.get(`/store/orders/${orderId}`, as(caller)))
        expectNotFound(await api.post(`/store/orders/${orderId}/transfer/request`, {}, as(caller)))
        expectNotFound(await api.post(`/store/orders/${orderId}/transfer/cancel`, {}, as(caller)))
        expectNotFound(
          await api.post(`/store/orders/${orderId}/transfer/decline`, { token: "x" }, as(caller))
        )
        expectNotFound(
          await api.post(
            "/store/returns",
            { order_id: orderId, items: [], return_shipping: { option_id: "so_x" } },
            as(caller)
          )
        )
      }
    })

    it("guest carts and orders keep Medusa's id-as-secret model", async () => {
      const cart = await openCart(undefined, "walk-in@example.test")
      expect((await api.get(`/store/carts/${cart.id}`, as(undefined))).status).toBe(200)
      expect((await api.get(`/store/carts/${cart.id}`, as(bob))).status).toBe(200)

      const guest: Shopper = {
        id: "",
        email: "walk-in@example.test",
        headers: {} as Shopper["headers"],
      }
      const { orderId } = await completeCartThroughMedusa(api, setup.storeHeaders, guest, variantId)
      expect((await api.get(`/store/orders/${orderId}`, as(undefined))).status).toBe(200)
    })
  },
})
