import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PASSWORD_HASHING_BUSY } from "../../src/utils/identity/password-hashing"
import { uniqueEmail } from "../helpers"

// A waiting room of one beside the lane's two running hashes (the default is 100), so a
// handful of simultaneous logins overflows it. Read when the app loads.
process.env.PASSWORD_HASHING_MAX_WAITING = "1"
process.env.TRUST_PROXY = "loopback"
// One counted failure makes the account wait 30 s: a shed attempt, whose password was
// never checked, must not count, or its retry would be refused.
process.env.RATE_LIMIT_ENABLED = "true"
process.env.LOGIN_FREE_FAILURES = "1"
process.env.LOGIN_DELAY_BASE_SECONDS = "30"

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }

type Answer = { status: number; headers: Record<string, unknown>; data: unknown }

/**
 * Sign-ins sent at once: some shed (503, Retry-After, the lane's error type), every other
 * one signed in. Returns the shed ones.
 */
function shedOrServed<A extends Answer>(answers: A[]): A[] {
  const shed = answers.filter((answer) => answer.status === 503)
  const served = answers.filter((answer) => answer.status !== 503)
  expect(shed.length).toBeGreaterThan(0)
  expect(served.map((answer) => answer.status)).toEqual(served.map(() => 200))
  for (const answer of shed) {
    expect(answer.headers["retry-after"]).toBe("2")
    expect(answer.data).toMatchObject({ type: PASSWORD_HASHING_BUSY })
  }
  return shed
}
const PASSWORD = "correct-horse-1"

medusaIntegrationTestRunner({
  testSuite: ({ api }) => {
    /** Twelve accounts with PASSWORD, registered one after the other. */
    async function registerPeople(): Promise<string[]> {
      const people: string[] = []
      for (let i = 0; i < 12; i++) {
        const email = uniqueEmail("flood")
        const registered = await api.post(
          "/auth/register",
          { email, username: `flood_${i}_${Date.now()}`, password: PASSWORD },
          { headers: { "x-forwarded-for": `203.0.113.${i + 1}` }, ...anyStatus }
        )
        expect(registered.status).toBe(201)
        people.push(email)
      }
      return people
    }

    it("sheds logins beyond the hashing lane's waiting room with a 503 to retry, and serves the rest", async () => {
      const people = await registerPeople()

      // Every one signs in at once, each from their own address (no per-IP limit).
      const answers = await Promise.all(
        people.map((email, i) =>
          api.post(
            "/auth/login",
            { email, password: PASSWORD },
            { headers: { "x-forwarded-for": `198.51.100.${i + 1}` }, ...anyStatus }
          )
        )
      )
      // At most two hashing and one waiting at any moment: twelve at once cannot all fit.
      const shed = shedOrServed(answers)

      // Shed logins changed nothing: each of those people signs in when retrying.
      for (const answer of shed) {
        const email = people[answers.indexOf(answer)]
        const retried = await api.post(
          "/auth/login",
          { email, password: PASSWORD },
          { headers: { "x-forwarded-for": "192.0.2.1" }, ...anyStatus }
        )
        expect(retried.status).toBe(200)
      }
    })

    it("puts Medusa's own emailpass sign-in in the same lane", async () => {
      const people = await registerPeople()
      const signIn = (email: string, ip: string) =>
        api.post(
          "/auth/customer/emailpass",
          { email, password: PASSWORD },
          { headers: { "x-forwarded-for": ip }, ...anyStatus }
        )
      const answers = await Promise.all(
        people.map((email, i) => signIn(email, `198.51.100.${i + 101}`))
      )
      shedOrServed(answers)
      // The lane gives every slot back: one after the other, all sign in.
      for (const [i, email] of people.entries()) {
        expect((await signIn(email, `192.0.2.${i + 10}`)).status).toBe(200)
      }
    })
  },
})
