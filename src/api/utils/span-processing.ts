import type { IncomingMessage, ServerResponse } from "node:http"
import { propagation, trace, type Context } from "@medusajs/framework/opentelemetry/api"
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { REQUEST_ID_ATTRIBUTE, REQUEST_ID_BAGGAGE, ROOT_SPAN } from "./tracing"

/** Request headers Medusa copies onto the HTTP span that must never leave the process. */
const SECRET_ATTRIBUTES = [
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "x-metrics-token",
  "proxy-authorization",
]

/** Puts the request id (from the baggage runWithRequestId set) on each span it starts. */
export class RequestIdSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const id = propagation.getBaggage(parentContext)?.getEntry(REQUEST_ID_BAGGAGE)?.value
    if (id) {
      span.setAttribute(REQUEST_ID_ATTRIBUTE, id)
    }
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

/** Drops credential headers from spans before they are exported. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]): void {
    for (const span of spans) {
      const attributes = span.attributes as Record<string, unknown>
      for (const name of SECRET_ATTRIBUTES) {
        delete attributes[name]
      }
    }
    this.inner.export(spans, done)
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown()
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve()
  }
}

type RequestHandlerTracer = (
  handler: () => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
  handlerPath?: string
) => Promise<void>

/**
 * Medusa's HTTP instrumentation opens the request's root span around the whole request
 * (`traceRequestHandler` of its start command); this keeps that span on the request so
 * the request-context middleware can put the request id on it too.
 */
export function rememberRootSpans(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const start = require("@medusajs/medusa/commands/start") as {
    traceRequestHandler?: RequestHandlerTracer
  }
  const original = start.traceRequestHandler
  if (!original) {
    return
  }
  start.traceRequestHandler = (handler, req, res, handlerPath) =>
    original(
      async () => {
        ;(req as unknown as Record<symbol, unknown>)[ROOT_SPAN] = trace.getActiveSpan()
        await handler()
      },
      req,
      res,
      handlerPath
    )
}
