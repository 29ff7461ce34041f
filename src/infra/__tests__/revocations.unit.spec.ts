import {
  blockActor,
  isTokenRevoked,
  revokeActorTokens,
  revokeSession,
  unblockActor,
} from "../revocations"

// Without REDIS_URL the revocations live in this process's memory.
describe("revocations (in memory)", () => {
  const now = () => Math.floor(Date.now() / 1000)

  it("refuses every token of a revoked session and nothing else", async () => {
    await revokeSession("fam_a", 60)
    expect(await isTokenRevoked({ sid: "fam_a", actor_id: "cus_a", iat: now() })).toBe(true)
    expect(await isTokenRevoked({ sid: "fam_b", actor_id: "cus_a", iat: now() })).toBe(false)
    expect(await isTokenRevoked({})).toBe(false)
  })

  it("refuses an actor's tokens issued before the cut-off, not after", async () => {
    const before = now() - 5
    await revokeActorTokens("cus_c", 60)
    expect(await isTokenRevoked({ actor_id: "cus_c", iat: before })).toBe(true)
    expect(await isTokenRevoked({ actor_id: "cus_c", iat: now() + 1 })).toBe(false)
  })

  it("blocks every token of a deactivated actor until unblocked", async () => {
    await blockActor("cus_d")
    expect(await isTokenRevoked({ actor_id: "cus_d", iat: now() + 3600 })).toBe(true)
    await unblockActor("cus_d")
    expect(await isTokenRevoked({ actor_id: "cus_d", iat: now() })).toBe(false)
  })

  it("forgets revocations once they expire", async () => {
    await revokeSession("fam_short", 1)
    expect(await isTokenRevoked({ sid: "fam_short" })).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await isTokenRevoked({ sid: "fam_short" })).toBe(false)
  })
})
