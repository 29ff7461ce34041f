import net from "node:net"
import { ConfigError } from "./config-error"

/** Resolves when nothing listens on host:port; a ConfigError naming the variable otherwise. */
export async function assertPortFree(
  port: number,
  envName: string,
  host = "0.0.0.0"
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") {
        reject(
          new ConfigError(
            `port ${port} is ${error.code === "EADDRINUSE" ? "already in use" : "not allowed"}: stop the process using it or set ${envName} to a free port`
          )
        )
      } else {
        reject(error)
      }
    })
    server.listen(port, host, () => server.close(() => resolve()))
  })
}

/** A port the operating system reports free right now. */
export async function findFreePort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export function parsePort(value: string | undefined, envName: string, fallback: number): number {
  if (value === undefined || value === "") {
    return fallback
  }
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`${envName}="${value}" is not a port number (1-65535)`)
  }
  return port
}
