import type { IncomingHttpHeaders, IncomingMessage, Server } from "node:http"
import type { Socket } from "node:net"
import type { Duplex } from "node:stream"
import { STATUS_CODES } from "node:http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WebSocketServer, type WebSocket } from "ws"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import type { Actor } from "../../utils/actor"
import { actorFromAuthorization } from "./auth"
import { platformSettings } from "../../config/platform"
import { HttpError, toErrorResponse } from "./errors"
import { MAX_UNREAD_BYTES, type LiveEvent, type LiveSink } from "./live-stream"

/**
 * Live streams over WebSockets (docs/LIVE-UPDATES.md), on the same paths as their
 * Server-Sent Events routes. Medusa creates the HTTP server itself and gives a project
 * no handle on it, so the `upgrade` listener is attached from the first request the
 * server handles (`req.socket.server`, the server that accepted the connection). An
 * upgrade request that arrives before any other request reaches express as a plain GET
 * (Node hands upgrades to express while nothing listens to `upgrade`) and is answered
 * 503 with `Retry-After: 1`; its retry is upgraded.
 */

export type LiveSocketRequest = {
  container: MedusaContainer
  actor: Actor
  params: Record<string, string>
  query: Record<string, string>
  headers: IncomingHttpHeaders
}

export type LiveSocketRoute = {
  /** Express-style path, e.g. "/orders/:id/events". */
  path: string
  /** Starts the stream into `sink` (refusals are thrown before `sink.open()`); returns its closer. */
  open(request: LiveSocketRequest, sink: LiveSink): Promise<() => void>
}

type CompiledRoute = { route: LiveSocketRoute; pattern: RegExp; keys: string[] }

/** Client messages are not read; anything bigger than this closes the socket. */
const MAX_CLIENT_MESSAGE_BYTES = 1024
/** How often a server checks whether it stopped listening (shutdown). */
const SHUTDOWN_CHECK_MS = 500

