import type { MedusaNextFunction, MedusaRequest } from "@medusajs/framework/http"
import { context, propagation, trace, type Span } from "@medusajs/framework/opentelemetry/api"

/**
 * The request id on the request's spans (instrumentation.ts turns tracing on). The root
 * HTTP span, stashed on the request by instrumentation.ts under this symbol, gets the id
 * as an attribute; every span started later in the request (route handler, workflows,
 * steps, queries, SQL) reads it from the baggage it runs under.
 */
export const ROOT_SPAN = Symbol.for("commerce-engine.tracing.root-span")
export const REQUEST_ID_ATTRIBUTE = "http.request_id"
export const REQUEST_ID_BAGGAGE = "request.id"

/** Calls next() with the request id in the baggage; tags the spans open now. */
export function runWithRequestId(req: MedusaRequest, id: string, next: MedusaNextFunction): void {
  const root = (req as unknown as Record<symbol, Span | undefined>)[ROOT_SPAN]
  root?.setAttribute(REQUEST_ID_ATTRIBUTE, id)
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, id)
  const baggage = (
    propagation.getBaggage(context.active()) ?? propagation.createBaggage()
  ).setEntry(REQUEST_ID_BAGGAGE, { value: id })
  context.with(propagation.setBaggage(context.active(), baggage), next)
}
