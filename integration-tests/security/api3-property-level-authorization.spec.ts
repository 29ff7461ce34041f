import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  asCaller as as,
  createShop,
  expectCleanError,
  registerAndLogin,
  type Shop,
} from "../helpers"

/**
 * OWASP API3:2023 Broken object property level authorization (docs/SECURITY.md "Security
 * suite"): a client cannot set server-owned fields (mass assignment), fields outside the
 * contract are refused rather than ignored, and accounts never carry credentials.
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

    it("does not let a customer make itself an admin or reactivate itself", async () => {
      const me = `/users/${shop.alice.id}`
      const headers = shop.alice.headers
      expectCleanError(await api.put(me, { is_admin: true }, as(headers)), 403)
      expectCleanError(await api.put(me, { is_active: true }, as(headers)), 403)
      // Fields outside the contract are refused, not ignored.
      expectCleanError(await api.put(me, { role: "admin" }, as(headers)), 400)
      expectCleanError(await api.put(me, { id: shop.bob.id }, as(headers)), 400)
      const after = await api.get(me, as(headers))
      expect(after.data.is_admin).toBe(false)
      expect(after.data.id).toBe(shop.alice.id)
    })

    it("refuses server-owned fields in a review and a product", async () => {
      const review = await api.post(
        `/products/${shop.product.id}/reviews`,
        {
          rating: 5,
          title: "Great",
          body: "Really.",
          status: "approved",
          verified_purchase: true,
        },
        as(shop.bob.headers)
      )
      expectCleanError(review, 400)
      const product = await api.put(
        `/products/${shop.product.id}`,
        { id: "prod_hijack", created_at: "2000-01-01" },
        as(shop.admin.headers)
      )
      expectCleanError(product, 400)
    })

    it("never returns credentials or secrets in an account", async () => {
      const user = await registerAndLogin(api)
      for (const response of [
        await api.get("/auth/me", as(user.headers)),
        await api.get(`/users/${user.id}`, as(user.headers)),
        await api.get("/users", as(shop.admin.headers)),
      ]) {
        expect(response.status).toBe(200)
        expect(JSON.stringify(response.data)).not.toMatch(/password|hash|secret|provider_metadata/i)
      }
    })
  },
})
