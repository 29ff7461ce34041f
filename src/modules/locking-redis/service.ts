import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"

/**
 * Medusa's `acquireLock` script (`@medusajs/locking-redis` 2.21.2) with one change: a key
 * already held by the same named owner counts as acquired whether or not the caller waits
 * in the queue (`awaitQueue`, what `execute` uses). Medusa's script checks the owner only
 * when the caller does not wait, so a waiting caller whose first `SET` went through but
 * whose reply was lost to a dropped connection (ioredis sends unanswered commands again
 * on reconnect) found its own key taken and backed off against itself until its lock
 * time-out. `*` (no owner given) stays anonymous: it never counts as the same owner. The
 * rest, the TTL refreshed on re-entry included, is Medusa's.
 */
export const ACQUIRE_LOCK_SCRIPT = `
local key = KEYS[1]
local ownerId = ARGV[1]
local ttl = tonumber(ARGV[2])

local setArgs = {key, ownerId, 'NX'}
if ttl > 0 then
  table.insert(setArgs, 'EX')
  table.insert(setArgs, ttl)
end
if redis.call('SET', unpack(setArgs)) then
  return 1
end

if ownerId == '*' or redis.call('GET', key) ~= ownerId then
  return 0
end
setArgs = {key, ownerId, 'XX'}
if ttl > 0 then
  table.insert(setArgs, 'EX')
  table.insert(setArgs, ttl)
end
redis.call('SET', unpack(setArgs))
return 1
`

/**
 * Medusa's Redis locking provider with an idempotent acquisition (see ACQUIRE_LOCK_SCRIPT):
 * the parent defines its scripts on the client in its constructor, and defining
 * `acquireLock` again replaces it (ioredis keeps one script per name). Registered under
 * Medusa's identifier with Medusa's loader (index.ts), so the client, its options and the
 * key prefix are Medusa's. `locking-redis.unit.spec.ts` fails when an upgrade of
 * `@medusajs/locking-redis` changes what this relies on.
 */
export default class EngineRedisLockingProvider extends RedisLockingProvider {
  static override identifier = RedisLockingProvider.identifier

  constructor(
    dependencies: ConstructorParameters<typeof RedisLockingProvider>[0],
    options: ConstructorParameters<typeof RedisLockingProvider>[1]
  ) {
    super(dependencies, options)
    this.redisClient.defineCommand("acquireLock", { numberOfKeys: 1, lua: ACQUIRE_LOCK_SCRIPT })
  }
}
