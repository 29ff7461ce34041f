import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import redisLockingLoader from "@medusajs/locking-redis/dist/loaders"
import EngineRedisLockingProvider from "./service"

/**
 * Medusa's Redis locking provider with an idempotent acquisition (service.ts): Medusa's
 * loader opens the Redis connection from the same options (`redisUrl`, `redisOptions`,
 * `namespace`), and the provider keeps Medusa's identifier.
 */
export default ModuleProvider(Modules.LOCKING, {
  services: [EngineRedisLockingProvider],
  loaders: [redisLockingLoader],
})
