import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The part of Medusa's shared knex connection this loader uses. */
type RawQuery = { raw?: (sql: string) => Promise<{ rows?: { autovacuum?: string }[] }> }

/**
 * What to tell the operator about PostgreSQL's `autovacuum` setting, or null when it is on.
 * Without it no table is analyzed: tables that grow from empty keep plans made for empty
 * tables, and the worker's order reads took 17–45 s each once ≈ 150 orders existed
 * (docs/PERFORMANCE.md, "Scenario with fresh statistics"; docs/OPERATIONS.md).
 */
export function autovacuumWarning(setting: string | undefined): string | null {
  return setting === "off"
    ? "PostgreSQL's autovacuum is off: tables are never analyzed, and queries over tables that grew since (orders, payments) get plans made for empty tables. Turn it on, or run ANALYZE regularly (docs/OPERATIONS.md)."
    : null
}

/**
 * Warns at start-up when the database runs without autovacuum. In the background: a
 * database that is not up yet (or a read that fails) must not hold up or fail the start.
 */
export default async function databaseStatisticsLoader({
  container,
}: LoaderOptions): Promise<void> {
  const pg = container.resolve<RawQuery | undefined>(ContainerRegistrationKeys.PG_CONNECTION, {
    allowUnregistered: true,
  })
  const logger = container.resolve<Logger | undefined>(ContainerRegistrationKeys.LOGGER, {
    allowUnregistered: true,
  })
  if (!pg?.raw || !logger) {
    return
  }
  void pg
    .raw("show autovacuum")
    .then(({ rows }) => {
      const warning = autovacuumWarning(rows?.[0]?.autovacuum)
      if (warning) {
        logger.warn(warning)
      }
    })
    .catch(() => undefined)
}
