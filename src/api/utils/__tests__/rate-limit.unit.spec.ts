import net from "node:net"
import Redis from "ioredis"
import { RateLimiterRes } from "rate-limiter-flexible"
import { accountOf, createLimiter } from "../rate-limit"

describe("accountOf", () => {
  it.each([
    [{ email: " Ada@Example.COM " }, "ada@example.com"],
    [{ username: "Ada" }, "ada"],
    [{ email: "e@x.io", username: "u" }, "e@x.io"],
    [{ email: 42 }, "-"],
    [{}, "-"],
    ["email=a", "-"],
    [null, "-"],
  ])("reads %j as %s", (body, account) => {
    expect(accountOf(body)).toBe(account)
  })

  it("caps very long values", () => {
    expect(accountOf({ email: "a".repeat(1000) })).toHaveLength(254)
  })
})

describe("createLimiter", () => {
  it("limits in memory without Redis", async () => {
    const limiter = createLimiter("auth", { points: 2, durationSeconds: 60 }, undefined)
    await limiter.consume("k")
    await limiter.consume("k")
    await expect(limiter.consume("k")).rejects.toBeInstanceOf(RateLimiterRes)
  })

  it("keeps limiting in memory while Redis is unreachable", async () => {
    // A port nobody listens on: the client never becomes ready.
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const redis = new Redis({
      port,
      host: "127.0.0.1",
      enableOfflineQueue: false,
      lazyConnect: true,
    })
    redis.on("error", () => undefined)
    try {
      const limiter = createLimiter("auth", { points: 2, durationSeconds: 60 }, redis)
      const first = await limiter.consume("k")
      expect(first.remainingPoints).toBe(1)
      await limiter.consume("k")
      await expect(limiter.consume("k")).rejects.toBeInstanceOf(RateLimiterRes)
    } finally {
      redis.disconnect()
    }
  })
})
