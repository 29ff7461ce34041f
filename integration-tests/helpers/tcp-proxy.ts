import net from "node:net"

/**
 * A TCP relay in front of a real server (Redis, say), so a test can cut the connection
 * and restore it on the same port without touching the server other tests use.
 */
export class TcpProxy {
  private server?: net.Server
  private readonly sockets = new Set<net.Socket>()
  port = 0

  constructor(private readonly target: { host: string; port: number }) {}

  get running(): boolean {
    return this.server !== undefined
  }

  async start(): Promise<number> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host)
      for (const socket of [client, upstream]) {
        this.sockets.add(socket)
        socket.once("close", () => this.sockets.delete(socket))
        socket.on("error", () => {
          client.destroy()
          upstream.destroy()
        })
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(this.port, "127.0.0.1", () => resolve())
    })
    this.server = server
    this.port = (server.address() as net.AddressInfo).port
    return this.port
  }

  /** Refuses new connections and drops the open ones; start() again reopens the port. */
  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    for (const socket of this.sockets) {
      socket.destroy()
    }
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