function compile(route: LiveSocketRoute): CompiledRoute {
  const keys: string[] = []
  const source = route.path
    .split("/")
    .map((segment) => {
      if (segment.startsWith(":")) {
        keys.push(segment.slice(1))
        return "([^/]+)"
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    })
    .join("/")
  return { route, keys, pattern: new RegExp(`^${source}/?$`) }
}

function findRoute(
  routes: CompiledRoute[],
  path: string
): { route: LiveSocketRoute; params: Record<string, string> } | undefined {
  for (const { route, pattern, keys } of routes) {
    const match = pattern.exec(path)
    if (match) {
      const params = Object.fromEntries(
        keys.map((key, index) => [key, decodeURIComponent(match[index + 1])])
      )
      return { route, params }
    }
  }
  return undefined
}

/**
 * The access token of an upgrade request: `Authorization: Bearer …` (server-side
 * clients), or the subprotocols `bearer, <token>` (browsers cannot set headers on a
 * WebSocket; the server answers with the `bearer` subprotocol).
 */
export function authorizationOf(headers: IncomingHttpHeaders): string | undefined {
  if (headers.authorization) {
    return headers.authorization
  }
  const protocols = (headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim())
  const index = protocols.indexOf("bearer")
  const token = index >= 0 ? protocols[index + 1] : undefined
  return token ? `Bearer ${token}` : undefined
}

/** Answers an upgrade request with an HTTP error (the contract's body) and closes it. */
function refuse(socket: Duplex, status: number, body: unknown, headers: Record<string, string>) {
  const text = JSON.stringify(body)
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(text)}`,
    "Connection: close",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ]
  socket.end(`${lines.join("\r\n")}\r\n\r\n${text}`)
}

/** A sink writing JSON text frames `{id?, event, data}`; pings as heartbeats. */
function socketSink(ws: () => WebSocket | undefined, accept: () => void): LiveSink {
  const pending: LiveEvent[] = []
  let awaitingPong = false
  const frame = (event: LiveEvent) =>
    JSON.stringify({
      ...(event.id !== undefined ? { id: event.id } : {}),
      event: event.type,
      data: event.data,
    })
  return {
    open() {
      accept()
      const socket = ws()
      if (!socket) {
        // ws destroys a socket whose client already hung up instead of upgrading it.
        throw new HttpError(400, "client_closed", "The client closed the connection")
      }
      socket.on("pong", () => {
        awaitingPong = false
      })
      for (const event of pending.splice(0)) {
        socket.send(frame(event))
      }
    },
    send(event) {
      const socket = ws()
      if (!socket) {
        pending.push(event)
      } else if (socket.bufferedAmount > MAX_UNREAD_BYTES) {
        // A stalled reader: close, it resumes with its last id.
        socket.terminate()
      } else if (socket.readyState === socket.OPEN) {
        socket.send(frame(event))
      }
    },
    heartbeat() {
      const socket = ws()
      if (!socket || socket.readyState !== socket.OPEN) {
        return
      }
      // No answer to the previous ping: the peer is gone without closing.
      if (awaitingPong) {
        socket.terminate()
        return
      }
      awaitingPong = true
      socket.ping()
    },
    end() {
      ws()?.close(1001, "Server shutting down")
    },
  }
}

/**
 * Handles the upgrade requests of one HTTP server for `routes`; others are left to other
 * `upgrade` listeners (Vite's HMR in development) or refused with a 404 when there are none.
 */
function attachToServer(
  server: Server,
  container: MedusaContainer,
  routes: CompiledRoute[],
  isSecure: (req: IncomingMessage) => boolean
) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has("bearer") ? "bearer" : false),
  })
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    const found = findRoute(routes, url.pathname)
    if (!found) {
      if (server.listenerCount("upgrade") <= 1) {
        refuse(socket, 404, { type: "not_found", message: "No WebSocket here" }, {})
      }
      return
    }
    socket.on("error", () => undefined)
    if (platformSettings().forceHttps && !isSecure(req)) {
      // A WebSocket cannot follow a redirect; the HTTP routes redirect or refuse alike.
      refuse(socket, 403, { type: "forbidden", message: "HTTPS is required" }, {})
      return
    }
    void upgrade(req, socket, head, url, found).catch((error: unknown) => {
      const answer = toErrorResponse(error, "-")
      if (answer.unexpected) {
        logger.error(`live socket: ${(error as Error)?.message}`)
      }
      refuse(socket, answer.status, answer.body, answer.headers)
    })
  })

  async function upgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    url: URL,
    found: { route: LiveSocketRoute; params: Record<string, string> }
  ): Promise<void> {
    const actor = await actorFromAuthorization(container, authorizationOf(req.headers))
    let ws: WebSocket | undefined
    const stream: { stop?: () => void; gone?: boolean } = {}
    const sink = socketSink(
      () => ws,
      () =>
        wss.handleUpgrade(req, socket, head, (accepted) => {
          ws = accepted
          accepted.on("close", () => {
            stream.gone = true
            stream.stop?.()
          })
          accepted.on("error", () => accepted.terminate())
        })
    )
    stream.stop = await found.route.open(
      {
        container,
        actor,
        params: found.params,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
      },
      sink
    )
    if (stream.gone) {
      stream.stop()
    }
  }

  // `medusa start` waits for open responses before it shuts the app down, and SSE
  // responses never end by themselves: once the server stops listening, end every
  // live stream of this process (the module's shutdown hook does it too, later).
  const watcher = setInterval(() => {
    if (!server.listening) {
      clearInterval(watcher)
      container.resolve<PlatformModuleService>(PLATFORM_MODULE).closeLiveConnections()
      wss.close()
    }
  }, SHUTDOWN_CHECK_MS)
  watcher.unref()
}

type TrustProxy = (address: string | undefined, hop: number) => boolean

/**
 * Whether an upgrade request came over HTTPS, as express decides `req.secure`: a TLS
 * socket, or `X-Forwarded-Proto: https` from a peer TRUST_PROXY trusts (the compiled
 * setting express keeps as "trust proxy fn").
 */
function secureThrough(app: MedusaRequest["app"]): (req: IncomingMessage) => boolean {
  return (req) => {
    if ((req.socket as Socket & { encrypted?: boolean }).encrypted) {
      return true
    }
    const trust = app.get("trust proxy fn") as TrustProxy | undefined
    const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      .trim()
    return Boolean(trust?.(req.socket.remoteAddress, 0)) && forwarded === "https"
  }
}

/** Whether express got an upgrade request (no `upgrade` listener yet on its server). */
function isUpgradeRequest(req: MedusaRequest): boolean {
  return (req.headers.upgrade ?? "").toLowerCase() === "websocket"
}

/**
 * The platform middleware that attaches the WebSocket handling of `routes` to the server
 * of the first request it sees (each server once: `medusa start --cluster` has one per
 * process, a test app its own).
 */
export function attachLiveSockets(routes: LiveSocketRoute[]) {
  const compiled = routes.map(compile)
  const attached = new WeakSet<Server>()
  return function liveSocketAttacher(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    const server = (req.socket as Socket & { server?: Server }).server
    if (!compiled.length || !server) {
      return next()
    }
    if (!attached.has(server)) {
      attached.add(server)
      attachToServer(server, req.scope, compiled, secureThrough(req.app))
    }
    if (isUpgradeRequest(req) && findRoute(compiled, req.path)) {
      res.set("Retry-After", "1")
      res.status(503).json({
        type: "unavailable",
        message: "The WebSocket endpoint was starting; retry",
      })
      return
    }
    next()
  }
}
