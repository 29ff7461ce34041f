import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { FieldError } from "./errors"
import { sendError } from "./respond"
import { nulFieldErrors } from "./validation"

/** A percent-encoded NUL anywhere in the path (a raw one never gets past Node's parser). */
const ENCODED_NUL = /%00/i

/** The request's parts PostgreSQL could not store, one entry per offending field. */
export function unstorableInputErrors(req: MedusaRequest): FieldError[] {
  const errors: FieldError[] = []
  if (ENCODED_NUL.test(req.path)) {
    errors.push({ field: "(path)", message: "Must not contain NUL characters" })
  }
  for (const [part, input] of [
    ["query", req.query],
    ["body", req.body],
  ] as const) {
    for (const error of nulFieldErrors(input)) {
      errors.push({ ...error, field: `${part}.${error.field}` })
    }
  }
  return errors
}

/**
 * Refuses, before any route runs, input that PostgreSQL cannot store: a NUL character in
 * the path (so in any path parameter), in a query parameter or in the parsed body, in
 * values and in names, at any depth. It guards every route alike, the engine's and
 * Medusa's own (/store, /admin, /auth), which would otherwise answer 500 once the value
 * reached a statement. Bodies are parsed by Medusa before any middleware runs; multipart
 * bodies are streamed by their routes (the image upload accepts no text fields).
 * Answered directly in the shared error shape, whichever handler owns the path.
 */
export function refuseUnstorableInput(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const errors = unstorableInputErrors(req)
  if (!errors.length) {
    return next()
  }
  sendError(res, 400, {
    type: "invalid_data",
    message: "The request contains characters that cannot be stored (NUL)",
    errors,
  })
}
