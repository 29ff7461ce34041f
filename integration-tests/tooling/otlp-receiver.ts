import http from "node:http"
import type { AddressInfo } from "node:net"

/** One span as OTLP/HTTP JSON carries it, with its attributes flattened. */
export type ReceivedSpan = {
  traceId: string
  spanId: string
  name: string
  scope: string
  attributes: Record<string, unknown>
}

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean }
type ExportRequest = {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: AnyValue }> }
    scopeSpans?: Array<{
      scope?: { name?: string }
      spans?: Array<{
        traceId: string
        spanId: string
        name: string
        attributes?: Array<{ key: string; value: AnyValue }>
      }>
    }>
  }>
}

function flatten(list: Array<{ key: string; value: AnyValue }> = []): Record<string, unknown> {
  return Object.fromEntries(
    list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue])
  )
}

/**
 * A collector's OTLP/HTTP trace endpoint on 127.0.0.1 (POST /v1/traces, JSON encoding as
 * @opentelemetry/exporter-trace-otlp-http sends it): it decodes each export request and
 * keeps the spans and the service names.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = []
  const services = new Set<string>()
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => (body += chunk.toString()))
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end()
        return
      }
      if (!String(req.headers["content-type"]).includes("application/json")) {
        res.writeHead(415).end()
        return
      }
      const request = JSON.parse(body) as ExportRequest
      for (const resource of request.resourceSpans ?? []) {
        const name = flatten(resource.resource?.attributes)["service.name"]
        if (typeof name === "string") {
          services.add(name)
        }
        for (const scoped of resource.scopeSpans ?? []) {
          for (const span of scoped.spans ?? []) {
            spans.push({
              traceId: span.traceId,
              spanId: span.spanId,
              name: span.name,
              scope: scoped.scope?.name ?? "",
              attributes: flatten(span.attributes),
            })
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    services,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
