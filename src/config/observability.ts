/**
 * Tracing and metric export settings (docs/OPERATIONS.md, "Tracing" and "Alarms"):
 *
 * - OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP/HTTP collector (e.g. http://otel-collector:4318);
 *   traces are exported to `<endpoint>/v1/traces`. Unset: no tracing at all.
 * - OTEL_SERVICE_NAME: the service name on every span (default `commerce-engine`).
 * - CLOUDWATCH_METRICS=true: the worker logs the event queue's depth once a minute in
 *   CloudWatch's Embedded Metric Format (infra/ sets it on AWS).
 */
export type ObservabilitySettings = {
  otlpEndpoint?: string
  serviceName: string
  cloudwatchMetrics: boolean
}

export function readObservabilitySettings(
  env: NodeJS.ProcessEnv = process.env
): ObservabilitySettings {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()
  return {
    otlpEndpoint: endpoint ? endpoint.replace(/\/+$/, "") : undefined,
    serviceName: env.OTEL_SERVICE_NAME?.trim() || "commerce-engine",
    cloudwatchMetrics: env.CLOUDWATCH_METRICS === "true",
  }
}
