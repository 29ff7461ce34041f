import type { Server } from "node:http"
import type { Socket } from "node:net"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * A platform middleware that applies `configure` to the HTTP server of the first request
 * it sees (each server once). Medusa creates the server and gives a project no handle on
 * it, so server-level settings (client errors, keep-alive) are applied from its first request.
 */
export function onceForServer(configure: (server: Server, req: MedusaRequest) => void) {
  const configured = new WeakSet<Server>()
  return function serverConfigurer(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    const server = (req.socket as Socket & { server?: Server }).server
    if (server && !configured.has(server)) {
      configured.add(server)
      configure(server, req)
    }
    next()
  }
}
