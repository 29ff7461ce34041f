import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import { uniqueEmail } from "../helpers"

// Settings load before the app boots. The test client stands for a proxy on loopback
// (TRUST_PROXY) that forwards many shoppers' addresses in X-Forwarded-For.
process.env.TRUST_PROXY = "loopback"
process.env.RATE_LIMIT_AUTH_POINTS = "5"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "100"
process.env.RATE_LIMIT_GLOBAL_POINTS = "30"
process.env.LOGIN_FREE_FAILURES = "5"
process.env.LOGIN_DELAY_BASE_SECONDS = "1"
process.env.LOGIN_DELAY_MAX_SECONDS = "2"

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }
const PASSWORD = "correct-horse-1"
const WRONG = "wrong-password-1"

let addressCounter = 0
/** A new client address (as the trusted proxy reports it). */
function nextAddress(): string {
  addressCounter += 1
  return `198.51.100.${addressCounter}`
}

function retryAfterMs(response: AxiosResponse): number {
  return Number(response.headers["retry-after"]) * 1000
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// docs/SECURITY.md, "Defects fixed (6–11)": items 6, 7 and 8.
medusaIntegrationTestRunner({
  testSuite: ({ api }) => {
    /** Every request of a test comes from its own address unless it says otherwise. */
    beforeEach(() => {
      api.defaults.headers.common["x-forwarded-for"] = nextAddress()
    })

    async function registerAccount(): Promise<string> {
      const email = uniqueEmail("throttle")
      const response = await api.post("/auth/register", {
        email,
        username: `t${Math.random().toString(36).slice(2, 10)}`,
        password: PASSWORD,
      })
      expect(response.status).toBe(201)
      return email
    }

    const login = (email: string, password: string, from?: string) =>
      api.post(
        "/auth/login",
        { email, password },
        {
          ...anyStatus,
          ...(from ? { headers: { "x-forwarded-for": from } } : {}),
        }
      )

    describe("defect 6: only failed sign-ins count against an account", () => {
      it("lets an account sign in again and again, and still reset its password", async () => {
        const email = await registerAccount()
        const statuses: number[] = []
        for (let attempt = 0; attempt < 4; attempt++) {
          statuses.push((await login(email, PASSWORD)).status)
        }
        const forgot = await api.post("/auth/forgot-password", { email }, anyStatus)
        expect(forgot.status).toBe(202)
        for (let attempt = 0; attempt < 4; attempt++) {
          statuses.push((await login(email, PASSWORD)).status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200])
      })

      it("clears the account's failures when it signs in", async () => {
        const email = await registerAccount()
        const statuses: number[] = []
        for (let round = 0; round < 2; round++) {
          for (let attempt = 0; attempt < 4; attempt++) {
            statuses.push((await login(email, WRONG)).status)
          }
          statuses.push((await login(email, PASSWORD)).status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401, 200])
      })
    })

    describe("defect 8: failures are counted per account, across every address", () => {
      it("delays the sixth guess from a sixth address, then lets the owner in", async () => {
        const email = await registerAccount()
        const statuses: number[] = []
        for (let attempt = 0; attempt < 5; attempt++) {
          statuses.push((await login(email, WRONG, nextAddress())).status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401])

        const delayed = await login(email, WRONG, nextAddress())
        expect(delayed.status).toBe(429)
        expect(delayed.data).toEqual({ type: "too_many_requests", message: expect.any(String) })
        expect(retryAfterMs(delayed)).toBeGreaterThanOrEqual(1000)
        // Medusa's own password sign-in shares the count (same email).
        const medusas = await api.post(
          "/auth/customer/emailpass",
          { email, password: PASSWORD },
          { headers: { "x-forwarded-for": nextAddress() }, ...anyStatus }
        )
        expect(medusas.status).toBe(429)

        // A delay, not a lockout: after it the right password works, from anywhere.
        await sleep(retryAfterMs(delayed))
        expect((await login(email, PASSWORD, nextAddress())).status).toBe(200)
        // …and the count starts again.
        expect((await login(email, WRONG, nextAddress())).status).toBe(401)
      })

      it("makes each further failure wait longer, up to the maximum", async () => {
        const email = await registerAccount()
        for (let attempt = 0; attempt < 5; attempt++) {
          await login(email, WRONG, nextAddress())
        }
        const first = await login(email, WRONG, nextAddress())
        expect(first.headers["retry-after"]).toBe("1")
        await sleep(retryAfterMs(first))
        expect((await login(email, WRONG, nextAddress())).status).toBe(401)
        const second = await login(email, WRONG, nextAddress())
        expect(second.status).toBe(429)
        expect(second.headers["retry-after"]).toBe("2")
      })

      it("counts failures on Medusa's /auth/{actor}/emailpass too", async () => {
        const email = await registerAccount()
        for (let attempt = 0; attempt < 5; attempt++) {
          const response = await api.post(
            "/auth/customer/emailpass",
            { email, password: WRONG },
            { headers: { "x-forwarded-for": nextAddress() }, ...anyStatus }
          )
          expect(response.status).toBe(401)
        }
        expect((await login(email, PASSWORD, nextAddress())).status).toBe(429)
      })
    })

    describe("defect 7: paths are limited and authorised whatever their case", () => {
      it("rate limits GET /PRODUCTS like GET /products", async () => {
        const statuses: number[] = []
        let first: AxiosResponse | undefined
        for (let attempt = 0; attempt < 31; attempt++) {
          const response = await api.get("/PRODUCTS?limit=1", anyStatus)
          first ??= response
          statuses.push(response.status)
        }
        expect(first?.headers["ratelimit-limit"]).toBe("30")
        expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true)
        expect(statuses[30]).toBe(429)
      })

      it("reads the caller's token and applies CORS on /AUTH/ME and /Products", async () => {
        const email = await registerAccount()
        const { data } = await login(email, PASSWORD)
        const me = await api.get("/AUTH/ME", {
          headers: { authorization: `Bearer ${data.access_token}` },
          ...anyStatus,
        })
        expect(me.status).toBe(200)
        expect(me.data.email).toBe(email)

        const cors = await api.get("/Products?limit=1", {
          headers: { origin: "http://localhost:8000" },
        })
        expect(cors.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
      })
    })
  },
})
