import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  actorClaims,
  anyStatus,
  asCaller as as,
  bearer,
  createAdminUser,
  createStoreContext,
  errorShapeProblem,
  expectCleanError,
  fromAddress,
  jwtSecretOf,
  registerAndLogin,
  signJwt,
  tamperJwt,
  uniqueEmail,
  type AdminSession,
  type EngineUser,
  type RequestHeaders,
} from "../helpers"

/**
 * OWASP API2:2023 Broken authentication (docs/SECURITY.md "Security suite"): bad tokens are
 * 401 on the engine's and Medusa's routes, including validly signed ones whose actor does
 * not exist, is in the other module or never expires (issue 18, defect 9); sign-in does
 * not tell accounts apart and its failures are counted per account across client
 * addresses, which a client cannot pick with X-Forwarded-For (defect 8).
 */

// The default trust: no proxy. Other addresses are real TCP peers (fromAddress).
delete process.env.TRUST_PROXY
// A small per-address sign-in limit, so "one address" shows in a few requests.
const LOGINS_PER_ADDRESS = 10
process.env.RATE_LIMIT_AUTH_IP_POINTS = String(LOGINS_PER_ADDRESS)
// Five free failures, then a wait far longer than the test, so "must wait" does not
// depend on how fast the machine is.
process.env.LOGIN_FREE_FAILURES = "5"
process.env.LOGIN_DELAY_BASE_SECONDS = "600"
process.env.LOGIN_DELAY_MAX_SECONDS = "600"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: RequestHeaders
    let admin: AdminSession
    let customer: EngineUser

    beforeAll(async () => {
      const container = getContainer()
      storeHeaders = (await createStoreContext(container)).storeHeaders
      admin = await createAdminUser(container, api)
      customer = await registerAndLogin(api)
    })

    it("refuses missing, forged, expired and edited tokens, and tokens for no real actor or without exp", async () => {
      const secret = jwtSecretOf(getContainer())
      const signed = (claims: Record<string, unknown>) => bearer(signJwt(claims, secret))
      const claims = actorClaims("customer", customer.id)
      const now = Math.floor(Date.now() / 1000)
      const tokens: Record<string, RequestHeaders> = {
        none: {},
        garbage: bearer("not-a-jwt"),
        "alg none": bearer(signJwt(claims, "", "none")),
        "other secret": bearer(signJwt(claims, "someone-elses-secret")),
        expired: signed({ ...claims, iat: now - 7200, exp: now - 3600 }),
        "edited actor": bearer(tamperJwt(customer.access_token, { actor_id: admin.user.id })),
        "edited to admin": bearer(tamperJwt(customer.access_token, { actor_type: "user" })),
        // Signed with the server's own secret: only the claims are wrong (defect 9).
        "unknown customer": signed(actorClaims("customer", "cus_01SECURITYSUITEUNKNOWN00")),
        "unknown admin": signed(actorClaims("user", "user_01SECURITYSUITEUNKNOWN0")),
        "customer as admin": signed(actorClaims("user", customer.id)),
        "admin as customer": signed(actorClaims("customer", admin.user.id)),
        "customer without exp": signed(actorClaims("customer", customer.id, { expires: false })),
        "admin without exp": signed(actorClaims("user", admin.user.id, { expires: false })),
      }
      // The engine's and Medusa's own, for customers and for admins.
      const routes: [string, RequestHeaders][] = [
        ["/auth/me", {}],
        ["/store/customers/me", storeHeaders],
        ["/users", {}],
        ["/admin/products", {}],
      ]
      // Every answer is collected first, so a failure lists every token and route let in.
      const answers: { token: string; route: string; status: number; shapeProblem?: string }[] = []
      for (const [name, token] of Object.entries(tokens)) {
        // A public route refuses a bad token too, rather than treating the caller as anonymous.
        const checked = name === "none" ? routes : [...routes, ["/products", {}] as const]
        for (const [route, headers] of checked) {
          const response = await api.get(route, as({ ...headers, ...token }))
          const shapeProblem = errorShapeProblem(response)
          answers.push({
            token: name,
            route,
            status: response.status,
            ...(shapeProblem ? { shapeProblem } : {}),
          })
        }
      }
      expect(answers).toEqual(answers.map(({ token, route }) => ({ token, route, status: 401 })))

      // The same actors with genuine claims get in: only the wrong claims were refused.
      for (const headers of [customer.headers, signed(claims)]) {
        expect((await api.get("/auth/me", as(headers))).data.id).toBe(customer.id)
        const me = await api.get("/store/customers/me", as({ ...storeHeaders, ...headers }))
        expect(me.data.customer?.id).toBe(customer.id)
      }
      for (const headers of [admin.headers, signed(actorClaims("user", admin.user.id))]) {
        expect((await api.get("/users", as(headers))).status).toBe(200)
        expect((await api.get("/admin/products", as(headers))).status).toBe(200)
      }
    })

    it("answers a wrong password and an unknown account alike", async () => {
      const wrong = await api.post(
        "/auth/login",
        { email: customer.email, password: "nope-nope-1" },
        anyStatus
      )
      const unknown = await api.post(
        "/auth/login",
        { email: uniqueEmail("nobody"), password: "nope-nope-1" },
        anyStatus
      )
      expectCleanError(wrong, 401)
      expectCleanError(unknown, 401)
      expect(wrong.data.message).toBe(unknown.data.message)
    })

    // Defect 8: ten wrong passwords from ten addresses used to be ten 401s.
    it("counts failed sign-ins for one account across client addresses", async () => {
      const target = await registerAndLogin(api)
      const attempt = (password: string, address: string) =>
        api.post(
          "/auth/login",
          { email: target.email, password },
          {
            ...fromAddress(api, address),
            ...anyStatus,
          }
        )
      const statuses: number[] = []
      for (let peer = 11; peer <= 15; peer += 1) {
        statuses.push((await attempt("wrong-password-1", `127.0.0.${peer}`)).status)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401])

      // The sixth guess, from a sixth address, must wait; so must the right password.
      const sixth = await attempt("wrong-password-1", "127.0.0.16")
      expectCleanError(sixth, 429)
      expect(Number(sixth.headers["retry-after"])).toBeGreaterThanOrEqual(1)
      expectCleanError(await attempt(target.password, "127.0.0.17"), 429)
      // Medusa's own password sign-in shares the count.
      const medusas = await api.post(
        "/auth/customer/emailpass",
        { email: target.email, password: target.password },
        { ...fromAddress(api, "127.0.0.18"), ...anyStatus }
      )
      expectCleanError(medusas, 429)
    })

    it("does not trust X-Forwarded-For by default: one client is one address", async () => {
      const client = fromAddress(api, "127.0.0.30")
      const statuses: number[] = []
      for (let claimed = 1; claimed <= LOGINS_PER_ADDRESS + 1; claimed += 1) {
        // Different accounts, so only the per-address limit can apply.
        const response = await api.post(
          "/auth/login",
          { email: uniqueEmail("spoof"), password: "wrong-password-1" },
          { ...client, headers: { "x-forwarded-for": `203.0.113.${claimed}` }, ...anyStatus }
        )
        statuses.push(response.status)
      }
      expect(statuses).toEqual([...Array(LOGINS_PER_ADDRESS).fill(401), 429])
    })
  },
})
