import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createAdminUser,
  createCatalogProduct,
  createCommerceSetup,
  createShoppers,
  TEST_ADDRESS,
  type AdminSession,
  type CommerceSetup,
} from "../helpers"

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      setup = await createCommerceSetup(container)
    })

    it("smoke: add, checkout", async () => {
      const product = await createCatalogProduct(api, admin.headers, {
        name: "Lamp",
        price: "19.99",
        stock_quantity: 5,
      })
      const [alice] = await createShoppers(getContainer(), 1)
      const cart = await api.get("/cart", { headers: alice.headers, ...anyStatus })
      console.log(cart.status, JSON.stringify(cart.data))
      const added = await api.post(
        "/cart/add",
        { product_id: product.id, quantity: 2 },
        { headers: alice.headers, ...anyStatus }
      )
      console.log(added.status, JSON.stringify(added.data))
      const checkout = await api.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS },
        { headers: alice.headers, ...anyStatus }
      )
      console.log(checkout.status, JSON.stringify(checkout.data, null, 1))
      expect(checkout.status).toBe(201)
      void setup
    })
  },
})
