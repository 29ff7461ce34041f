import { EngineError } from "../../../packages/client/src"
import { h } from "./dom"

/**
 * What a shopper reads for a failed call. The engine answers `{type, message, errors?}`:
 * field errors go beside their fields, a 409 on stock says "sold out", a 429 asks to wait.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof EngineError)) {
    return "The shop cannot be reached. Check your connection and try again."
  }
  if (error.status === 409 && /stock/i.test(error.message)) {
    return `Sold out: ${error.message}. Someone else bought the last one; remove it from your cart to continue.`
  }
  if (error.status === 401) {
    return "Please sign in again."
  }
  if (error.status === 429) {
    return "Too many attempts. Wait a moment and try again."
  }
  if (error.errors.length) {
    return error.errors.map((e) => `${e.field.replace(/^body\./, "")}: ${e.message}`).join("; ")
  }
  return error.message
}

/** An error box a test (and a person) can find. */
export function errorBox(error: unknown): HTMLElement {
  return h("p", { class: "error", role: "alert", "data-testid": "error" }, describeError(error))
}
