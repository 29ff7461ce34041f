import type { KeyObject } from "node:crypto"
import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createEngineClient,
  createStorefrontSdk,
  EngineError,
  EngineSession,
  memoryTokenStore,
  type TokenStore,
} from "../../packages/client/src"
import { createCommerceSetup, decodeJwt, signJwt, uniqueEmail } from "../helpers"

jest.setTimeout(120_000)

const PASSWORD = "storefront-password-1"
const ROOT = path.resolve(__dirname, "../..")
const CLIENT_TYPES_FILE = "packages/client/src/schema.d.ts"

/**
 * `npm run client:generate -- --check` against the live document. It runs as its own
 * process: openapi-typescript loads ES modules that jest's module runtime cannot.
 */
function checkTypes(url: string, out: string): Promise<{ code: number; output: string }> {
  const tsNode = path.join(ROOT, "node_modules/.bin/ts-node")
  const args = ["scripts/generate-client.ts", "--url", url, "--out", out, "--check"]
  return new Promise((resolve) => {
    execFile(tsNode, args, { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
    })
  })
}
const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let baseUrl: string
    let publishableKey: string
    let email: string
    /** Every request the session and the SDK send: method and path. */
    let sent: string[]
    const countingFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init)
      sent.push(`${request.method} ${new URL(request.url).pathname}`)
      return fetch(request)
    }

    beforeEach(async () => {
      baseUrl = String(api.defaults.baseURL).replace(/\/+$/, "")
      publishableKey = (await createCommerceSetup(getContainer())).storeHeaders[
        "x-publishable-api-key"
      ]
      email = uniqueEmail("storefront")
      const registered = await api.post("/auth/register", {
        email,
        username: `s${Math.random().toString(36).slice(2, 10)}`,
        password: PASSWORD,
        first_name: "Sam",
        last_name: "Shopper",
      })
      expect(registered.status).toBe(201)
      sent = []
    })

    function signedInKit(store: TokenStore = memoryTokenStore()) {
      const session = new EngineSession({ baseUrl, store, fetch: countingFetch })
      const sdk = createStorefrontSdk({ baseUrl, publishableKey, session })
      const client = createEngineClient({ baseUrl, session })
      return { session, sdk, client, store }
    }

    /** The same token, signed correctly, but expired a minute ago. */
    function expiredCopyOf(token: string): string {
      const { jwtSecret } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
        .projectConfig.http
      const past = Math.floor(Date.now() / 1000) - 60
      return signJwt(
        { ...decodeJwt(token), iat: past - 900, exp: past },
        jwtSecret as string | KeyObject
      )
    }

    describe("the generated client", () => {
      it("matches the live /openapi.json (run `npm run client:generate` when this fails)", async () => {
        const committed = path.join(ROOT, CLIENT_TYPES_FILE)
        const check = await checkTypes(`${baseUrl}/openapi.json`, committed)
        expect(check.output).toContain("matches")
        expect(check.code).toBe(0)
      })

      it("the check fails when the committed types drift from the document", async () => {
        const drifted = path.join(
          fs.mkdtempSync(path.join(os.tmpdir(), "client-types-")),
          "schema.d.ts"
        )
        const committed = fs.readFileSync(path.join(ROOT, CLIENT_TYPES_FILE), "utf8")
        fs.writeFileSync(drifted, committed.replace('"/products/search"', '"/products/find"'))
        const check = await checkTypes(`${baseUrl}/openapi.json`, drifted)
        expect(check.code).toBe(1)
        expect(check.output).toContain("differs from")
        fs.rmSync(path.dirname(drifted), { recursive: true, force: true })
      })

      it("calls a route with typed parameters and reads the engine's error shape", async () => {
        const client = createEngineClient({ baseUrl })
        const list = await client.GET("/products", { params: { query: { limit: 5 } } })
        expect(list.response.status).toBe(200)
        expect(Array.isArray(list.data?.items)).toBe(true)
        const bad = await client.GET("/products", { params: { query: { limit: -1 } } })
        expect(bad.response.status).toBe(400)
        expect(bad.error).toMatchObject({ type: "invalid_data", errors: [expect.any(Object)] })
      })
    })

    describe("the JS SDK helper", () => {
      it("hands one login's access token to sdk.store.*, sdk.client.fetch and the typed client", async () => {
        const { session, sdk, client, store } = signedInKit()
        await session.login({ email, password: PASSWORD })
        const token = store.load()?.access_token
        expect(token).toEqual(expect.any(String))

        const { customer } = await sdk.store.customer.retrieve()
        expect(customer.email).toBe(email)
        const cart = await sdk.client.fetch<{ id: string; items: unknown[] }>("/cart")
        expect(cart).toMatchObject({ id: expect.any(String), items: [] })
        const me = await client.GET("/auth/me")
        expect(me.data?.email).toBe(email)
        // The engine's cart belongs to the customer Medusa's /store/customers/me shows.
        expect(decodeJwt(token!).actor_id).toBe(customer.id)
        expect(sent.filter((line) => line.includes("/auth/refresh"))).toEqual([])
      })

      it("refreshes once for 5 concurrent 401s and repeats each request", async () => {
        const changes: boolean[] = []
        const store = memoryTokenStore()
        const session = new EngineSession({
          baseUrl,
          store,
          fetch: countingFetch,
          onChange: (signedIn) => changes.push(signedIn),
        })
        const sdk = createStorefrontSdk({ baseUrl, publishableKey, session })
        const client = createEngineClient({ baseUrl, session })
        await session.login({ email, password: PASSWORD })
        const first = store.load()!
        store.save({ ...first, access_token: expiredCopyOf(first.access_token) })
        sent = []

        const results = await Promise.all([
          sdk.store.customer.retrieve().then((r) => r.customer.email),
          sdk.client.fetch<{ id: string }>("/cart").then((r) => r.id),
          client.GET("/auth/me").then((r) => r.data?.email),
          client.GET("/orders").then((r) => r.response.status),
          session.fetch("/auth/me").then((r) => r.status),
        ])

        expect(results).toEqual([email, expect.any(String), email, 200, 200])
        expect(sent.filter((line) => line === "POST /auth/refresh")).toHaveLength(1)
        const second = store.load()!
        expect(second.refresh_token).not.toBe(first.refresh_token)
        expect(changes).toEqual([true, true])
        // The old refresh token was used up by the one refresh.
        const replay = await api.post(
          "/auth/refresh",
          { refresh_token: first.refresh_token },
          anyStatus
        )
        expect(replay.status).toBe(401)
      })

      it("ends the session when the refresh token is refused", async () => {
        const { session, sdk, store } = signedInKit()
        await session.login({ email, password: PASSWORD })
        const tokens = store.load()!
        store.save({ access_token: expiredCopyOf(tokens.access_token), refresh_token: "unknown" })
        await expect(sdk.store.customer.retrieve()).rejects.toMatchObject({ status: 401 })
        expect(session.isSignedIn()).toBe(false)
      })

      it("logs out: the engine refuses both tokens and the SDK sends none", async () => {
        const { session, sdk, store } = signedInKit()
        await session.login({ email, password: PASSWORD })
        const tokens = store.load()!
        await session.logout()

        expect(session.isSignedIn()).toBe(false)
        expect(sent).toContain("POST /auth/logout")
        const me = await api.get("/auth/me", {
          headers: { authorization: `Bearer ${tokens.access_token}` },
          ...anyStatus,
        })
        expect(me.status).toBe(401)
        const refresh = await api.post(
          "/auth/refresh",
          { refresh_token: tokens.refresh_token },
          anyStatus
        )
        expect(refresh.status).toBe(401)
        await expect(sdk.store.customer.retrieve()).rejects.toMatchObject({ status: 401 })
        expect(sent.filter((line) => line === "POST /auth/refresh")).toEqual([])
      })

      it("answers a wrong password with the engine's error", async () => {
        const { session } = signedInKit()
        const refused = await session.login({ email, password: "not-the-password" }).catch((e) => e)
        expect(refused).toBeInstanceOf(EngineError)
        expect(refused).toMatchObject({ status: 401, type: "unauthorized" })
        expect(session.isSignedIn()).toBe(false)
      })
    })
  },
})
