import type { MedusaContainer } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { logger } from "@medusajs/framework/logger"
import { createMedusaContainer } from "@medusajs/framework/utils"
import platformConnectionsLoader from "../loaders/connections"
import PlatformModuleService from "../service"
import type { PlatformDependencies, PlatformModuleOptions } from "../types"

/**
 * The platform module as Medusa builds it, without an app: its loader registers the
 * connections in a container and the service is made from that container's cradle.
 * Close it with `platform.__hooks.onApplicationShutdown()`.
 */
export async function standalonePlatform(
  options: Partial<PlatformModuleOptions> = {},
  container: MedusaContainer = createMedusaContainer()
): Promise<PlatformModuleService> {
  container.register({ logger: asValue(logger) })
  const full: PlatformModuleOptions = { catalogCache: { entries: 100, ttlMs: 60_000 }, ...options }
  await platformConnectionsLoader({ container, options: full })
  return new PlatformModuleService(container.cradle as PlatformDependencies, full)
}
