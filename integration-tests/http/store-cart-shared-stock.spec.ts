import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createShop, stockOf, TEST_ADDRESS, type Shop } from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }
const STOCK = 5

// Medusa's /store/carts/{id}/complete checks stock line by line: two lines sharing one
// inventory item must count together.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: STOCK,
      })
    })

    /** A cart through Medusa's store API with these line quantities of the one variant. */
    async function cartWith(quantities: number[]) {
      const headers = { ...shop.setup.storeHeaders, ...shop.alice.headers }
      const [variant] = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProductVariants({ product_id: shop.product.id })
      const { data: regions } = await api.get("/store/regions", { headers })
      const region = regions.regions.find(
        (r: { currency_code: string }) => r.currency_code === "usd"
      )
      const { data: created } = await api.post(
        "/store/carts",
        {
          region_id: region.id,
          email: shop.alice.email,
          shipping_address: TEST_ADDRESS,
          billing_address: TEST_ADDRESS,
          // Different metadata keeps them separate lines of the same variant.
          items: quantities.map((quantity, n) => ({
            variant_id: variant.id,
            quantity,
            metadata: { gift_note: `line ${n}` },
          })),
        },
        { headers }
      )
      const cartId = created.cart.id as string
      expect(created.cart.items).toHaveLength(quantities.length)
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, {
        headers,
      })
      await api.post(
        `/store/carts/${cartId}/shipping-methods`,
        { option_id: options.shipping_options[0].id },
        { headers }
      )
      const { data: collection } = await api.post(
        "/store/payment-collections",
        { cart_id: cartId },
        { headers }
      )
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        { headers }
      )
      return {
        complete: () => api.post(`/store/carts/${cartId}/complete`, {}, { headers, ...anyStatus }),
      }
    }

    it("refuses two lines that each fit but together exceed the stock, reserving nothing", async () => {
      const cart = await cartWith([3, 3])
      const refused = await cart.complete()
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect(refused.data.type).not.toBe("order")
      expect(JSON.stringify(refused.data)).toMatch(/Not enough stock/)
      const stock = await stockOf(getContainer(), shop.product.id)
      expect({ reserved: stock.reserved, available: stock.available }).toEqual({
        reserved: 0,
        available: STOCK,
      })
    })

    it("completes lines that together fit exactly, and a repeated call returns the order", async () => {
      const cart = await cartWith([2, 3])
      const completed = await cart.complete()
      expect(completed.status).toBe(200)
      expect(completed.data.type).toBe("order")
      const again = await cart.complete()
      expect(again.status).toBe(200)
      expect(again.data.order?.id).toBe(completed.data.order.id)
      expect((await stockOf(getContainer(), shop.product.id)).available).toBe(0)
    })
  },
})
