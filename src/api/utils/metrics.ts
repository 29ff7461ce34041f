import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client"
import { registerBusinessMetrics, type BusinessMetrics } from "./business-metrics"

type HttpMetrics = {
  registry: Registry
  requests: Counter<"method" | "route" | "status">
  duration: Histogram<"method" | "route" | "status">
  business: BusinessMetrics
}

// One registry per process, kept across module reloads (medusa develop) so metrics are
// not registered twice.
const GLOBAL_KEY = Symbol.for("commerce-engine.metrics")
type GlobalWithMetrics = typeof globalThis & { [GLOBAL_KEY]?: HttpMetrics }

function create(): HttpMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const labelNames = ["method", "route", "status"] as const
  return {
    registry,
    requests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status code",
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer HTTP requests, by method, route pattern and status code",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    business: registerBusinessMetrics(registry),
  }
}

function httpMetrics(): HttpMetrics {
  const holder = globalThis as GlobalWithMetrics
  holder[GLOBAL_KEY] ??= create()
  return holder[GLOBAL_KEY]
}

/** The process's Prometheus registry: later features add their business counters to it. */
export function metricsRegistry(): Registry {
  return httpMetrics().registry
}

/** The business series (orders, payments, refunds, webhooks, queue and catalog lag). */
export function businessMetrics(): BusinessMetrics {
  return httpMetrics().business
}

export function observeRequest(
  labels: { method: string; route: string; status: number },
  seconds: number
): void {
  const { requests, duration } = httpMetrics()
  const values = { method: labels.method, route: labels.route, status: String(labels.status) }
  requests.inc(values)
  duration.observe(values, seconds)
}
