import axios, { type AxiosResponse } from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createAdminUser,
  createStoreContext,
  FakeOAuthProvider,
  TestSmtpServer,
  tokenFromLink,
  uniqueEmail,
  type FakeOAuthUser,
  type OAuthProviderName,
} from "../helpers"

// The providers and the mail server run in this process; the configuration (read when the
// runner boots the app, after these hooks) points the engine at them.
const fake = new FakeOAuthProvider()
const smtp = new TestSmtpServer()
const CALLBACK_BASE = "https://api.shop.example"
process.env.OAUTH_CALLBACK_BASE_URL = CALLBACK_BASE
process.env.STOREFRONT_URL = "https://shop.example"
// The test client stands for a proxy on loopback: X-Forwarded-For picks the client address.
process.env.TRUST_PROXY = "loopback"

beforeAll(async () => {
  await Promise.all([fake.start(), smtp.start()])
  Object.assign(process.env, fake.env())
  process.env.SMTP_URL = smtp.url
})

afterAll(async () => {
  await Promise.all([fake.stop(), smtp.stop()])
})

const anyStatus = { validateStatus: () => true }
const noRedirect = { ...anyStatus, maxRedirects: 0 }
const PASSWORD = "correct-horse-1"

let ipCounter = 0
function nextIp(): string {
  ipCounter += 1
  return `198.51.100.${ipCounter}`
}

