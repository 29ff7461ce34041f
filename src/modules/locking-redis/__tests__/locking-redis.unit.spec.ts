import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"
import { version as medusaLockingVersion } from "@medusajs/locking-redis/package.json"
import EngineRedisLockingProvider, { ACQUIRE_LOCK_SCRIPT } from "../service"

type Dependencies = ConstructorParameters<typeof RedisLockingProvider>[0]

/** The scripts a provider defines on its client, by name (the last definition wins). */
function scriptsDefinedBy(Provider: typeof RedisLockingProvider): Record<string, string> {
  const scripts: Record<string, string> = {}
  const client = {
    defineCommand: (name: string, definition: { lua: string; numberOfKeys: number }) => {
      expect(definition.numberOfKeys).toBe(1)
      scripts[name] = definition.lua
    },
  }
  new Provider({ redisClient: client as unknown as Dependencies["redisClient"] }, {})
  return scripts
}

/**
 * The subclass replaces a script Medusa's provider defines in its constructor: this fails
 * when an upgrade of @medusajs/locking-redis changes that, before a lock misbehaves.
 * The behaviour itself is tested on Redis (locking-redis.spec.ts).
 */
describe("EngineRedisLockingProvider against @medusajs/locking-redis", () => {
  it("is pinned to the provider version it was written for", () => {
    expect(medusaLockingVersion).toBe("2.21.2")
  })

  it("keeps Medusa's identifier, so the provider registers as Medusa's did", () => {
    expect(EngineRedisLockingProvider.identifier).toBe("locking-redis")
    expect(RedisLockingProvider.identifier).toBe("locking-redis")
  })

  it("replaces Medusa's acquireLock script and keeps its other scripts", () => {
    const medusa = scriptsDefinedBy(RedisLockingProvider)
    const engine = scriptsDefinedBy(EngineRedisLockingProvider)
    expect(Object.keys(medusa).sort()).toEqual(["acquireLock", "extendLock", "releaseLock"])
    expect(Object.keys(engine).sort()).toEqual(Object.keys(medusa).sort())
    expect(engine.acquireLock).toBe(ACQUIRE_LOCK_SCRIPT)
    expect(engine.acquireLock).not.toBe(medusa.acquireLock)
    expect(engine.extendLock).toBe(medusa.extendLock)
    expect(engine.releaseLock).toBe(medusa.releaseLock)
  })
})
