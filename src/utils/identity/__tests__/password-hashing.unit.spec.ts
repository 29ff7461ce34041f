import { inPasswordHashingLane, passwordHashingConcurrency } from "../password-hashing"

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
})
