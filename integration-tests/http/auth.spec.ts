import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createAdminUser,
  createStoreContext,
  TestSmtpServer,
  tokenFromLink,
  uniqueEmail,
  type StoreContext,
} from "../helpers"

// Mail goes to a real SMTP server in this process; settings load before the app boots.
const smtp = new TestSmtpServer()
process.env.RATE_LIMIT_AUTH_POINTS = "5"
// The test client stands for a proxy on loopback: X-Forwarded-* picks the client address.
process.env.TRUST_PROXY = "loopback"
process.env.STOREFRONT_URL = "https://shop.example"

beforeAll(async () => {
  await smtp.start()
  process.env.SMTP_URL = smtp.url
})

afterAll(async () => {
  await smtp.stop()
})

const anyStatus = { validateStatus: () => true }
const PASSWORD = "correct-horse-1"

let ipCounter = 0
/** Each test speaks from its own address, so rate limits of one do not touch another. */
function nextIp(): string {
  ipCounter += 1
  return `198.51.100.${ipCounter}`
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreContext

    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

    async function register(overrides: Record<string, unknown> = {}) {
      const email = uniqueEmail("shopper")
      const body = {
        email,
        username: `u${Math.random().toString(36).slice(2, 10)}`,
        password: PASSWORD,
        first_name: "Ada",
        last_name: "Lovelace",
        ...overrides,
      }
      const response = await api.post("/auth/register", body, anyStatus)
      return { body, response }
    }

    async function login(identifier: string, password = PASSWORD) {
      return api.post("/auth/login", { email: identifier, password }, anyStatus)
    }

    beforeEach(async () => {
      api.defaults.headers.common["x-forwarded-for"] = nextIp()
      smtp.clear()
      store = await createStoreContext(getContainer())
    })

    describe("POST /auth/register", () => {
      it("creates the user, never returns a password, and mails welcome and verification", async () => {
        const { body, response } = await register({ username: "Ada_L" })
        expect(response.status).toBe(201)
        expect(response.data).toEqual({
          id: expect.stringMatching(/^cus_/),
          email: body.email,
          username: "ada_l",
          first_name: "Ada",
          last_name: "Lovelace",
          is_active: true,
          is_admin: false,
          email_verified: false,
          preferences: {},
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        expect(JSON.stringify(response.data)).not.toMatch(/password|hash/i)

        const welcome = await smtp.waitForMessage(
          (mail) => mail.to.includes(body.email) && mail.subject === "Welcome!"
        )
        expect(welcome.text).toContain("Ada")
        const verification = await smtp.waitForMessage(
          (mail) => mail.to.includes(body.email) && /Confirm/.test(mail.subject)
        )
        expect(tokenFromLink(verification.text, "verify-email")).toBeTruthy()
      })

      it("refuses a taken email or username (any case) with 409 and creates nothing", async () => {
        const first = await register({ username: "grace" })
        expect(first.response.status).toBe(201)

        const sameEmail = await register({ email: first.body.email })
        expect(sameEmail.response.status).toBe(409)
        expect(sameEmail.response.data.message).toMatch(/email/i)

        const sameUsername = await register({ username: "GRACE" })
        expect(sameUsername.response.status).toBe(409)
        expect(sameUsername.response.data.message).toMatch(/username/i)

        // The refused registration left no account behind: its email is still free.
        const retry = await register({ email: sameUsername.body.email })
        expect(retry.response.status).toBe(201)
      })

      it("validates the body field by field", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ password: "short" }, "password"],
          [{ email: "not-an-email" }, "email"],
          [{ username: "a b" }, "username"],
          [{ is_admin: true }, "is_admin"],
        ]
        for (const [override, field] of cases) {
          const { response } = await register(override)
          expect({ field, status: response.status }).toEqual({ field, status: 400 })
          expect(response.data.errors.map((e: { field: string }) => e.field)).toContain(field)
        }
      })

      it("keeps two registrations racing for one email to a single account", async () => {
        const email = uniqueEmail("race")
        const attempts = await Promise.all(
          [0, 1, 2].map((i) => register({ email, username: `racer${i}${Date.now() % 10000}` }))
        )
        const statuses = attempts.map(({ response }) => response.status).sort()
        expect(statuses.filter((s) => s === 201)).toHaveLength(1)
        expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true)
      })
    })

    describe("POST /auth/verify-email", () => {
      it("verifies with the mailed token once; /resend sends a new one", async () => {
        const { body } = await register()
        const tokens = (await login(body.email)).data
        await api.post("/auth/verify-email/resend", {}, bearer(tokens.access_token))
        const confirmations = () =>
          smtp.messages.filter((m) => m.to.includes(body.email) && /Confirm/.test(m.subject))
        await smtp.waitForMessage(() => confirmations().length >= 2)
        // The resent link replaces the first one.
        const [first, latest] = confirmations()
        const stale = tokenFromLink(first.text, "verify-email")
        const token = tokenFromLink(latest.text, "verify-email")
        expect((await api.post("/auth/verify-email", { token: stale }, anyStatus)).status).toBe(400)

        const verified = await api.post("/auth/verify-email", { token })
        expect(verified.status).toBe(204)
        const me = await api.get("/auth/me", bearer(tokens.access_token))
        expect(me.data.email_verified).toBe(true)

        const again = await api.post("/auth/verify-email", { token }, anyStatus)
        expect(again.status).toBe(400)
        const bogus = await api.post("/auth/verify-email", { token: "nope" }, anyStatus)
        expect(bogus.status).toBe(400)
      })
    })

    describe("POST /auth/login", () => {
      it("signs in with JSON email or the OAuth2 password form with the username", async () => {
        const { body } = await register({ username: "formuser" })
        const json = await login(body.email)
        expect(json.status).toBe(200)
        expect(json.data).toEqual({
          access_token: expect.any(String),
          refresh_token: expect.any(String),
          token_type: "bearer",
          expires_in: 900,
        })
        expect(json.headers["cache-control"]).toBe("no-store")

        const form = await api.post(
          "/auth/login",
          `grant_type=password&username=FormUser&password=${PASSWORD}`,
          { headers: { "content-type": "application/x-www-form-urlencoded" } }
        )
        expect(form.status).toBe(200)

        const me = await api.get("/auth/me", bearer(form.data.access_token))
        expect(me.data).toMatchObject({ email: body.email, username: "formuser", is_admin: false })
      })

      it("answers a wrong password and an unknown account with the same 401", async () => {
        const { body } = await register()
        const wrongPassword = await login(body.email, "wrong-password-1")
        const unknownEmail = await login(uniqueEmail("nobody"))
        const unknownUsername = await login("nobody-here")
        for (const response of [wrongPassword, unknownEmail, unknownUsername]) {
          expect(response.status).toBe(401)
          expect(response.data).toEqual(wrongPassword.data)
        }
      })

      it("issues a token Medusa's /store routes accept", async () => {
        const { body } = await register()
        const { data } = await login(body.email)
        const me = await api.get("/store/customers/me", {
          headers: { ...store.storeHeaders, authorization: `Bearer ${data.access_token}` },
        })
        expect(me.data.customer.email).toBe(body.email)
      })

      it("signs an admin in as an admin, with the dashboard's credentials", async () => {
        const admin = await createAdminUser(getContainer(), api)
        const { data } = await login(admin.email, admin.password)
        const me = await api.get("/auth/me", bearer(data.access_token))
        expect(me.data).toMatchObject({ id: admin.user.id, email: admin.email, is_admin: true })
        const adminRoute = await api.get("/admin/users/me", bearer(data.access_token))
        expect(adminRoute.data.user.id).toBe(admin.user.id)
      })

      it("rate limits repeated attempts on one account with 429", async () => {
        const { body } = await register()
        // Failed sign-ins count per account, whatever the address (docs/SECURITY.md).
        api.defaults.headers.common["x-forwarded-for"] = nextIp()
        const statuses: number[] = []
        for (let attempt = 0; attempt < 6; attempt++) {
          statuses.push((await login(body.email, "wrong-password-1")).status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      })
    })

    describe("refresh tokens", () => {
      it("rotates on every use and revokes the session when a used one comes back", async () => {
        const { body } = await register()
        const first = (await login(body.email)).data
        const second = await api.post("/auth/refresh", { refresh_token: first.refresh_token })
        expect(second.status).toBe(200)
        expect(second.data.refresh_token).not.toBe(first.refresh_token)
        expect((await api.get("/auth/me", bearer(second.data.access_token))).status).toBe(200)

        const replay = await api.post(
          "/auth/refresh",
          { refresh_token: first.refresh_token },
          anyStatus
        )
        expect(replay.status).toBe(401)
        // Re-use revoked the family: the newest refresh and access tokens are dead too.
        const successor = await api.post(
          "/auth/refresh",
          { refresh_token: second.data.refresh_token },
          anyStatus
        )
        expect(successor.status).toBe(401)
        const me = await api.get("/auth/me", { ...bearer(second.data.access_token), ...anyStatus })
        expect(me.status).toBe(401)
      })

      it("lets only one of two concurrent refreshes with the same token through", async () => {
        const { body } = await register()
        const { refresh_token } = (await login(body.email)).data
        const results = await Promise.all(
          [0, 1, 2].map(() => api.post("/auth/refresh", { refresh_token }, anyStatus))
        )
        expect(results.filter((r) => r.status === 200)).toHaveLength(1)
      })

      it("refuses an unknown refresh token", async () => {
        const response = await api.post("/auth/refresh", { refresh_token: "made-up" }, anyStatus)
        expect(response.status).toBe(401)
      })
    })

    describe("POST /auth/logout", () => {
      it("kills the access token here and on /store, and the refresh token", async () => {
        const { body } = await register()
        const tokens = (await login(body.email)).data
        const other = (await login(body.email)).data

        expect((await api.post("/auth/logout", {}, bearer(tokens.access_token))).status).toBe(204)

        const me = await api.get("/auth/me", { ...bearer(tokens.access_token), ...anyStatus })
        expect(me.status).toBe(401)
        const storeMe = await api.get("/store/customers/me", {
          headers: { ...store.storeHeaders, authorization: `Bearer ${tokens.access_token}` },
          ...anyStatus,
        })
        expect(storeMe.status).toBe(401)
        const refresh = await api.post(
          "/auth/refresh",
          { refresh_token: tokens.refresh_token },
          anyStatus
        )
        expect(refresh.status).toBe(401)
        // Another session of the same user is untouched.
        expect((await api.get("/auth/me", bearer(other.access_token))).status).toBe(200)
      })

      it("needs a token", async () => {
        expect((await api.post("/auth/logout", {}, anyStatus)).status).toBe(401)
      })
    })

    describe("password reset", () => {
      it("answers 202 for unknown emails and sends nothing", async () => {
        const { body } = await register()
        const email = uniqueEmail("ghost")
        const response = await api.post("/auth/forgot-password", { email })
        expect(response.status).toBe(202)
        expect(response.data).toEqual({ message: expect.any(String) })
        // A request for a real account made after it: once its mail is here, a mail for
        // the unknown address would have been sent too.
        const known = await api.post("/auth/forgot-password", { email: body.email })
        expect(known.data).toEqual(response.data)
        await smtp.waitForMessage(
          (mail) => mail.to.includes(body.email) && /Reset/.test(mail.subject)
        )
        expect(smtp.messages.filter((mail) => mail.to.includes(email))).toEqual([])
      })

      it("resets with the mailed token once and signs every session out", async () => {
        const { body } = await register()
        const session = (await login(body.email)).data
        const forgot = await api.post("/auth/forgot-password", { email: body.email.toUpperCase() })
        expect(forgot.status).toBe(202)
        const mail = await smtp.waitForMessage(
          (m) => m.to.includes(body.email) && /Reset/.test(m.subject)
        )
        const token = tokenFromLink(mail.text, "reset-password")

        const reset = await api.post("/auth/reset-password", { token, password: "new-password-2" })
        expect(reset.status).toBe(204)
        const reuse = await api.post(
          "/auth/reset-password",
          { token, password: "another-password-3" },
          anyStatus
        )
        expect(reuse.status).toBe(401)

        expect((await login(body.email)).status).toBe(401)
        expect((await login(body.email, "new-password-2")).status).toBe(200)
        const oldAccess = await api.get("/auth/me", {
          ...bearer(session.access_token),
          ...anyStatus,
        })
        expect(oldAccess.status).toBe(401)
        const oldRefresh = await api.post(
          "/auth/refresh",
          { refresh_token: session.refresh_token },
          anyStatus
        )
        expect(oldRefresh.status).toBe(401)
      })

      it("refuses an expired token and a weak new password", async () => {
        const { body } = await register()
        await api.post("/auth/forgot-password", { email: body.email })
        const mail = await smtp.waitForMessage(
          (m) => m.to.includes(body.email) && /Reset/.test(m.subject)
        )
        const token = tokenFromLink(mail.text, "reset-password")

        const weak = await api.post("/auth/reset-password", { token, password: "short" }, anyStatus)
        expect(weak.status).toBe(400)

        // Age the stored token past its expiry.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg("auth_password_reset_token").update({ expires_at: new Date(Date.now() - 1000) })
        const expired = await api.post(
          "/auth/reset-password",
          { token, password: "new-password-2" },
          anyStatus
        )
        expect(expired.status).toBe(401)
        expect((await login(body.email)).status).toBe(200)
      })
    })
  },
})
