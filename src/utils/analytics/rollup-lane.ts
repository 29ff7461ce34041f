import pLimit from "p-limit"

/**
 * Analytics writes serialise on one PostgreSQL advisory lock (AnalyticsModuleService), and
 * each waits for it inside a transaction, holding a pooled connection. Under a burst of
 * orders the worker's event handlers then held every connection of its pool waiting for
 * that lock (the 1,000-user scenario: docs/PERFORMANCE.md), and its other work (catalog
 * syncs, payment webhooks) waited for a connection. In one process the writes therefore
 * queue here, in memory, and at most one at a time takes a connection to wait for the lock
 * (which still orders them across processes).
 */
const lane = pLimit(1)

/** Runs an analytics write (facts and rollups) after the process's earlier ones. */
export function inRollupLane<T>(write: () => Promise<T>): Promise<T> {
  return lane(write)
}
