import { KeyObject as NodeKeyObject, type KeyObject } from "node:crypto"
import path from "node:path"
import Redis from "ioredis"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ConfigModule } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createAdminUser,
  createCustomer,
  createStoreContext,
  decodeJwt,
  signJwt,
  tamperJwt,
  useTestRedis,
  type AdminSession,
  type CustomerSession,
  type StoreContext,
} from "../helpers"
import { createLimiter } from "../../src/api/utils/rate-limit"

// Platform settings are read once per process, before the app boots.
const redisUrl = useTestRedis()
process.env.STORE_CORS = "https://shop.example"
process.env.FORCE_HTTPS = "true"
process.env.JSON_BODY_LIMIT = "2kb"
process.env.RATE_LIMIT_AUTH_POINTS = "3"
// The test client stands for a proxy on loopback: X-Forwarded-* picks the client address.
process.env.TRUST_PROXY = "loopback"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "50"

const ALLOWED_ORIGIN = "https://shop.example"
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const anyStatus = { validateStatus: () => true }

// The platform layer (auth and roles, CORS, HTTPS, errors, validation, pagination, rate
// limits, request ids) through sample routes of each access kind in a test app.
medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../fixtures/platform-app"),
  testSuite: ({ api, getContainer }) => {
    let customer: CustomerSession
    let admin: AdminSession
    let store: StoreContext
    let jwtSecret: string | KeyObject

    beforeAll(() => {
      // Every request comes "through the TLS proxy" unless a test says otherwise.
      api.defaults.headers.common["x-forwarded-proto"] = "https"
    })

    beforeEach(async () => {
      const container = getContainer()
      jwtSecret = container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
        .projectConfig.http.jwtSecret as string | KeyObject
      store = await createStoreContext(container)
      customer = await createCustomer(api, store.storeHeaders)
      admin = await createAdminUser(container, api)
    })

    describe("authentication and roles", () => {
      it("lets a customer in to customer routes and keeps others out", async () => {
        const ok = await api.get("/samples/customer", { headers: customer.headers })
        expect(ok.status).toBe(200)
        expect(ok.data.actor).toMatchObject({ role: "customer", id: customer.customer.id })

        const anonymous = await api.get("/samples/customer", anyStatus)
        expect(anonymous.status).toBe(401)
        expect(anonymous.data).toEqual({ type: "unauthorized", message: "Authentication required" })

        const asAdmin = await api.get("/samples/customer", { headers: admin.headers, ...anyStatus })
        expect(asAdmin.status).toBe(403)
        expect(asAdmin.data.type).toBe("forbidden")
      })

      it("lets an admin in to admin routes and keeps customers out", async () => {
        const ok = await api.get("/samples/admin", { headers: admin.headers })
        expect(ok.data.actor).toMatchObject({ role: "admin", id: admin.user.id })

        const asCustomer = await api.get("/samples/admin", {
          headers: customer.headers,
          ...anyStatus,
        })
        expect(asCustomer.status).toBe(403)
        expect((await api.get("/samples/admin", anyStatus)).status).toBe(401)
      })

      it("serves public routes with or without a valid token", async () => {
        const anonymous = await api.get("/samples/public")
        expect(anonymous.data.actor).toBeNull()
        const signedIn = await api.get("/samples/public", { headers: customer.headers })
        expect(signedIn.data.actor).toMatchObject({ role: "customer" })
      })

      it("accepts the same customer token on Medusa's /store routes", async () => {
        const me = await api.get("/store/customers/me", {
          headers: { ...store.storeHeaders, ...customer.headers },
        })
        expect(me.data.customer.id).toBe(customer.customer.id)
      })

      it("leaves Medusa's jwtSecret a string: it travels in serialized workflow inputs", async () => {
        // Medusa's reset-password route passes http.jwtSecret into a workflow's input, which
        // the workflow engine serializes: a KeyObject there becomes {} and the reset token is
        // never signed (the engine keeps its KeyObject to itself, in auth.ts).
        await api.get("/store/customers/me", { headers: store.storeHeaders, ...anyStatus })
        const { http } = getContainer().resolve<ConfigModule>(
          ContainerRegistrationKeys.CONFIG_MODULE
        ).projectConfig
        expect(http.jwtSecret).not.toBeInstanceOf(NodeKeyObject)
        expect(typeof http.jwtSecret).toBe("string")
      })

      it("refuses forged, expired and foreign tokens with 401 on every kind of route", async () => {
        const claims = decodeJwt(customer.token)
        const now = Math.floor(Date.now() / 1000)
        const forged = {
          expired: signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, jwtSecret),
          tampered: tamperJwt(customer.token, { actor_id: "cus_someone_else" }),
          algNone: signJwt(claims, "", "none"),
          wrongKey: signJwt(claims, "not-the-server-secret"),
          unknownActor: signJwt({ ...claims, actor_type: "vendor" }, jwtSecret),
          garbage: "not-a-jwt",
        }
        for (const [kind, token] of Object.entries(forged)) {
          for (const route of ["/samples/customer", "/samples/admin", "/samples/public"]) {
            const response = await api.get(route, {
              headers: { authorization: `Bearer ${token}` },
              ...anyStatus,
            })
            expect({ kind, route, status: response.status, body: response.data }).toEqual({
              kind,
              route,
              status: 401,
              body: { type: "unauthorized", message: "Invalid or expired access token" },
            })
          }
        }
      })
    })

    describe("CORS", () => {
      it("answers preflight from the allowed origin with credentials", async () => {
        const response = await api.options("/samples/customer", {
          headers: {
            origin: ALLOWED_ORIGIN,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization,content-type",
          },
        })
        expect(response.status).toBe(204)
        expect(response.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN)
        expect(response.headers["access-control-allow-credentials"]).toBe("true")
      })

      it("refuses preflight from another origin", async () => {
        const response = await api.options("/samples/customer", {
          headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
          ...anyStatus,
        })
        expect(response.status).toBe(403)
        expect(response.headers["access-control-allow-origin"]).toBeUndefined()
      })

      it("exposes the request id and rate-limit headers to the allowed origin", async () => {
        const response = await api.get("/samples/public", { headers: { origin: ALLOWED_ORIGIN } })
        expect(response.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN)
        expect(response.headers["access-control-expose-headers"]).toContain("X-Request-Id")
      })
    })

    describe("validation, pagination and the error shape", () => {
      it("lists every invalid and unknown field", async () => {
        const response = await api.post(
          "/samples/customer",
          { name: "", quantity: "three", colour: "red" },
          { headers: customer.headers, ...anyStatus }
        )
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
        expect(response.data.errors).toEqual(
          expect.arrayContaining([
            { field: "name", message: expect.any(String) },
            { field: "quantity", message: expect.any(String) },
            { field: "colour", message: "Unknown field" },
          ])
        )
      })

      it("reports missing fields as required and accepts a valid body", async () => {
        const missing = await api.post(
          "/samples/customer",
          {},
          {
            headers: customer.headers,
            ...anyStatus,
          }
        )
        expect(missing.data.errors).toEqual(
          expect.arrayContaining([{ field: "name", message: "Required" }])
        )
        const ok = await api.post(
          "/samples/customer",
          { name: "Lamp", quantity: 2 },
          { headers: customer.headers }
        )
        expect(ok.status).toBe(201)
        expect(ok.data).toEqual({ name: "Lamp", quantity: 2 })
      })

      it("rejects unknown query parameters and pages with defaults and a clamped limit", async () => {
        const defaults = await api.get("/samples/public")
        expect(defaults.data).toMatchObject({ items: [], count: 0, limit: 20, offset: 0 })

        const clamped = await api.get("/samples/public?limit=100000&offset=40")
        expect(clamped.data).toMatchObject({ limit: 100, offset: 40 })

        for (const query of ["limit=abc", "limit=0", "offset=-1", "sort=name"]) {
          const response = await api.get(`/samples/public?${query}`, anyStatus)
          expect({ query, status: response.status }).toEqual({ query, status: 400 })
          expect(response.data.errors).toHaveLength(1)
        }
      })

      it("takes JSON only where JSON is expected, within the size limit", async () => {
        const text = await api.post("/samples/customer", "name=Lamp", {
          headers: { ...customer.headers, "content-type": "text/plain" },
          ...anyStatus,
        })
        expect(text.status).toBe(415)
        expect(text.data.type).toBe("unsupported_media_type")

        const malformed = await api.post("/samples/customer", '{"name": ', {
          headers: { ...customer.headers, "content-type": "application/json" },
          ...anyStatus,
        })
        expect(malformed.status).toBe(400)
        expect(malformed.data).toEqual({
          type: "invalid_data",
          message: "The request body is not valid JSON",
        })

        const large = await api.post(
          "/samples/customer",
          { name: "x".repeat(4096), quantity: 1 },
          { headers: customer.headers, ...anyStatus }
        )
        expect(large.status).toBe(413)
        expect(large.data.type).toBe("payload_too_large")
      })

      it("maps Medusa errors to their status and hides unexpected ones", async () => {
        const conflict = await api.get("/samples/failure?kind=conflict", anyStatus)
        expect(conflict.status).toBe(409)
        expect(conflict.data).toEqual({ type: "conflict", message: "That name is already taken" })

        const missing = await api.get("/samples/failure?kind=not_found", anyStatus)
        expect(missing.status).toBe(404)

        const unexpected = await api.get("/samples/failure?kind=unexpected", anyStatus)
        expect(unexpected.status).toBe(500)
        expect(unexpected.data).toEqual({
          type: "unknown_error",
          message: expect.stringContaining("request id"),
          request_id: unexpected.headers["x-request-id"],
        })
        expect(JSON.stringify(unexpected.data)).not.toMatch(/secret_user|db\.internal|at /)
      })
    })

    describe("request ids", () => {
      it("gives every response an id, keeping a well-formed one from the client", async () => {
        const generated = await api.get("/samples/public")
        expect(generated.headers["x-request-id"]).toMatch(UUID)

        const kept = await api.get("/samples/public", {
          headers: { "x-request-id": "trace-0123456789" },
        })
        expect(kept.headers["x-request-id"]).toBe("trace-0123456789")

        const replaced = await api.get("/samples/public", {
          headers: { "x-request-id": "<script>alert(1)</script>" },
        })
        expect(replaced.headers["x-request-id"]).toMatch(UUID)

        const medusaRoute = await api.get("/store/products", { headers: store.storeHeaders })
        expect(medusaRoute.headers["x-request-id"]).toMatch(UUID)
      })
    })

    describe("access log", () => {
      it("writes one structured line per request, without tokens or passwords", async () => {
        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
        const info = jest.spyOn(logger, "info")
        try {
          await api.get("/samples/customer", {
            headers: { ...customer.headers, "x-request-id": "log-test-0001" },
          })
          await api.post(
            "/samples/login?reset_token=abc",
            { email: "eve@example.test", password: "p4ssw0rd-secret" },
            {
              headers: { "x-forwarded-for": "203.0.113.50", "x-request-id": "log-test-0002" },
              ...anyStatus,
            }
          )
          await new Promise((resolve) => setImmediate(resolve))
          const messages = info.mock.calls.map(([message]) => String(message))
          const lines = messages
            .filter((message) => message.startsWith("{"))
            .map((message) => JSON.parse(message))
            .filter((line) => line.msg === "http_request")

          expect(lines.filter((line) => line.request_id === "log-test-0001")).toEqual([
            {
              msg: "http_request",
              method: "GET",
              path: "/samples/customer",
              status: 200,
              duration_ms: expect.any(Number),
              request_id: "log-test-0001",
              actor_id: customer.customer.id,
            },
          ])
          expect(lines.filter((line) => line.request_id === "log-test-0002")).toEqual([
            expect.objectContaining({ path: "/samples/login", status: 400, actor_id: null }),
          ])
          const everything = messages.join("\n")
          expect(everything).not.toContain("p4ssw0rd-secret")
          expect(everything).not.toContain(customer.token)
          expect(everything).not.toContain("reset_token")
        } finally {
          info.mockRestore()
        }
      })
    })

    describe("security headers and HTTPS", () => {
      it("sets the security headers, HSTS only over HTTPS", async () => {
        const response = await api.get("/samples/public")
        expect(response.headers["x-content-type-options"]).toBe("nosniff")
        expect(response.headers["referrer-policy"]).toBe("no-referrer")
        expect(response.headers["strict-transport-security"]).toContain("max-age=")
      })

      it("redirects plain-HTTP reads and refuses plain-HTTP writes", async () => {
        const plain = { "x-forwarded-proto": "http" }
        const read = await api.get("/samples/public?limit=5", {
          headers: plain,
          maxRedirects: 0,
          ...anyStatus,
        })
        expect(read.status).toBe(301)
        expect(read.headers.location).toMatch(/^https:\/\/[^/]+\/samples\/public\?limit=5$/)
        expect(read.headers["strict-transport-security"]).toBeUndefined()

        const write = await api.post(
          "/samples/customer",
          { name: "Lamp", quantity: 1 },
          {
            headers: { ...plain, ...customer.headers },
            ...anyStatus,
          }
        )
        expect(write.status).toBe(403)

        const probe = await api.get("/health", { headers: plain })
        expect(probe.status).toBe(200)
      })
    })

    describe("rate limits", () => {
      const login = (ip: string, body: object | string, headers: Record<string, string> = {}) =>
        api.post("/samples/login", body, {
          headers: { "x-forwarded-for": ip, ...headers },
          ...anyStatus,
        })

      it("allows a handful of attempts per IP and account, then 429 with headers", async () => {
        const ip = "203.0.113.7"
        const statuses: number[] = []
        const remaining: string[] = []
        for (let attempt = 0; attempt < 3; attempt++) {
          const response = await login(ip, { email: "Alice@Example.test", password: "wrong" })
          statuses.push(response.status)
          remaining.push(response.headers["ratelimit-remaining"])
        }
        expect(statuses).toEqual([200, 200, 200])
        expect(remaining).toEqual(["2", "1", "0"])

        // The account is the same whatever its case or the body's encoding.
        const limited = await login(ip, "username=alice%40example.test&password=x", {
          "content-type": "application/x-www-form-urlencoded",
        })
        expect(limited.status).toBe(429)
        expect(limited.data.type).toBe("too_many_requests")
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
        expect(limited.headers["ratelimit-limit"]).toBe("3")
        expect(limited.headers["ratelimit-remaining"]).toBe("0")
        expect(Number(limited.headers["ratelimit-reset"])).toBeGreaterThan(0)

        // Another account from the same address is still allowed.
        expect((await login(ip, { email: "bob@example.test", password: "x" })).status).toBe(200)
      })

      it("shares the limits with every instance on the same Redis", async () => {
        const ip = "203.0.113.9"
        // What a second instance of the engine builds from the same settings.
        const redis = new Redis(redisUrl, { enableOfflineQueue: false })
        await new Promise((resolve) => redis.once("ready", resolve))
        const otherInstance = createLimiter("auth", { points: 3, durationSeconds: 60 }, redis)
        try {
          await login(ip, { email: "carol@example.test", password: "x" })
          await login(ip, { email: "carol@example.test", password: "x" })
          const seen = await otherInstance.get(`${ip}:carol@example.test`)
          expect(seen?.consumedPoints).toBe(2)

          for (let attempt = 0; attempt < 3; attempt++) {
            await otherInstance.consume(`${ip}:dave@example.test`).catch(() => undefined)
          }
          const response = await login(ip, { email: "dave@example.test", password: "x" })
          expect(response.status).toBe(429)
        } finally {
          redis.disconnect()
        }
      })
    })
  },
})
