import type { Server } from "node:http"
import { platformSettings } from "../../config/platform"
import { onceForServer } from "./server-hooks"

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
 * sees (server-hooks.ts). Node fixes a response's `Keep-Alive` header when the request
 * arrives, so the very first answer still names Node's 5 s; every connection is kept by the
 * new setting from then on.
 */
export function keepAliveOfServer() {
  return onceForServer((server) => applyKeepAlive(server, platformSettings().keepAliveTimeoutMs))
}