let userCounter = 0
function providerUser(overrides: Partial<FakeOAuthUser> = {}): FakeOAuthUser {
  userCounter += 1
  return {
    id: String(100000 + userCounter),
    email: uniqueEmail("oauth"),
    email_verified: true,
    name: "Grace Hopper",
    given_name: "Grace",
    family_name: "Hopper",
    ...overrides,
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

    beforeEach(() => {
      api.defaults.headers.common["x-forwarded-for"] = nextIp()
      fake.clear()
      smtp.clear()
    })

    /** Our redirect to the provider, and the provider's redirect back to our callback. */
    async function authorize(provider: OAuthProviderName, user: FakeOAuthUser) {
      fake.setUser(provider, user)
      const start = await api.get(`/auth/oauth/${provider}`, noRedirect)
      expect(start.status).toBe(302)
      const location = new URL(start.headers.location)
      const approved = await axios.get(location.toString(), noRedirect)
      expect(approved.status).toBe(302)
      const back = new URL(approved.headers.location)
      return { start, location, back }
    }

    /** The provider's redirect, delivered to the engine (the browser's last hop). */
    function callback(back: URL): Promise<AxiosResponse> {
      return api.get(`${back.pathname}${back.search}`, anyStatus)
    }

    async function signIn(provider: OAuthProviderName, user: FakeOAuthUser) {
      const { back } = await authorize(provider, user)
      return callback(back)
    }

    async function me(accessToken: string) {
      return (await api.get("/auth/me", bearer(accessToken))).data
    }

    /** A password account through /auth/register, with its email verified or not. */
    async function registerAccount(email: string, verified: boolean) {
      const username = `u${Math.random().toString(36).slice(2, 10)}`
      const registered = await api.post("/auth/register", {
        email,
        username,
        password: PASSWORD,
        first_name: "Ada",
      })
      expect(registered.status).toBe(201)
      if (verified) {
        const mail = await smtp.waitForMessage(
          (message) => message.to.includes(email) && /Confirm/.test(message.subject)
        )
        const token = tokenFromLink(mail.text, "verify-email")
        expect((await api.post("/auth/verify-email", { token })).status).toBe(204)
      }
      return registered.data as { id: string; email: string; username: string }
    }

    async function passwordLogin(email: string) {
      return api.post("/auth/login", { email, password: PASSWORD }, anyStatus)
    }

    describe("Google", () => {
      it("redirects to Google, comes back, and signs a new customer in", async () => {
        const user = providerUser()
        const { start, location, back } = await authorize("google", user)

        expect(start.headers["cache-control"]).toBe("no-store")
        expect(`${location.origin}${location.pathname}`).toBe(`${fake.url}/google/authorize`)
        const state = location.searchParams.get("state") as string
        expect(Object.fromEntries(location.searchParams)).toMatchObject({
          client_id: fake.clients.google.id,
          redirect_uri: `${CALLBACK_BASE}/auth/oauth/google/callback`,
          response_type: "code",
          scope: expect.stringContaining("email"),
        })
        expect(state).toMatch(/^[0-9a-f]{64}$/)
        expect(`${back.origin}${back.pathname}`).toBe(`${CALLBACK_BASE}/auth/oauth/google/callback`)
        expect(back.searchParams.get("state")).toBe(state)

        const response = await callback(back)
        expect(response.status).toBe(200)
        expect(response.headers["cache-control"]).toBe("no-store")
        expect(response.data).toEqual({
          access_token: expect.any(String),
          refresh_token: expect.any(String),
          token_type: "bearer",
          expires_in: 900,
        })
        // The code was exchanged with the client's secret and the same redirect_uri.
        expect(fake.tokenRequests).toEqual([
          {
            provider: "google",
            form: expect.objectContaining({
              client_secret: fake.clients.google.secret,
              redirect_uri: `${CALLBACK_BASE}/auth/oauth/google/callback`,
              grant_type: "authorization_code",
            }),
          },
        ])

        const profile = await me(response.data.access_token)
        expect(profile).toMatchObject({
          id: expect.stringMatching(/^cus_/),
          email: user.email,
          username: null,
          first_name: "Grace",
          last_name: "Hopper",
          email_verified: true,
          is_active: true,
          is_admin: false,
        })

        // The pair is a normal session: Medusa's /store routes accept it, refresh rotates.
        const store = await createStoreContext(getContainer())
        const storeMe = await api.get("/store/customers/me", {
          headers: { ...store.storeHeaders, authorization: `Bearer ${response.data.access_token}` },
        })
        expect(storeMe.data.customer.id).toBe(profile.id)
        const refreshed = await api.post("/auth/refresh", {
          refresh_token: response.data.refresh_token,
        })
        expect(refreshed.status).toBe(200)
      })

      it("signs the same Google user in to the same customer the second time", async () => {
        const user = providerUser()
        const first = await signIn("google", user)
        const second = await signIn("google", { ...user, name: "Grace B. Hopper" })
        expect([first.status, second.status]).toEqual([200, 200])
        expect(second.data.access_token).not.toBe(first.data.access_token)
        expect((await me(second.data.access_token)).id).toBe((await me(first.data.access_token)).id)
      })

      it("refuses an address Google has not verified (the package's rule) with 401", async () => {
        const response = await signIn("google", providerUser({ email_verified: false }))
        expect(response.status).toBe(401)
        expect(response.data.message).toMatch(/not verified/i)
      })

      it("refuses an id_token not signed by a published key with 401", async () => {
        const user = providerUser()
        const { back } = await authorize("google", user)
        fake.forgeNextIdToken()
        const response = await callback(back)
        expect(response.status).toBe(401)
        expect(response.data.message).toMatch(/id_token/)
      })
    })

    describe("GitHub", () => {
      it("asks for the email scope, reads /user and /user/emails, signs the customer in", async () => {
        const user = providerUser({ given_name: undefined, family_name: undefined })
        const { location, back } = await authorize("github", user)
        expect(`${location.origin}${location.pathname}`).toBe(
          `${fake.url}/github/login/oauth/authorize`
        )
        expect(Object.fromEntries(location.searchParams)).toMatchObject({
          client_id: fake.clients.github.id,
          redirect_uri: `${CALLBACK_BASE}/auth/oauth/github/callback`,
          scope: "read:user user:email",
          state: expect.stringMatching(/^[0-9a-f]{64}$/),
        })

        const first = await callback(back)
        expect(first.status).toBe(200)
        const profile = await me(first.data.access_token)
        expect(profile).toMatchObject({
          email: user.email,
          first_name: "Grace",
          last_name: "Hopper",
          email_verified: true,
          username: null,
        })

        const second = await signIn("github", user)
        expect(second.status).toBe(200)
        expect((await me(second.data.access_token)).id).toBe(profile.id)
      })

      it("uses a verified secondary address when the primary one is unverified", async () => {
        const verified = uniqueEmail("secondary")
        const user = providerUser({
          emails: [
            { email: uniqueEmail("primary"), primary: true, verified: false },
            { email: verified, primary: false, verified: true },
          ],
        })
        const response = await signIn("github", user)
        expect(response.status).toBe(200)
        expect(await me(response.data.access_token)).toMatchObject({
          email: verified,
          email_verified: true,
        })
      })

      it("creates an unverified account for an unverified new address and mails a link", async () => {
        const user = providerUser({ email_verified: false })
        const response = await signIn("github", user)
        expect(response.status).toBe(200)
        expect(await me(response.data.access_token)).toMatchObject({
          email: user.email,
          email_verified: false,
        })
        const mail = await smtp.waitForMessage(
          (message) => message.to.includes(user.email as string) && /Confirm/.test(message.subject)
        )
        const token = tokenFromLink(mail.text, "verify-email")
        expect((await api.post("/auth/verify-email", { token })).status).toBe(204)
        expect((await me(response.data.access_token)).email_verified).toBe(true)
      })
    })

    describe("deleted users", () => {
      it("removes every login of a deleted user; the provider account can sign up again", async () => {
        const email = uniqueEmail("leaving")
        const account = await registerAccount(email, true)
        const user = providerUser({ email })
        const google = await signIn("google", user)
        expect((await me(google.data.access_token)).id).toBe(account.id)

        const deleted = await api.delete(`/users/${account.id}`, bearer(google.data.access_token))
        expect(deleted.status).toBe(204)
        expect((await passwordLogin(email)).status).toBe(401)

        const again = await signIn("google", user)
        expect(again.status).toBe(200)
        const fresh = await me(again.data.access_token)
        expect(fresh.id).not.toBe(account.id)
        expect(fresh.email).toBe(email)
      })
    })

    describe("account linking", () => {
      it("links a verified provider email to the verified password account", async () => {
        const email = uniqueEmail("linked")
        const account = await registerAccount(email, true)

        const google = await signIn("google", providerUser({ email }))
        expect(google.status).toBe(200)
        expect(await me(google.data.access_token)).toMatchObject({
          id: account.id,
          username: account.username,
          first_name: "Ada",
        })
        const github = await signIn("github", providerUser({ email }))
        expect(github.status).toBe(200)
        expect((await me(github.data.access_token)).id).toBe(account.id)

        // The password still works and is the same account.
        const password = await passwordLogin(email)
        expect((await me(password.data.access_token)).id).toBe(account.id)
      })

      it("never links an address the provider has not verified (409), until it is", async () => {
        const email = uniqueEmail("victim")
        const account = await registerAccount(email, true)
        const attacker = providerUser({ email, email_verified: false })

        const refused = await signIn("github", attacker)
        expect(refused.status).toBe(409)
        expect(refused.data).toEqual({
          type: "conflict",
          message: expect.stringMatching(/GitHub has not verified/),
        })
        // Refused again on a second try: nothing was linked on the way.
        expect((await signIn("github", attacker)).status).toBe(409)
        expect((await me((await passwordLogin(email)).data.access_token)).id).toBe(account.id)

        // Once GitHub has verified the address, the same GitHub user is linked.
        const linked = await signIn("github", { ...attacker, email_verified: true })
        expect(linked.status).toBe(200)
        expect((await me(linked.data.access_token)).id).toBe(account.id)
      })

      it("never links to an account whose own address is unverified (409)", async () => {
        const email = uniqueEmail("squatted")
        await registerAccount(email, false)
        const response = await signIn("google", providerUser({ email }))
        expect(response.status).toBe(409)
        expect(response.data.message).toMatch(/verify the address first/)
      })

      it("refuses a deactivated account with 401", async () => {
        const user = providerUser()
        const first = await signIn("google", user)
        const customerId = (await me(first.data.access_token)).id
        const admin = await createAdminUser(getContainer(), api)
        const off = await api.put(`/users/${customerId}`, { is_active: false }, bearer(admin.token))
        expect(off.status).toBe(200)

        const again = await signIn("google", user)
        expect(again.status).toBe(401)
        expect(again.data.message).toMatch(/deactivated/)
      })
    })

    describe("callback checks", () => {
      it("refuses a tampered, missing or replayed state and a bad code with 401", async () => {
        const { back } = await authorize("google", providerUser())
        const state = back.searchParams.get("state") as string
        const code = back.searchParams.get("code") as string
        const path = "/auth/oauth/google/callback"
        const flipped = `${state.slice(0, -1)}${state.endsWith("0") ? "1" : "0"}`

        const attempts = [
          `${path}?code=${code}&state=${flipped}`,
          `${path}?code=${code}`,
          `${path}?state=${state}`,
          `${path}`,
        ]
        for (const attempt of attempts) {
          const response = await api.get(attempt, anyStatus)
          expect({ attempt, status: response.status }).toEqual({ attempt, status: 401 })
        }
        // The genuine state was not consumed by the forgeries; it works once only.
        const ok = await api.get(`${path}?code=${code}&state=${state}`, anyStatus)
        expect(ok.status).toBe(200)
        const replay = await api.get(`${path}?code=${code}&state=${state}`, anyStatus)
        expect(replay.status).toBe(401)

        // A valid state with a code the provider never issued.
        const other = await authorize("github", providerUser())
        const badCode = await api.get(
          `/auth/oauth/github/callback?code=forged&state=${other.back.searchParams.get("state")}`,
          anyStatus
        )
        expect(badCode.status).toBe(401)
        expect(badCode.data.message).toMatch(/bad_verification_code/)
      })

      it("answers the provider's own refusal with 401", async () => {
        const { location } = await authorize("google", providerUser())
        const response = await api.get(
          `/auth/oauth/google/callback?error=access_denied&state=${location.searchParams.get("state")}`,
          anyStatus
        )
        expect(response.status).toBe(401)
        expect(response.data.message).toMatch(/access_denied/)
      })
    })

    describe("routing", () => {
      it("answers an unknown provider with 404, on both routes", async () => {
        for (const path of [
          "/auth/oauth/facebook",
          "/auth/oauth/emailpass",
          "/auth/oauth/facebook/callback?code=x&state=y",
        ]) {
          const response = await api.get(path, noRedirect)
          expect({ path, status: response.status }).toEqual({ path, status: 404 })
        }
      })

      it("leaves Medusa's own /auth routes working beside /auth/oauth", async () => {
        const email = uniqueEmail("medusa")
        await registerAccount(email, false)
        const medusaLogin = await api.post("/auth/customer/emailpass", {
          email,
          password: PASSWORD,
        })
        expect(medusaLogin.data.token).toEqual(expect.any(String))
        const medusaGoogle = await api.get("/auth/customer/google", anyStatus)
        expect(medusaGoogle.status).toBe(200)
        expect(medusaGoogle.data.location).toContain(`${fake.url}/google/authorize`)
      })
    })
  },
})
