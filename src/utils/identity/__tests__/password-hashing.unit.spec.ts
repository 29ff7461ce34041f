import {
  createHashingLane,
  inPasswordHashingLane,
  PASSWORD_HASHING_BUSY,
  passwordHashingConcurrency,
  passwordHashingMaxWaiting,
} from "../password-hashing"

describe("password hashing lane", () => {
  it("takes half of libuv's thread pool, at least one thread", () => {
    expect(passwordHashingConcurrency({})).toBe(2)
    expect(passwordHashingConcurrency({ UV_THREADPOOL_SIZE: "16" })).toBe(8)
    expect(passwordHashingConcurrency({ UV_THREADPOOL_SIZE: "1" })).toBe(1)
    expect(passwordHashingConcurrency({ UV_THREADPOOL_SIZE: "many" })).toBe(2)
  })

  it("runs at most that many hashes at once and every one of them", async () => {
    let running = 0
    let most = 0
    const hash = (n: number) => async () => {
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return n
    }
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => inPasswordHashingLane(hash(n)))
    )
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(most).toBe(passwordHashingConcurrency())
  })

  it("lets 100 hashes wait by default, or PASSWORD_HASHING_MAX_WAITING", () => {
    expect(passwordHashingMaxWaiting({})).toBe(100)
    expect(passwordHashingMaxWaiting({ PASSWORD_HASHING_MAX_WAITING: "20" })).toBe(20)
    expect(() => passwordHashingMaxWaiting({ PASSWORD_HASHING_MAX_WAITING: "-1" })).toThrow(
      "PASSWORD_HASHING_MAX_WAITING must be a positive integer"
    )
  })

  it("refuses a hash at once while the lane's waiting room is full, and takes them again after", async () => {
    const lane = createHashingLane(1, 2)
    const releases: (() => void)[] = []
    const blocked = () =>
      lane(() => new Promise<string>((resolve) => releases.push(() => resolve("hashed"))))
    const running = blocked()
    const waiting = [blocked(), blocked()]
    let ran = false
    await expect(
      lane(async () => {
        ran = true
        return "never"
      })
    ).rejects.toMatchObject({ type: PASSWORD_HASHING_BUSY })
    expect(ran).toBe(false)

    // The first finishes, one waiting starts: room for one more.
    releases[0]()
    await running
    while (!releases[1]) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    const later = blocked()
    // Each hash, once started, is let finish (one at a time: the lane runs one).
    for (let i = 1; i < 4; i++) {
      while (!releases[i]) {
        await new Promise((resolve) => setImmediate(resolve))
      }
      releases[i]()
    }
    expect(await Promise.all([...waiting, later])).toEqual(["hashed", "hashed", "hashed"])
  })
})
