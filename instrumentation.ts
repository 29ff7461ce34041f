/**
 * OpenTelemetry tracing, registered by `medusa start` / `medusa develop` from this file
 * (Medusa's `registerOtel`): HTTP requests, route handlers and middlewares, workflows and
 * their steps, Query calls and SQL statements, exported over OTLP/HTTP to
 * OTEL_EXPORTER_OTLP_ENDPOINT. Unset, nothing is registered and nothing is traced.
 * docs/OPERATIONS.md, "Tracing".
 */
import { registerOtel } from "@medusajs/medusa"
import { BatchSpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { readObservabilitySettings } from "./src/config/observability"
import {
  RequestIdSpanProcessor,
  RedactingSpanExporter,
  rememberRootSpans,
} from "./src/api/utils/span-processing"

export function register(): void {
  const settings = readObservabilitySettings()
  if (!settings.otlpEndpoint) {
    return
  }
  // Medusa copies every request header onto the HTTP span: the exporter drops credentials.
  const exporter = new RedactingSpanExporter(
    new OTLPTraceExporter({ url: `${settings.otlpEndpoint}/v1/traces` })
  )
  registerOtel({
    serviceName: settings.serviceName,
    exporter,
    // Batched (registerOtel's default exports each span in its own request).
    spanProcessors: [new RequestIdSpanProcessor(), new BatchSpanProcessor(exporter)],
    instrument: { http: true, workflows: true, query: true, db: true },
  })
  rememberRootSpans()
}
