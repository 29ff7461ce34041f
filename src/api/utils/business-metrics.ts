import { Counter, Gauge, type Registry } from "prom-client"
import type { SearchIndexStats } from "../../modules/catalog/service"
import type { BusinessCount, BusinessCounter } from "../../modules/platform/business-metrics"
import type { EventQueueStats } from "../../modules/platform/event-queue"
import type { CatalogSyncStats } from "../../modules/platform/catalog-sync-queue"

const HELP: Record<BusinessCounter, { name: string; help: string; labels: string[] }> = {
  orders_placed: { name: "shop_orders_placed_total", help: "Orders placed", labels: [] },
  payments_captured: {
    name: "shop_payments_captured_total",
    help: "Payments captured (Medusa's payment.captured)",
    labels: [],
  },
  payments_failed: {
    name: "shop_payments_failed_total",
    help: "Payments that failed at the provider (Stripe's payment_intent.payment_failed)",
    labels: ["provider"],
  },
  refunds: {
    name: "shop_refunds_total",
    help: "Refunds made, by source (engine: POST /payments/refund; medusa: its dashboard)",
    labels: ["source"],
  },
  webhook_events: {
    name: "shop_payment_webhook_events_total",
    help: "Payment provider webhooks received, by provider",
    labels: ["provider"],
  },
}

export type BusinessMetrics = {
  counters: Map<BusinessCounter, Counter<string>>
  queueDepth: Gauge
  catalogLag: Gauge
  catalogSyncPending: Gauge<"lane">
  catalogSyncLag: Gauge
  searchIndexRows: Gauge
  searchIndexLoadSeconds: Gauge
  searches: Gauge<"source">
  listsFromIndex: Gauge
  searchIndexFailures: Gauge<"kind">
}

/**
 * The business series of GET /metrics. Their values live in the platform module
 * (deployment-wide through Redis); each scrape copies the current totals in.
 */
export function registerBusinessMetrics(registry: Registry): BusinessMetrics {
  const counters = new Map<BusinessCounter, Counter<string>>()
  for (const [key, { name, help, labels }] of Object.entries(HELP)) {
    counters.set(
      key as BusinessCounter,
      new Counter({
        name,
        help: `${help} (deployment-wide)`,
        labelNames: labels,
        registers: [registry],
      })
    )
  }
  return {
    counters,
    queueDepth: new Gauge({
      name: "shop_event_queue_depth",
      help: "Events waiting in Medusa's event queue (Redis only)",
      registers: [registry],
    }),
    catalogLag: new Gauge({
      name: "shop_catalog_lag_seconds",
      help: "Age of the oldest waiting event: how far the catalog read model (and other event-driven state) lags behind writes",
      registers: [registry],
    }),
    catalogSyncPending: new Gauge({
      name: "shop_catalog_sync_pending",
      help: "Products waiting in the catalog's sync queue, by lane (stock changes go first; Redis only)",
      labelNames: ["lane"],
      registers: [registry],
    }),
    catalogSyncLag: new Gauge({
      name: "shop_catalog_sync_lag_seconds",
      help: "How long the longest-waiting product has waited in the catalog's sync queue (Redis only)",
      registers: [registry],
    }),
    searchIndexRows: new Gauge({
      name: "shop_catalog_search_index_rows",
      help: "Products in this process's search index (0: none loaded, or the catalog is over CATALOG_SEARCH_INDEX_MAX_PRODUCTS)",
      registers: [registry],
    }),
    searchIndexLoadSeconds: new Gauge({
      name: "shop_catalog_search_index_load_seconds",
      help: "How long this process's last load of its search index took",
      registers: [registry],
    }),
    searches: new Gauge({
      name: "shop_catalog_searches",
      help: "Searches this process rendered since it started, by where they were answered (index or database)",
      labelNames: ["source"],
      registers: [registry],
    }),
    listsFromIndex: new Gauge({
      name: "shop_catalog_lists_from_index",
      help: "List pages (no search words) this process made from its search index since it started, with no statement",
      registers: [registry],
    }),
    searchIndexFailures: new Gauge({
      name: "shop_catalog_search_index_failures",
      help: "Searches the index failed on (the statement answered them) and index loads that failed, in this process since it started",
      labelNames: ["kind"],
      registers: [registry],
    }),
  }
}

export function applyBusinessSnapshot(
  metrics: BusinessMetrics,
  counts: BusinessCount[] | undefined,
  queue: EventQueueStats | undefined
): void {
  // Unreadable (Redis down): the last values stay rather than falling to zero.
  for (const counter of counts ? metrics.counters.values() : []) {
    counter.reset()
  }
  for (const { name, labels, value } of counts ?? []) {
    const counter = metrics.counters.get(name)
    const known = HELP[name].labels
    // Only the declared labels: prom-client refuses others.
    const kept = Object.fromEntries(known.map((label) => [label, labels[label] ?? "unknown"]))
    counter?.inc(kept, value)
  }
  if (queue) {
    metrics.queueDepth.set(queue.depth)
    metrics.catalogLag.set(queue.oldestAgeSeconds)
  } else {
    metrics.queueDepth.reset()
    metrics.catalogLag.reset()
  }
}

/** The catalog sync queue's series (catalog-sync-queue.ts); unreadable: left out. */
export function applyCatalogSyncSnapshot(
  metrics: BusinessMetrics,
  stats: CatalogSyncStats | undefined
): void {
  metrics.catalogSyncPending.reset()
  metrics.catalogSyncLag.reset()
  if (stats) {
    metrics.catalogSyncPending.set({ lane: "stock" }, stats.pending_stock)
    metrics.catalogSyncPending.set({ lane: "bulk" }, stats.pending - stats.pending_stock)
    metrics.catalogSyncLag.set(stats.oldest_age_seconds)
  }
}

/** This process's search index (catalog module, searchIndexStats). */
export function applySearchIndexSnapshot(metrics: BusinessMetrics, stats: SearchIndexStats): void {
  metrics.searchIndexRows.set(stats.rows)
  metrics.searchIndexLoadSeconds.set(stats.last_load_ms / 1000)
  metrics.searches.set({ source: "index" }, stats.from_index)
  metrics.searches.set({ source: "database" }, stats.from_database)
  metrics.listsFromIndex.set(stats.lists_from_index)
  metrics.searchIndexFailures.set({ kind: "search" }, stats.errors)
  metrics.searchIndexFailures.set({ kind: "load" }, stats.load_failures)
}
