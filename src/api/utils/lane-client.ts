import { timingSafeEqual } from "node:crypto"
import type { IncomingHttpHeaders, IncomingMessage } from "node:http"
import type { Request } from "express"
import { writeLaneSettings } from "../../config/write-lane"

/**
 * The client of a request a front process forwarded to a writer (write-lane.ts), as the
 * front saw it: the writer answers for a connection it does not have, and its rate limits,
 * logs and HTTPS rules must see the shop's client, not the front.
 */
export type LaneClient = { ip: string; ips: string[]; protocol: string; hostname?: string }

/** The front's proof (the lane secret); a request without it is any other client's. */
export const LANE_HEADER = "x-engine-lane"
/** The LaneClient, as JSON. */
export const CLIENT_HEADER = "x-engine-lane-client"

/**
 * The client as Express itself would see it on this connection: its own getters (`ip`,
 * `ips`, `protocol`, `hostname`, which apply the app's "trust proxy" to X-Forwarded-*)
 * run on a view of the raw request, since a forwarded request never enters Express here.
 * `expressRequest` is the prototype Express gives the app's requests (`app.request`).
 */
export function laneClientOf(expressRequest: object, req: IncomingMessage): LaneClient {
  const view = Object.create(expressRequest) as Request
  Object.defineProperties(view, {
    headers: { value: req.headers },
    socket: { value: req.socket },
    connection: { value: req.socket },
  })
  return {
    ip: view.ip ?? req.socket.remoteAddress ?? "unknown",
    ips: view.ips,
    protocol: view.protocol,
    hostname: view.hostname,
  }
}

function fromFront(proof: string): boolean {
  const expected = Buffer.from(writeLaneSettings().secret)
  const given = Buffer.from(proof)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Whether a request carries a front's proof: it already crossed the lane. */
export function crossedLane(headers: IncomingHttpHeaders): boolean {
  const proof = headers[LANE_HEADER]
  return typeof proof === "string" && fromFront(proof)
}

function parseClient(text: string): LaneClient | undefined {
  try {
    const client = JSON.parse(text) as Partial<LaneClient>
    const valid =
      typeof client.ip === "string" &&
      Array.isArray(client.ips) &&
      client.ips.every((ip) => typeof ip === "string") &&
      // Whatever Express read from a trusted X-Forwarded-Proto ("HTTPS" included): the
      // writer answers with the same `req.protocol`, and `req.secure` as Express decides it.
      typeof client.protocol === "string" &&
      /^[A-Za-z][A-Za-z0-9+.-]{0,15}$/.test(client.protocol) &&
      (client.hostname === undefined || typeof client.hostname === "string")
    return valid ? (client as LaneClient) : undefined
  } catch {
    return undefined
  }
}

/**
 * The platform's first middleware (a writer's side of the lane): a request that proves it
 * comes from a front answers as if from the client the front saw — `req.ip`, `req.ips`,
 * `req.protocol` (so `req.secure`) and `req.hostname` become the front's view. The lane
 * headers are removed from every request, so nothing after this (or a client that forges
 * them without the secret) sees or sets them.
 */
export function acceptLaneClient(req: IncomingMessage, _res: unknown, next: () => void): void {
  const proof = req.headers[LANE_HEADER]
  const client = req.headers[CLIENT_HEADER]
  if (proof === undefined && client === undefined) {
    return next()
  }
  delete req.headers[LANE_HEADER]
  delete req.headers[CLIENT_HEADER]
  const seen =
    typeof proof === "string" && typeof client === "string" && fromFront(proof)
      ? parseClient(client)
      : undefined
  if (seen) {
    Object.defineProperties(req, {
      ip: { value: seen.ip, configurable: true },
      ips: { value: seen.ips, configurable: true },
      protocol: { value: seen.protocol, configurable: true },
      hostname: { value: seen.hostname, configurable: true },
    })
  }
  next()
}
