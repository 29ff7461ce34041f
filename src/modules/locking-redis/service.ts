import { randomUUID } from "node:crypto"
import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"
import { lockOrder } from "../../utils/locking/lock-order"

/** Appended to a lock's key: the key naming the acquisition that took an anonymous lock. */
export const ACQUISITION_KEY_SUFFIX = ":acquisition"

/** How long that key lives when the lock itself never expires (seconds). */
const ACQUISITION_KEY_TTL_SECONDS = 60

/**
 * Medusa's `acquireLock` script (`@medusajs/locking-redis` 2.21.2), made idempotent: an
 * acquisition that Redis ran but whose reply was lost with the connection is sent again by
 * ioredis on reconnect (`autoResendUnfulfilledCommands`), and must then find the key its
 * own. Medusa's script answered 0 (taken) to it, so the caller waited on itself until its
 * time-out (a 409) and the key stayed locked until its TTL ran out. Now:
 *
 * - a named owner holding the key takes it again (the TTL starts over), also when waiting
 *   in the queue (`awaitQueue`, what `execute` uses; Medusa checked the owner only when
 *   not waiting);
 * - without an owner (`*`, what `acquireLockStep` uses unless given one) two callers are
 *   never the same one, so the acquisition that took the key is recorded under KEYS[2]
 *   (ARGV[3], one id per call, which a re-sent call repeats) for as long as the lock lives,
 *   and only that acquisition takes it again.
 *
 * KEYS: the lock, its acquisition key. ARGV: owner id, TTL in seconds (0: none),
 * acquisition id.
 */
export const ACQUIRE_LOCK_SCRIPT = `
local key = KEYS[1]
local acquisitionKey = KEYS[2]
local ownerId = ARGV[1]
local ttl = tonumber(ARGV[2])
local acquisitionId = ARGV[3]

local function setLock(mode)
  local args = {key, ownerId, mode}
  if ttl > 0 then
    table.insert(args, 'EX')
    table.insert(args, ttl)
  end
  return redis.call('SET', unpack(args))
end

if setLock('NX') then
  if ownerId == '*' then
    local lifetime = ttl > 0 and ttl or ${ACQUISITION_KEY_TTL_SECONDS}
    redis.call('SET', acquisitionKey, acquisitionId, 'EX', lifetime)
  end
  return 1
end
if redis.call('GET', key) ~= ownerId then
  return 0
end
if ownerId ~= '*' then
  setLock('XX')
  return 1
end
if redis.call('GET', acquisitionKey) == acquisitionId then
  return 1
end
return 0
`

/** The command the script is defined as on the provider's client. */
type IdempotentAcquire = (
  key: string,
  acquisitionKey: string,
  ownerId: string,
  ttl: number,
  acquisitionId: string
) => Promise<number>

/**
 * Medusa's Redis locking provider with an idempotent acquisition (ACQUIRE_LOCK_SCRIPT).
 * Medusa's `acquire` and `execute` call `acquireLock(key, ownerId, ttl, awaitQueue)` on the
 * client once per attempt; here that call runs the script with a new acquisition id each
 * time, which ioredis keeps when it sends the command again. Registered under Medusa's
 * identifier with Medusa's loader (index.ts), so the client, its options and the key
 * prefix are Medusa's. `locking-redis.unit.spec.ts` fails when an upgrade of
 * `@medusajs/locking-redis` changes what this relies on.
 */
export default class EngineRedisLockingProvider extends RedisLockingProvider {
  static override identifier = RedisLockingProvider.identifier

  constructor(
    dependencies: ConstructorParameters<typeof RedisLockingProvider>[0],
    options: ConstructorParameters<typeof RedisLockingProvider>[1]
  ) {
    super(dependencies, options)
    const client = this.redisClient as typeof this.redisClient & {
      acquireLockOnce: IdempotentAcquire
    }
    client.defineCommand("acquireLockOnce", { numberOfKeys: 2, lua: ACQUIRE_LOCK_SCRIPT })
    client.acquireLock = (key, ownerId, ttl) =>
      client.acquireLockOnce(key, `${key}${ACQUISITION_KEY_SUFFIX}`, ownerId, ttl, randomUUID())
  }

  /**
   * Several keys are taken one after the other, in one order for every caller
   * (utils/locking/lock-order.ts), and those taken are handed back when the wait for the
   * rest is given up.
   *
   * Medusa's provider waits for all of them at once, each key on its own, holding those it
   * got: two checkouts of the same two products could each take one item's key and wait for
   * the other's until both timed out (30 s, then a 409), and the keys a given-up wait had
   * taken stayed locked for their whole lease (60 s), failing every checkout of those
   * products meanwhile. In one order, whoever holds a key waits only for keys after it, so
   * no two callers wait on each other.
   */
  override async acquire_(
    keys: string | string[],
    args?: Parameters<RedisLockingProvider["acquire_"]>[1],
    cancellationToken?: { cancelled: boolean }
  ): Promise<void> {
    const taken: string[] = []
    try {
      for (const key of lockOrder(keys)) {
        await super.acquire_(key, args, cancellationToken)
        taken.push(key)
      }
    } catch (error) {
      // An anonymous owner ("*") is shared by every anonymous caller: its keys cannot be
      // told apart from theirs, so they are left to their lease (Medusa's own acquire has
      // no cancellation, and execute always names its owner).
      if (taken.length && args?.ownerId && args.ownerId !== "*") {
        await this.release(taken, { ownerId: args.ownerId }).catch(() => undefined)
      }
      throw error
    }
  }
}
