import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { CACHE_NAMES, invalidationChannel } from "../generation-cache"
import { liveChannel } from "../live-fanout"
import { markChannel } from "../product-marks"
import { createCommandConnection, createSubscriberConnection } from "../redis"
import type { PlatformConnections, PlatformModuleOptions } from "../types"

/**
 * Opens the module's two Redis connections when `redisUrl` is set: one for commands and
 * one subscribed to the caches' invalidation announcements and the live messages (a
 * subscribed connection can run no other command). Neither is awaited: the app starts while Redis is down, and
 * the service degrades to process memory until it is back. The service closes both on
 * application shutdown.
 */
export default async function platformConnectionsLoader({
  container,
  options,
}: LoaderOptions<PlatformModuleOptions>): Promise<void> {
  const url = options?.redisUrl
  const connections: PlatformConnections = {}
  if (url) {
    connections.platformRedis = createCommandConnection(url)
    const database = connections.platformRedis.options.db
    connections.platformSubscriber = createSubscriberConnection(url, [
      ...CACHE_NAMES.map((name) => invalidationChannel(database, name)),
      ...CACHE_NAMES.map((name) => markChannel(database, name)),
      liveChannel(database),
    ])
  }
  container.register({
    platformRedis: asValue(connections.platformRedis),
    platformSubscriber: asValue(connections.platformSubscriber),
  })
}
