import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"
import { version as medusaLockingVersion } from "@medusajs/locking-redis/package.json"
import EngineRedisLockingProvider, { ACQUIRE_LOCK_SCRIPT } from "../service"

type Dependencies = ConstructorParameters<typeof RedisLockingProvider>[0]
type Definition = { lua: string; numberOfKeys: number }

/**
 * A client that records the scripts a provider defines on it and the calls of the
 * commands they become (each answering 1, "acquired").
 */
function recordingClient() {
  const scripts: Record<string, Definition> = {}
  const calls: unknown[][] = []
  const client: Record<string, unknown> = {
    defineCommand: (name: string, definition: Definition) => {
      scripts[name] = definition
      client[name] = async (...args: unknown[]) => {
        calls.push([name, ...args])
        return 1
      }
    },
  }
  const dependencies = { redisClient: client as unknown as Dependencies["redisClient"] }
  return { scripts, calls, dependencies }
}

/**
 * The subclass relies on Medusa's provider defining its scripts in its constructor and
 * acquiring through the client's `acquireLock(key, ownerId, ttl, …)`: this fails when an
 * upgrade of @medusajs/locking-redis changes that, before a lock misbehaves. The scripts'
 * behaviour is tested on Redis (locking-redis.spec.ts).
 */
describe("EngineRedisLockingProvider against @medusajs/locking-redis", () => {
  it("is pinned to the provider version it was written for", () => {
    expect(medusaLockingVersion).toBe("2.21.2")
  })

  it("keeps Medusa's identifier, so the provider registers as Medusa's did", () => {
    expect(EngineRedisLockingProvider.identifier).toBe("locking-redis")
    expect(RedisLockingProvider.identifier).toBe("locking-redis")
  })

  it("keeps Medusa's release and renewal scripts and adds the idempotent acquisition", () => {
    const medusa = recordingClient()
    new RedisLockingProvider(medusa.dependencies, {})
    const engine = recordingClient()
    new EngineRedisLockingProvider(engine.dependencies, {})
    expect(Object.keys(medusa.scripts).sort()).toEqual(["acquireLock", "extendLock", "releaseLock"])
    expect(engine.scripts).toEqual({
      ...medusa.scripts,
      acquireLockOnce: { numberOfKeys: 2, lua: ACQUIRE_LOCK_SCRIPT },
    })
  })

  it("acquires every key through it, with a new acquisition id per call", async () => {
    const { calls, dependencies } = recordingClient()
    const provider = new EngineRedisLockingProvider(dependencies, {})
    await provider.acquire(["a", "b"], { ownerId: "owner", expire: 5 })
    await provider.acquire("a", { expire: 5 })
    expect(calls).toEqual([
      [
        "acquireLockOnce",
        "medusa_lock:a",
        "medusa_lock:a:acquisition",
        "owner",
        5,
        expect.any(String),
      ],
      [
        "acquireLockOnce",
        "medusa_lock:b",
        "medusa_lock:b:acquisition",
        "owner",
        5,
        expect.any(String),
      ],
      ["acquireLockOnce", "medusa_lock:a", "medusa_lock:a:acquisition", "*", 5, expect.any(String)],
    ])
    expect(new Set(calls.map((call) => call[5])).size).toBe(3)
  })
})
