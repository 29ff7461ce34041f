import net from "node:net"
import type PlatformModuleService from "../service"
import { standalonePlatform } from "./standalone"

const now = () => Math.floor(Date.now() / 1000)

// Without a Redis URL the revocations live in the service's memory.
describe("revocations (in memory)", () => {
  let platform: PlatformModuleService

  beforeEach(async () => {
    platform = await standalonePlatform()
  })

  afterEach(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  it("refuses every token of a revoked session and nothing else", async () => {
    await platform.revokeSession("fam_a", 60)
    expect(await platform.isTokenRevoked({ sid: "fam_a", actor_id: "cus_a", iat: now() })).toBe(
      true
    )
    expect(await platform.isTokenRevoked({ sid: "fam_b", actor_id: "cus_a", iat: now() })).toBe(
      false
    )
    expect(await platform.isTokenRevoked({})).toBe(false)
  })

  it("refuses an actor's tokens issued before the cut-off, not after", async () => {
    const before = now() - 5
    await platform.revokeActorTokens("cus_c", 60)
    expect(await platform.isTokenRevoked({ actor_id: "cus_c", iat: before })).toBe(true)
    expect(await platform.isTokenRevoked({ actor_id: "cus_c", iat: now() + 1 })).toBe(false)
  })

  it("blocks every token of a deactivated actor until unblocked", async () => {
    await platform.blockActor("cus_d")
    expect(await platform.isTokenRevoked({ actor_id: "cus_d", iat: now() + 3600 })).toBe(true)
    await platform.unblockActor("cus_d")
    expect(await platform.isTokenRevoked({ actor_id: "cus_d", iat: now() })).toBe(false)
  })

  it("forgets revocations once they expire", async () => {
    await platform.revokeSession("fam_short", 1)
    expect(await platform.isTokenRevoked({ sid: "fam_short" })).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await platform.isTokenRevoked({ sid: "fam_short" })).toBe(false)
  })

  it("keeps each app's revocations apart and forgets them on shutdown", async () => {
    const other = await standalonePlatform()
    await platform.revokeSession("fam_e", 60)
    expect(await other.isTokenRevoked({ sid: "fam_e" })).toBe(false)
    await other.__hooks.onApplicationShutdown()

    await platform.__hooks.onApplicationShutdown()
    expect(await platform.isTokenRevoked({ sid: "fam_e" })).toBe(false)
  })
})

/** A port nothing listens on: a Redis that stays unreachable. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe("revocations while Redis is unreachable", () => {
  let platform: PlatformModuleService

  beforeAll(async () => {
    platform = await standalonePlatform({ redisUrl: `redis://127.0.0.1:${await closedPort()}` })
  })

  afterAll(async () => {
    await platform.__hooks.onApplicationShutdown()
  })

  it("fails the write, so the caller reports it, but refuses the token in this process", async () => {
    await expect(platform.revokeSession("fam_down", 60)).rejects.toThrow(/not ready within/)
    await expect(platform.blockActor("cus_down")).rejects.toThrow(/not ready within/)
    expect(await platform.isTokenRevoked({ sid: "fam_down" })).toBe(true)
    expect(await platform.isTokenRevoked({ actor_id: "cus_down", iat: now() })).toBe(true)
    expect(await platform.isTokenRevoked({ sid: "fam_other" })).toBe(false)
  })

  it("stops reconnecting and forgets its revocations on shutdown", async () => {
    const redis = platform.redis()
    let attempts = 0
    redis?.on("connecting", () => attempts++)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect(attempts).toBeGreaterThan(0)

    await platform.__hooks.onApplicationShutdown()
    attempts = 0
    // Longer than the longest delay between two reconnect attempts (2 s).
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect(attempts).toBe(0)
    expect(await platform.isTokenRevoked({ sid: "fam_down" })).toBe(false)
  })
})
