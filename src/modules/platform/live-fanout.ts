import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"
import { whenReady } from "./redis"

/**
 * The channel carrying live messages between processes. Pub/sub ignores database
 * numbers, so the channel names the database: deployments (and parallel test runs)
 * sharing one Redis server on different databases do not hear each other.
 */
export function liveChannel(database: number | undefined): string {
  return `live:messages:${database ?? 0}`
}

/** One open live connection (an SSE stream or a WebSocket) listening to a topic. */
export type LiveListener = {
  /** A message published on the topic, by this process or another one. */
  deliver(data: unknown): void
  /** The process is shutting down: end the connection. */
  close(): void
}

export type LiveFanoutDependencies = {
  redis?: Redis
  subscriber?: Redis
  logger: Logger
}

type Envelope = { topic: string; data: unknown }

/**
 * Fan-out of live messages to the connections of every server process. With Redis a
 * message is published once on `liveChannel` and each process (including the publisher)
 * hands it to its own listeners; without Redis, to this process's listeners only (one
 * process does everything). Also counts each user's open connections in this process.
 */
export class LiveFanout {
  private readonly listeners = new Map<string, Set<LiveListener>>()
  private readonly connections = new Map<string, number>()
  private readonly channel: string | undefined

  constructor(private readonly deps: LiveFanoutDependencies) {
    this.channel = deps.redis ? liveChannel(deps.redis.options.db) : undefined
    deps.subscriber?.on("message", (channel: string, message: string) => {
      if (channel === this.channel) {
        this.receive(message)
      }
    })
  }

  /**
   * Sends `data` to every listener of `topic` in every process. When Redis cannot take it
   * (an outage), this process's listeners still get it; the others catch up from the
   * database on their next heartbeat (docs/LIVE-UPDATES.md).
   */
  async publish(topic: string, data: unknown): Promise<void> {
    const { redis } = this.deps
    if (redis && this.channel) {
      try {
        await whenReady(redis, 1000)
        await redis.publish(this.channel, JSON.stringify({ topic, data }))
        return
      } catch (error) {
        this.deps.logger.warn(`live: could not publish through Redis: ${(error as Error).message}`)
      }
    }
    this.dispatch({ topic, data })
  }

  /** Adds a listener; the returned function removes it (idempotent). */
  listen(topic: string, listener: LiveListener): () => void {
    let set = this.listeners.get(topic)
    if (!set) {
      set = new Set()
      this.listeners.set(topic, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  /**
   * Takes one of `limit` connection slots of `owner` in this process; undefined when all
   * are taken. The returned function gives the slot back (idempotent).
   */
  claimConnection(owner: string, limit: number): (() => void) | undefined {
    const open = this.connections.get(owner) ?? 0
    if (open >= limit) {
      return undefined
    }
    this.connections.set(owner, open + 1)
    let released = false
    return () => {
      if (released) {
        return
      }
      released = true
      const left = (this.connections.get(owner) ?? 1) - 1
      if (left > 0) {
        this.connections.set(owner, left)
      } else {
        this.connections.delete(owner)
      }
    }
  }

  /** Ends every open connection (application shutdown). */
  closeAll(): void {
    for (const set of this.listeners.values()) {
      for (const listener of [...set]) {
        listener.close()
      }
    }
    this.listeners.clear()
    this.connections.clear()
  }

  private receive(message: string): void {
    try {
      const envelope = JSON.parse(message) as Envelope
      if (typeof envelope?.topic === "string") {
        this.dispatch(envelope)
      }
    } catch {
      this.deps.logger.warn("live: ignored a malformed message")
    }
  }

  private dispatch(envelope: Envelope): void {
    for (const listener of this.listeners.get(envelope.topic) ?? []) {
      try {
        listener.deliver(envelope.data)
      } catch (error) {
        this.deps.logger.warn(`live: a listener failed: ${(error as Error).message}`)
      }
    }
  }
}
