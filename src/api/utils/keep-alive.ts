import type { Server } from "node:http"
import type { Socket } from "node:net"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { platformSettings } from "../../config/platform"

/**
 * Node closes an idle keep-alive connection after 5 s. A load balancer (or any client)
 * that keeps connections longer sends its next request on a socket the server is closing
 * at that moment and gets a reset (the ALB answers 502). The server's keep-alive therefore
 * outlasts the balancer's idle timeout, and the headers timeout outlasts the keep-alive (as
 * Node requires, or a slow first request on a reused connection is cut).
 */
export function applyKeepAlive(server: Server, keepAliveTimeoutMs: number): void {
  server.keepAliveTimeout = keepAliveTimeoutMs
  server.headersTimeout = Math.max(server.headersTimeout, keepAliveTimeoutMs + 1_000)
}

/**
 * The platform middleware that sets the keep-alive of the server of the first request it
 * sees (each server once): Medusa creates the server and gives a project no handle on it,
 * as for the unparsable requests (client-errors.ts). Node fixes a response's `Keep-Alive`
 * header when the request arrives, so the very first answer still names Node's 5 s; every
 * connection is kept by the new setting from then on.
 */
export function keepAliveOfServer() {
  const configured = new WeakSet<Server>()
  return function keepAliveConfigurer(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    const server = (req.socket as Socket & { server?: Server }).server
    if (server && !configured.has(server)) {
      configured.add(server)
      applyKeepAlive(server, platformSettings().keepAliveTimeoutMs)
    }
    next()
  }
}
