import { randomUUID } from "node:crypto"
import http, {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http"
import { logger } from "@medusajs/framework/logger"
import { writeLaneSettings } from "../../config/write-lane"
import { CLIENT_HEADER, crossedLane, LANE_HEADER, laneClientOf } from "./lane-client"
import { configureApp } from "./security"
import { onceForServer } from "./server-hooks"

/**
 * The write lane's front side (docs/OPERATIONS.md, "Processes"; docs/DECISIONS.md, "Reads
 * and writes in separate processes"). A front process answers reads itself and sends every
 * request that may change something (any method but GET, HEAD and OPTIONS) to a writer
 * process, byte for byte, before Express sees it: a write costs the front a socket hop
 * instead of 30–200 ms of its event loop, so the shop's reads never queue behind checkouts.
 */

/** Requests that change nothing stay on the front; Express answers OPTIONS itself. */
const LOCAL_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded;
 * nor are the lane's own headers from a client, and `Expect` (the front already answered
 * `100 Continue`).
 */
const REQUEST_HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  LANE_HEADER,
  CLIENT_HEADER,
])
const RESPONSE_HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "trailer"])
/**
 * Headers that frame a message or name its target: a `Connection` header that lists them
 * never removes them (the request would reach the writer without its length, and its body
 * be read there as a next request).
 */
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding", "host"])

/** Whether a request goes to the writers. */
export function isLaneWrite(method: string | undefined): boolean {
  return method !== undefined && !LOCAL_METHODS.has(method)
}

function withoutHopHeaders(
  headers: http.IncomingHttpHeaders,
  dropped: Set<string>
): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name && !FRAMING_HEADERS.has(name))
  )
  const kept: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !dropped.has(name) && !named.has(name)) {
      kept[name] = value
    }
  }
  return kept
}

/**
 * 502 when the writer failed, 504 when it went silent for WRITE_LANE_TIMEOUT_MS: in the
 * shared error shape, or the response cut when its head already went out.
 */
function answerUnavailable(res: ServerResponse, status: 502 | 504 = 502): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = JSON.stringify({
    type: "unavailable",
    message:
      status === 504
        ? "The shop did not answer in time; the request may or may not have been completed"
        : "The shop could not complete this request; try again in a moment",
    request_id: randomUUID(),
  })
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Retry-After": "1",
  })
  res.end(body)
}

/** How often a front says that its writer refuses connections (and it answers writes itself). */
const WRITER_AWAY_REPORT_MS = 60_000
const writerAwayReported = new WeakMap<LaneTarget, number>()

function reportWriterAway(target: LaneTarget): void {
  const last = writerAwayReported.get(target) ?? -Infinity
  if (Date.now() - last >= WRITER_AWAY_REPORT_MS) {
    writerAwayReported.set(target, Date.now())
    logger.warn(
      `Write lane: the writer at ${target.url.origin} refuses connections; this process answers writes itself meanwhile`
    )
  }
}

export type LaneTarget = {
  url: URL
  secret: string
  agent: http.Agent
  /**
   * How long the writer may stay silent (no answer, no byte of it) before the front gives
   * up on the request: a writer whose loop hangs would otherwise hold its clients forever.
   */
  timeoutMs: number
  /** The prototype Express gives the app's requests (lane-client.ts reads the client with it). */
  expressRequest: object
}

/**
 * Sends one request to the writer and its answer back. The body is sent only once the
 * connection to the writer is open, so a writer that is not running (a restart, a deploy)
 * refuses before anything of the request was read, and `local` answers it here instead:
 * the lane moves work, it never turns a write away. Any later failure answers 502 with the
 * shared error shape (or cuts a response already started); a client that goes away cancels
 * the forwarded request, as it would have ended the writer's own connection.
 */
export function forwardToLane(
  target: LaneTarget,
  req: IncomingMessage,
  res: ServerResponse,
  local: () => void
): void {
  const headers = withoutHopHeaders(req.headers, REQUEST_HOP_HEADERS)
  // A chunked body is sent chunked again, whatever the method: Node frames a body of its
  // own accord only for some methods, and a DELETE body sent without framing would be
  // read by the writer as a request of its own.
  if (req.headers["transfer-encoding"] !== undefined) {
    headers["transfer-encoding"] = "chunked"
  }
  headers[LANE_HEADER] = target.secret
  headers[CLIENT_HEADER] = JSON.stringify(laneClientOf(target.expressRequest, req))
  const upstream = http.request({
    host: target.url.hostname,
    port: target.url.port,
    method: req.method,
    path: req.url,
    headers,
    agent: target.agent,
  })
  let bodySent = false
  let clientGone = false
  let timedOut = false
  upstream.setTimeout(target.timeoutMs, () => {
    timedOut = true
    upstream.destroy()
  })
  const sendBody = () => {
    bodySent = true
    req.pipe(upstream)
  }
  upstream.once("socket", (socket) => {
    if (socket.connecting) {
      socket.once("connect", sendBody)
    } else {
      sendBody()
    }
  })
  upstream.once("response", (answer) => {
    res.writeHead(
      answer.statusCode ?? 502,
      answer.statusMessage,
      withoutHopHeaders(answer.headers, RESPONSE_HOP_HEADERS)
    )
    // A writer that dies in the middle of its answer: the client sees the answer cut.
    answer.once("error", () => res.destroy())
    answer.pipe(res)
  })
  upstream.once("error", (error: NodeJS.ErrnoException) => {
    if (clientGone) {
      return
    }
    if (!bodySent && error.code === "ECONNREFUSED" && !res.headersSent) {
      reportWriterAway(target)
      return local()
    }
    if (!res.writableEnded) {
      const cause = timedOut ? `no answer in ${target.timeoutMs} ms` : error.message
      logger.warn(`Write lane: ${req.method} ${req.url} failed at the writer (${cause})`)
      answerUnavailable(res, timedOut ? 504 : 502)
    }
  })
  res.once("close", () => {
    if (!res.writableFinished) {
      clientGone = true
      upstream.destroy()
    }
  })
}

/**
 * Idle connections to the writers are closed well before a writer would close them
 * (HTTP_KEEP_ALIVE_TIMEOUT_MS, 65 s by default), so a request never goes out on a
 * connection the writer is closing at that moment.
 */
const IDLE_CONNECTION_MS = 15_000

/**
 * Puts the lane in front of Medusa's request handler on the server of the first request
 * this sees (Medusa creates the server and gives a project no handle on it). The first
 * request itself, and every request while WRITE_LANE_URL is unset, is answered here.
 */
export function forwardWritesOfServer() {
  return onceForServer((server, req) => {
    const { url, secret, timeoutMs } = writeLaneSettings()
    if (!url) {
      return
    }
    configureApp(req)
    installLane(server, {
      url,
      secret,
      agent: new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
      timeoutMs,
      expressRequest: Object.getPrototypeOf(req) as object,
    })
  })
}

/** Medusa's handler is the server's first `request` listener (its shutdown tracker follows). */
export function installLane(server: Server, target: LaneTarget): void {
  const [medusa] = server.listeners("request") as ((
    req: IncomingMessage,
    res: ServerResponse
  ) => void)[]
  if (!medusa) {
    return
  }
  server.removeListener("request", medusa)
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    // A request that already crossed the lane is never sent on (a writer given a lane by
    // mistake would otherwise send its requests round in a loop).
    if (isLaneWrite(req.method) && !crossedLane(req.headers)) {
      forwardToLane(target, req, res, () => medusa(req, res))
    } else {
      medusa(req, res)
    }
  })
  logger.info(`Write lane: requests that change something go to ${target.url.origin}`)
}
