import multer from "multer"
import { HttpError } from "./errors"

/**
 * What busboy (multer's parser) throws for a body that is not the multipart form it
 * announced: plain `Error`s without a code, so they are recognised by message.
 */
const BUSBOY_MESSAGES = new Set([
  "Unexpected end of form",
  "Unexpected end of file",
  "Malformed part header",
  "Multipart: Boundary not found",
  "Malformed content type",
  "Missing Content-Type",
  "Malformed urlencoded form",
  // multer's own, when the client goes away mid-body.
  "Request aborted",
  "Request closed",
  "Request error",
])

const LIMIT_CODES = new Set(["LIMIT_PART_COUNT", "LIMIT_FILE_SIZE", "LIMIT_FILE_COUNT"])

/**
 * A client's broken or oversized multipart body as a 400 (or 413 for multer's size and
 * count limits) in the shared error shape, or undefined when `error` is not one: the
 * server's fault stays a 500. Used by the engine's upload routes and, for Medusa's own
 * (`/admin/uploads`), by the error handler.
 */
export function multipartClientError(error: unknown): HttpError | undefined {
  if (error instanceof multer.MulterError) {
    return LIMIT_CODES.has(error.code)
      ? new HttpError(413, "payload_too_large", error.message)
      : new HttpError(400, "invalid_data", error.message)
  }
  if (
    error instanceof Error &&
    (BUSBOY_MESSAGES.has(error.message) || error.message.startsWith("Unsupported content type:"))
  ) {
    return new HttpError(400, "invalid_data", `The multipart body is malformed: ${error.message}`)
  }
  return undefined
}
