import { positiveIntFromEnv } from "../utils/env"

/** Settings of the live order streams (docs/LIVE-UPDATES.md); README.md lists the variables. */
export type LiveSettings = {
  /** How often an idle stream gets a heartbeat (and re-reads what it may have missed). */
  heartbeatMs: number
  /** Open streams (SSE and WebSocket together) one user may hold in one server process. */
  maxConnectionsPerUser: number
  /** The most history entries one resume replays; further behind, the client is told to reload. */
  replayLimit: number
}

export function readLiveSettings(env: NodeJS.ProcessEnv = process.env): LiveSettings {
  return {
    heartbeatMs: positiveIntFromEnv(env.LIVE_HEARTBEAT_MS, 15_000, "LIVE_HEARTBEAT_MS"),
    maxConnectionsPerUser: positiveIntFromEnv(
      env.LIVE_MAX_CONNECTIONS_PER_USER,
      5,
      "LIVE_MAX_CONNECTIONS_PER_USER"
    ),
    replayLimit: positiveIntFromEnv(env.LIVE_REPLAY_LIMIT, 500, "LIVE_REPLAY_LIMIT"),
  }
}

let cached: LiveSettings | undefined

export function liveSettings(): LiveSettings {
  cached ??= readLiveSettings()
  return cached
}
