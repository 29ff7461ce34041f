import Redis from "ioredis"
import { LoginFailures } from "../login-failures"
import { useTestRedis } from "../../../../integration-tests/helpers/redis"

const rule = { freeFailures: 3, baseDelaySeconds: 2, maxDelaySeconds: 8, windowSeconds: 60 }

/** Attempts at `now`, all failing: what the gate said to each. */
async function fail(failures: LoginFailures, account: string, times: number, now: number) {
  const gates = []
  for (let attempt = 0; attempt < times; attempt++) {
    gates.push(await failures.begin(account, now))
  }
  return gates
}

function behavesLikeTheThrottle(make: () => Promise<LoginFailures>) {
  const t0 = 1_800_000_000_000

  it("lets the free failures through, then makes the next attempt wait", async () => {
    const failures = await make()
    const gates = await fail(failures, "ada@example.com", 4, t0)
    expect(gates).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 2 },
    ])
  })

  it("doubles the wait after each failure up to the maximum, never locking out", async () => {
    const failures = await make()
    await fail(failures, "bob@example.com", 3, t0)
    let now = t0
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      const refused = await failures.begin("bob@example.com", now)
      expect(refused.allowed).toBe(false)
      const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds
      waits.push(wait)
      now += wait * 1000
      expect(await failures.begin("bob@example.com", now)).toEqual({ allowed: true })
    }
    expect(waits).toEqual([2, 4, 8, 8])
  })

  it("starts from zero after a success, and counts each account on its own", async () => {
    const failures = await make()
    await fail(failures, "cy@example.com", 2, t0)
    await failures.succeeded("cy@example.com")
    expect(await fail(failures, "cy@example.com", 3, t0)).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ])
    expect(await failures.begin("dee@example.com", t0)).toEqual({ allowed: true })
  })

  it("takes back an attempt whose password was never checked", async () => {
    const failures = await make()
    await fail(failures, "flo@example.com", 3, t0)
    // The third attempt was shed (503): it does not count, so the next need not wait.
    await failures.forgive("flo@example.com", t0)
    expect(await failures.begin("flo@example.com", t0)).toEqual({ allowed: true })
    // Taking back every attempt leaves the account as new; never below zero.
    for (let i = 0; i < 5; i++) {
      await failures.forgive("flo@example.com", t0)
    }
    expect(await fail(failures, "flo@example.com", 3, t0)).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
    ])
  })

  it("forgets failures after the window", async () => {
    const failures = await make()
    await fail(failures, "eve@example.com", 3, t0)
    const later = t0 + (rule.windowSeconds + 1) * 1000
    expect((await failures.begin("eve@example.com", later)).allowed).toBe(true)
  })
}

describe("LoginFailures in memory", () => {
  behavesLikeTheThrottle(async () => new LoginFailures(rule, undefined))
})

// This worker's Redis database (REDIS_URL, or the local default). Redis keeps its own
// clock for expiry, so the window is tested in memory only.
describe("LoginFailures in Redis", () => {
  let redis: Redis

  beforeAll(() => {
    redis = new Redis(useTestRedis())
  })

  afterAll(() => {
    redis.disconnect()
  })

  it("counts the same account across instances sharing Redis", async () => {
    const one = new LoginFailures(rule, redis)
    const two = new LoginFailures(rule, redis)
    const account = `shared-${process.pid}-${Date.now()}@example.com`
    const now = Date.now()
    await one.begin(account, now)
    await two.begin(account, now)
    await one.begin(account, now)
    expect((await two.begin(account, now)).allowed).toBe(false)
    await two.succeeded(account)
    expect(await one.begin(account, now)).toEqual({ allowed: true })
  })

  it("takes back an attempt never checked, for every instance", async () => {
    const one = new LoginFailures(rule, redis)
    const two = new LoginFailures(rule, redis)
    const account = `forgiven-${process.pid}-${Date.now()}@example.com`
    const now = Date.now()
    await fail(one, account, 3, now)
    expect((await two.begin(account, now)).allowed).toBe(false)
    await one.forgive(account, now)
    expect(await two.begin(account, now)).toEqual({ allowed: true })
  })

  it("lets exactly one of many parallel attempts through once the free ones are used", async () => {
    const failures = new LoginFailures(rule, redis)
    const account = `parallel-${process.pid}-${Date.now()}@example.com`
    const now = Date.now()
    await fail(failures, account, 2, now)
    const gates = await Promise.all(Array.from({ length: 20 }, () => failures.begin(account, now)))
    expect(gates.filter((gate) => gate.allowed)).toHaveLength(1)
  })
})
