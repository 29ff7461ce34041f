import net from "node:net"

/** One relayed connection; `dropReply` is set once its next answer is to be lost. */
type Pair = { client: net.Socket; upstream: net.Socket; dropReply?: () => void }

/**
 * A TCP relay in front of a real server (Redis, PostgreSQL), so a test can fail the
 * connection without touching the server other tests use: cut it and restore it on the
 * same port (`stop`, `start`), stall it (`stall`, or `stallWhenSent` at a chosen point:
 * bytes held both ways, connections left open, as a silent network or a frozen server does;
 * `resume` delivers them), lose a reply (`dropReplyTo`) or slow it down (`latencyMs`: every
 * chunk, both ways, arrives that much later, in order).
 */
export class TcpProxy {
  private server?: net.Server
  private readonly sockets = new Set<net.Socket>()
  private stalled?: { released: Promise<void>; release: () => void }
  private stallTrigger?: Buffer
  private dropTrigger?: { text: Buffer; dropped: () => void }
  port = 0
  /** Each chunk, in either direction, is delivered this much later (a slow network). */
  latencyMs = 0

  constructor(private readonly target: { host: string; port: number }) {}

  get running(): boolean {
    return this.server !== undefined
  }

  async start(): Promise<number> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host)
      const pair: Pair = { client, upstream }
      for (const socket of [client, upstream]) {
        this.sockets.add(socket)
        socket.once("close", () => this.sockets.delete(socket))
        // A failed socket closes, and its close is relayed like its data.
        socket.on("error", () => {})
      }
      this.relay(client, upstream, pair, true)
      this.relay(upstream, client, pair, false)
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(this.port, "127.0.0.1", () => resolve())
    })
    this.server = server
    this.port = (server.address() as net.AddressInfo).port
    return this.port
  }

  /**
   * Copies `from` to `to` chunk by chunk through one promise chain, so a chunk waits for
   * the ones before it, for a stall to end and for the latency, and none overtakes
   * another; so does the close of `from` (during a stall the other side learns nothing).
   * Without stall or latency a chunk is written at once.
   */
  private relay(from: net.Socket, to: net.Socket, pair: Pair, fromClient: boolean): void {
    let queue = Promise.resolve()
    let queued = 0
    const deliver = async (write: () => void) => {
      while (this.stalled) {
        await this.stalled.released
      }
      if (this.latencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
      }
      if (!to.destroyed) {
        write()
      }
    }
    const enqueue = (write: () => void) => {
      if (queued === 0 && !this.stalled && this.latencyMs <= 0) {
        write()
        return
      }
      queued += 1
      queue = queue.then(() => deliver(write)).finally(() => (queued -= 1))
    }
    from.on("data", (chunk: Buffer) => {
      if (fromClient && this.stallTrigger && chunk.includes(this.stallTrigger)) {
        this.stallTrigger = undefined
        this.stall()
      }
      if (fromClient && this.dropTrigger && chunk.includes(this.dropTrigger.text)) {
        pair.dropReply = this.dropTrigger.dropped
        this.dropTrigger = undefined
      }
      if (!fromClient && pair.dropReply) {
        pair.client.destroy()
        pair.upstream.destroy()
        pair.dropReply()
        return
      }
      enqueue(() => to.write(chunk))
    })
    from.once("end", () => enqueue(() => to.end()))
    from.once("close", () => enqueue(() => to.destroy()))
  }

  /**
   * Holds every byte, both ways, on open and new connections alike, without closing any:
   * the server seems to have gone silent. `resume` delivers what was held, in order.
   */
  stall(): void {
    if (!this.stalled) {
      let release = () => {}
      const released = new Promise<void>((resolve) => (release = resolve))
      this.stalled = { released, release }
    }
  }

  get isStalled(): boolean {
    return this.stalled !== undefined
  }

  /**
   * Stalls (see `stall`) as soon as a client sends bytes containing `text`, holding them:
   * the server goes silent at a chosen point, in the middle of a transaction say.
   */
  stallWhenSent(text: string): void {
    this.stallTrigger = Buffer.from(text)
  }

  /**
   * Lets the next client bytes containing `text` through, then drops what the server
   * answers on that connection and closes it, both sides (the port stays open): the server
   * ran the command but its reply was lost, as when a network fails between the two.
   * Resolves once the reply was dropped.
   */
  dropReplyTo(text: string): Promise<void> {
    return new Promise((dropped) => {
      this.dropTrigger = { text: Buffer.from(text), dropped }
    })
  }

  /** Ends a stall: held bytes flow again. */
  resume(): void {
    this.stallTrigger = undefined
    const stalled = this.stalled
    this.stalled = undefined
    stalled?.release()
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
