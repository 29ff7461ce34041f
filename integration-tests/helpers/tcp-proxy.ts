import net from "node:net"

/**
 * A TCP relay in front of a real server (Redis, PostgreSQL), so a test can cut the
 * connection, restore it on the same port or slow the server's answers down, without
 * touching the server other tests use.
 */
export class TcpProxy {
  private server?: net.Server
  private readonly sockets = new Set<net.Socket>()
  port = 0
  /** Each chunk the server sends reaches the client this much later (a slow server or network). */
  delayMs = 0

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
      client.pipe(upstream)
      this.relayAnswers(upstream, client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(this.port, "127.0.0.1", () => resolve())
    })
    this.server = server
    this.port = (server.address() as net.AddressInfo).port
    return this.port
  }

  /** Server → client, each chunk after `delayMs`, in order (a later chunk never overtakes). */
  private relayAnswers(upstream: net.Socket, client: net.Socket): void {
    let due = 0
    upstream.on("data", (chunk: Buffer) => {
      if (this.delayMs <= 0 && due <= Date.now()) {
        client.write(chunk)
        return
      }
      due = Math.max(Date.now() + this.delayMs, due)
      setTimeout(() => client.writable && client.write(chunk), due - Date.now())
    })
    upstream.once("end", () => setTimeout(() => client.end(), Math.max(0, due - Date.now())))
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
