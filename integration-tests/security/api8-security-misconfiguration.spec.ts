import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import {
  anyStatus,
  asCaller as as,
  createAdminUser,
  createShoppers,
  errorShapeProblem,
  type AdminSession,
  type Shopper,
} from "../helpers"

/**
 * OWASP API8:2023 Security misconfiguration (docs/SECURITY.md "Security suite"): every
 * answer — the engine's, Medusa's own refusals, unknown paths and methods (issue 18,
 * defect 11) — carries the security headers and a request id and no X-Powered-By, errors
 * are JSON in the shared shape without internals, and foreign origins get no CORS grant.
 */

const brokenJson = { headers: { "content-type": "application/json" }, ...anyStatus }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let customer: Shopper

    beforeAll(async () => {
      admin = await createAdminUser(getContainer(), api)
      ;[customer] = await createShoppers(getContainer(), 1)
    })

    it("sends the security headers and a request id, and no X-Powered-By, on every kind of answer", async () => {
      // [what, answer, status, error type]
      const cases: [string, AxiosResponse, number, string | undefined][] = [
        ["engine success", await api.get("/products", anyStatus), 200, undefined],
        [
          "engine 404",
          await api.get("/orders/sec_does_not_exist", as(customer.headers)),
          404,
          "not_found",
        ],
        ["broken JSON", await api.post("/auth/login", "{broken", brokenJson), 400, undefined],
        // Defect 11: Medusa's own refusals ran before any of the engine's middlewares.
        [
          "Medusa /admin, no token",
          await api.get("/admin/products", anyStatus),
          401,
          "unauthorized",
        ],
        [
          "Medusa /admin, customer token",
          await api.get("/admin/products", as(customer.headers)),
          401,
          "unauthorized",
        ],
        [
          "Medusa /store, no publishable key",
          await api.get("/store/products", anyStatus),
          400,
          undefined,
        ],
        [
          "unknown /admin path",
          await api.get("/admin/no-such-resource", as(admin.headers)),
          404,
          "not_found",
        ],
        // Defect 11: Express answered these with an HTML "Cannot GET".
        ["unknown path", await api.get("/no-such-thing", anyStatus), 404, "not_found"],
        ["unknown sub-path", await api.get("/products/a/b/c", anyStatus), 404, "not_found"],
        ["wrong method", await api.patch("/products", {}, anyStatus), 405, "method_not_allowed"],
      ]
      // Every answer is compared at once, so a failure lists each kind that lacks something.
      const seen = cases.map(([what, response]) => ({
        what,
        status: response.status,
        type: response.status >= 400 ? response.data?.type : undefined,
        requestId: typeof response.headers["x-request-id"],
        nosniff: response.headers["x-content-type-options"],
        frameOptions: typeof response.headers["x-frame-options"],
        referrerPolicy: response.headers["referrer-policy"],
        poweredBy: response.headers["x-powered-by"],
        shapeProblem: errorShapeProblem(response),
      }))
      expect(seen).toEqual(
        cases.map(([what, response, status, type]) => ({
          what,
          status,
          // Only the types this check names; the others just need one (the shape).
          type: type ?? (response.status >= 400 ? response.data?.type : undefined),
          requestId: "string",
          nosniff: "nosniff",
          frameOptions: "string",
          referrerPolicy: "no-referrer",
          poweredBy: undefined,
          shapeProblem: undefined,
        }))
      )
      const wrongMethod = cases.find(([what]) => what === "wrong method")![1]
      const allow = String(wrongMethod.headers.allow).split(", ")
      expect(allow).toEqual(expect.arrayContaining(["GET", "POST"]))
      expect(allow).not.toContain("PATCH")
    })

    it("does not grant a foreign origin CORS access", async () => {
      const response = await api.get("/products", {
        headers: { origin: "https://evil.example" },
        ...anyStatus,
      })
      expect(response.headers["access-control-allow-origin"]).not.toBe("https://evil.example")
      expect(response.headers["access-control-allow-origin"]).not.toBe("*")
    })

    it("leaks no stack trace, SQL or file path in errors", async () => {
      const responses = [
        await api.post("/auth/login", "{broken", brokenJson),
        await api.get("/products/sec_does_not_exist", anyStatus),
        await api.get("/products?limit=abc&min_price=-1", anyStatus),
        await api.put("/orders/sec_does_not_exist/status", { status: "x" }, as(admin.headers)),
        await api.get("/admin/products", anyStatus),
        await api.get("/no-such-thing", anyStatus),
      ]
      for (const response of responses) {
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        expect(errorShapeProblem(response)).toBeUndefined()
        expect(JSON.stringify(response.data)).not.toMatch(
          /\bat .+\.(ts|js):\d+|node_modules|\/work\/|select .* from|stack/i
        )
      }
    })
  },
})
