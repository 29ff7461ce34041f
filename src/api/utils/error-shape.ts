import type { ErrorBody } from "./errors"

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "invalid_data",
  429: "too_many_requests",
}

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  429: "Too many requests",
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/**
 * An error body in the shared shape (`{type, message}`, `request_id` on 5xx), whoever
 * wrote it: Medusa answers some errors directly (its authentication's
 * `{"message": "Unauthorized"}`), and those gain the fields they lack. What is there is
 * kept, so Medusa's SDK and dashboard read what they always did. Success bodies and
 * non-object bodies are returned as they are.
 */
export function inSharedErrorShape(status: number, body: unknown, requestId: string): unknown {
  if (status < 400 || !isPlainObject(body)) {
    return body
  }
  const shaped: Record<string, unknown> = { ...body }
  if (typeof shaped.type !== "string") {
    shaped.type = TYPE_BY_STATUS[status] ?? (status >= 500 ? "unknown_error" : "invalid_request")
  }
  if (typeof shaped.message !== "string") {
    shaped.message =
      MESSAGE_BY_STATUS[status] ??
      (status >= 500 ? "An unexpected error occurred" : "The request was refused")
  }
  if (status >= 500 && typeof shaped.request_id !== "string") {
    shaped.request_id = requestId
  }
  return shaped as ErrorBody
}
