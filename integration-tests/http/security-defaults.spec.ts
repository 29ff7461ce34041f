import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import {
  createAdminUser,
  createShoppers,
  createStoreContext,
  signJwt,
  uniqueEmail,
  type StoreContext,
} from "../helpers"

// Settings load before the app boots. No TRUST_PROXY (the default: no proxy trusted) and
// no Stripe: the defaults are what is under test here.
process.env.RATE_LIMIT_AUTH_POINTS = "3"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "100"
delete process.env.TRUST_PROXY
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_WEBHOOK_SECRET

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }

/** The headers every answer of the server carries, whoever wrote it. */
function expectPlatformHeaders(response: AxiosResponse): void {
  expect(response.headers["x-request-id"]).toEqual(expect.any(String))
  expect(response.headers["x-content-type-options"]).toBe("nosniff")
  expect(response.headers["referrer-policy"]).toBe("no-referrer")
  expect(response.headers["x-powered-by"]).toBeUndefined()
}

/** A JSON error in the shared shape. */
function expectSharedError(response: AxiosResponse, status: number, type: string): void {
  expect(response.status).toBe(status)
  expect(response.headers["content-type"]).toMatch(/^application\/json/)
  expect(response.data).toEqual(expect.objectContaining({ type, message: expect.any(String) }))
  expectPlatformHeaders(response)
}

// docs/SECURITY.md, "Defects fixed (6–11)": items 8 (default trust), 9, 10 and 11.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreContext
    let jwtSecret: string

    beforeEach(async () => {
      const container = getContainer()
      jwtSecret = String(
        container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
          .jwtSecret
      )
      store = await createStoreContext(container)
    })

    /** A token signed with the server's own secret: only its claims are wrong. */
    function serverSigned(claims: Record<string, unknown>): { authorization: string } {
      return { authorization: `Bearer ${signJwt(claims, jwtSecret)}` }
    }

    function claimsFor(actorType: string, actorId: string, expires = true) {
      const now = Math.floor(Date.now() / 1000)
      return {
        actor_id: actorId,
        actor_type: actorType,
        auth_identity_id: `authid_${actorId}`,
        app_metadata: {},
        iat: now,
        ...(expires ? { exp: now + 600 } : {}),
      }
    }

    describe("defect 8: X-Forwarded-For is not trusted by default", () => {
      it("limits one client however many addresses it claims", async () => {
        const email = uniqueEmail("forwarded")
        const statuses: number[] = []
        for (let attempt = 1; attempt <= 4; attempt++) {
          const response = await api.post(
            "/auth/forgot-password",
            { email },
            { headers: { "x-forwarded-for": `203.0.113.${attempt}` }, ...anyStatus }
          )
          statuses.push(response.status)
        }
        // One peer (this test), one account: the fourth is over RATE_LIMIT_AUTH_POINTS=3.
        expect(statuses).toEqual([202, 202, 202, 429])
      })
    })

    describe("defect 9: token rules", () => {
      it("refuses a `user` token whose actor is a customer, here and on Medusa's /admin", async () => {
        const [shopper] = await createShoppers(getContainer(), 1)
        const forged = serverSigned(claimsFor("user", shopper.id))

        const ours = await api.get("/users", { headers: forged, ...anyStatus })
        expectSharedError(ours, 401, "unauthorized")
        const medusas = await api.get("/admin/products", { headers: forged, ...anyStatus })
        expectSharedError(medusas, 401, "unauthorized")

        // The same customer's genuine claims still work: only the mismatch is refused.
        const genuine = serverSigned(claimsFor("customer", shopper.id))
        expect((await api.get("/auth/me", { headers: genuine })).status).toBe(200)
      })

      it("lets a real admin's server-signed token through", async () => {
        const admin = await createAdminUser(getContainer(), api)
        const headers = serverSigned(claimsFor("user", admin.user.id))
        expect((await api.get("/users", { headers })).status).toBe(200)
        expect((await api.get("/admin/products", { headers })).status).toBe(200)
      })

      it("refuses a token without exp, here and on Medusa's /store", async () => {
        const [shopper] = await createShoppers(getContainer(), 1)
        const eternal = serverSigned(claimsFor("customer", shopper.id, false))

        expectSharedError(
          await api.get("/auth/me", { headers: eternal, ...anyStatus }),
          401,
          "unauthorized"
        )
        const storeMe = await api.get("/store/customers/me", {
          headers: { ...eternal, ...store.storeHeaders },
          ...anyStatus,
        })
        expectSharedError(storeMe, 401, "unauthorized")

        const expiring = serverSigned(claimsFor("customer", shopper.id))
        const ok = await api.get("/store/customers/me", {
          headers: { ...expiring, ...store.storeHeaders },
        })
        expect(ok.data.customer.id).toBe(shopper.id)
      })
    })

    describe("defect 10: webhooks for providers that are not configured", () => {
      it.each([
        ["no signature", {}],
        ["a made-up signature", { "stripe-signature": "t=1,v1=deadbeef" }],
      ])("refuses a Stripe webhook with %s when Stripe is off", async (_label, headers) => {
        const response = await api.post(
          "/hooks/payment/stripe_stripe",
          { id: "evt_1", type: "payment_intent.succeeded", data: { object: {} } },
          { headers, ...anyStatus }
        )
        expectSharedError(response, 404, "not_found")
      })

      it("refuses a webhook for a provider that does not exist", async () => {
        const response = await api.post("/hooks/payment/anything_else", { id: "evt_2" }, anyStatus)
        expectSharedError(response, 404, "not_found")
      })
    })

    describe("defect 11: every answer is JSON in the shared shape, with the headers", () => {
      it("answers an unknown path with a JSON 404", async () => {
        for (const path of ["/products/a/b/c", "/no-such-thing", "/store-nothing/x"]) {
          const response = await api.get(path, anyStatus)
          expectSharedError(response, 404, "not_found")
        }
      })

      it("answers a known path with a wrong method with 405 and Allow", async () => {
        const response = await api.patch("/products", {}, anyStatus)
        expectSharedError(response, 405, "method_not_allowed")
        const allow = String(response.headers.allow).split(", ")
        expect(allow).toEqual(expect.arrayContaining(["GET", "HEAD", "POST"]))
        expect(allow).not.toContain("PATCH")

        const deleteList = await api.delete("/cart", anyStatus)
        expect(deleteList.status).toBe(405)
      })

      it("gives Medusa's own refusals the shape and the headers", async () => {
        const admin = await api.get("/admin/products", anyStatus)
        expectSharedError(admin, 401, "unauthorized")
        expect(admin.data.message).toBe("Unauthorized")

        const noKey = await api.get("/store/products", anyStatus)
        expect(noKey.status).toBeGreaterThanOrEqual(400)
        expectSharedError(noKey, noKey.status, noKey.data.type)

        const adminSession = await createAdminUser(getContainer(), api)
        const unknownAdminPath = await api.get("/admin/no-such-resource", {
          headers: adminSession.headers,
          ...anyStatus,
        })
        expectSharedError(unknownAdminPath, 404, "not_found")
      })

      it("keeps the headers on successes of both, and /health working", async () => {
        expectPlatformHeaders(await api.get("/products?limit=1"))
        expectPlatformHeaders(
          await api.get("/store/products?limit=1", { headers: store.storeHeaders })
        )
        const health = await api.get("/health")
        expect(health.status).toBe(200)
        expect(health.data).toBe("OK")
      })
    })
  },
})
