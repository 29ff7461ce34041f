import { Agent, get } from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import {
  availableQuantity,
  createAdminUser,
  createCustomer,
  createProduct,
  createStoreContext,
} from "../helpers"

// The engine boots with this project's config and the shared test helpers produce working
// admins, customers, publishable keys and stocked products.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("answers GET /health", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })

    it("runs workflows with the orchestrator's parent-step lookup replaced (loaders/orchestrator.ts)", async () => {
      const orchestrator = TransactionOrchestrator as unknown as {
        __engineParentSteps?: boolean
        getPreviousStep: (flow: { steps: Record<string, unknown> }, step: { id: string }) => unknown
      }
      expect(orchestrator.__engineParentSteps).toBe(true)
      const parent = { id: "_root.a" }
      const flow = { steps: { "_root.a": parent, "_root.a.b": { id: "_root.a.b" } } }
      expect(orchestrator.getPreviousStep(flow, { id: "_root.a.b" })).toBe(parent)
    })

    it("keeps idle connections longer than a load balancer does (65 s, not Node's 5 s)", async () => {
      // The server is configured by the first request through the platform (keep-alive.ts),
      // whose own answer still names Node's default; the test app may not have seen one yet.
      await api.get("/products?limit=1")
      const agent = new Agent({ keepAlive: true })
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
        get(`${api.defaults.baseURL}/products?limit=1`, { agent }, (response) => {
          response.resume()
          response.on("end", () => resolve(response.headers))
        }).on("error", reject)
      })
      agent.destroy()
      expect(headers["keep-alive"]).toBe("timeout=65")
    })

    it("serves a helper-made product on /store/products with the publishable key", async () => {
      const container = getContainer()
      const ctx = await createStoreContext(container)
      const { product, inventoryItemId } = await createProduct(container, ctx, {
        title: "Helper Lamp",
        price: 12.5,
        stock: 7,
      })

      const { data } = await api.get("/store/products", { headers: ctx.storeHeaders })
      expect(data.products.map((p: { id: string }) => p.id)).toEqual([product.id])
      expect(data.products[0].title).toBe("Helper Lamp")
      expect(await availableQuantity(container, inventoryItemId, ctx.stockLocationId)).toBe(7)
    })

    it("refuses /store routes without a publishable key", async () => {
      const response = await api.get("/store/products", { validateStatus: () => true })
      expect(response.status).toBe(400)
    })

    it("gives an admin a token that works on /admin and fails without it", async () => {
      const admin = await createAdminUser(getContainer(), api)
      const me = await api.get("/admin/users/me", { headers: admin.headers })
      expect(me.data.user.email).toBe(admin.email)

      const anonymous = await api.get("/admin/users/me", { validateStatus: () => true })
      expect(anonymous.status).toBe(401)
    })

    it("gives a customer a token for /store/customers/me that /admin refuses", async () => {
      const ctx = await createStoreContext(getContainer())
      const customer = await createCustomer(api, ctx.storeHeaders, { first_name: "Ada" })
      const me = await api.get("/store/customers/me", {
        headers: { ...ctx.storeHeaders, ...customer.headers },
      })
      expect(me.data.customer).toMatchObject({ email: customer.email, first_name: "Ada" })

      const adminRoute = await api.get("/admin/users/me", {
        headers: customer.headers,
        validateStatus: () => true,
      })
      expect(adminRoute.status).toBe(401)
    })
  },
})
