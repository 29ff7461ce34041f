import { STATUS_CODES, type Server } from "node:http"
import type { Duplex } from "node:stream"
import type { ErrorBody } from "./errors"
import { onceForServer } from "./server-hooks"

type ClientError = Error & { code?: string }

/** Node's parser errors (llhttp codes) that are the client's fault, and their answers. */
function refusalOf(error: ClientError): { status: number; body: ErrorBody } {
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return {
      status: 431,
      body: { type: "invalid_data", message: "The request's headers are too large" },
    }
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return {
      status: 408,
      body: { type: "invalid_data", message: "The request did not arrive in time" },
    }
  }
  return {
    status: 400,
    body: { type: "invalid_data", message: "The request is not valid HTTP" },
  }
}

/** The raw HTTP/1.1 answer to a request Node could not parse, in the shared error shape. */
export function clientErrorResponse(error: ClientError): string {
  const { status, body } = refusalOf(error)
  const json = JSON.stringify(body)
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(json)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    json,
  ].join("\r\n")
}

/**
 * The platform middleware that makes the server of the first request it sees answer
 * unparsable requests in the shared shape; a refused request before any other is answered
 * by Node itself.
 */
export function answerClientErrorsOfServer() {
  return onceForServer(answerClientErrors)
}

/**
 * Requests Node's HTTP parser refuses (headers over its 16 KB limit, malformed request
 * lines, a request that did not arrive in time) never reach express: without a listener
 * Node answers a bare `431`/`400` with no body. This answers them in the shared error
 * shape instead. A connection the client already reset gets nothing.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: ClientError, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy()
      return
    }
    socket.end(clientErrorResponse(error))
  })
}
