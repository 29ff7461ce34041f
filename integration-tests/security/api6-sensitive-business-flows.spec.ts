import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  asCaller as as,
  createShop,
  expectCleanError,
  stateFingerprint,
  type Shop,
} from "../helpers"

/**
 * OWASP API6:2023 Unrestricted access to sensitive business flows (docs/SECURITY.md
 * "Security suite"): buying takes only sensible quantities within the stock, and only an
 * admin refunds, only a real payment.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeAll(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk",
        price: "50.00",
        stock_quantity: 5,
      })
    })

    it("does not sell more than the stock or accept nonsense quantities", async () => {
      const before = await stateFingerprint(getContainer())
      for (const quantity of [0, -1, 1.5, 1e9, "2"]) {
        const response = await api.post(
          "/cart/add",
          { product_id: shop.product.id, quantity },
          as(shop.bob.headers)
        )
        expectCleanError(response, [400, 409])
      }
      expect(await stateFingerprint(getContainer())).toEqual(before)
    })

    it("lets only an admin refund, and never an unknown payment", async () => {
      const body = { payment_id: "pay_does_not_exist", amount: "1.00" }
      expectCleanError(await api.post("/payments/refund", body, as(shop.alice.headers)), 403)
      const admin = await api.post("/payments/refund", body, as(shop.admin.headers))
      expectCleanError(admin, [400, 404])
    })
  },
})
