import createClient from "openapi-fetch"
import type { paths } from "./schema"
import { EngineError, type EngineErrorBody } from "./errors"
import { memoryTokenStore, type SessionTokens, type TokenStore } from "./token-store"

export type Credentials = { password: string } & ({ email: string } | { username: string })

export type EngineSessionOptions = {
  /** The engine's base URL, e.g. http://localhost:9000. */
  baseUrl: string
  /** Where the tokens live; in memory unless given (see localStorageTokenStore). */
  store?: TokenStore
  /** The fetch used for every request (defaults to the global one). */
  fetch?: typeof fetch
  /** Called when the session signs in, refreshes or ends (a refused refresh ends it). */
  onChange?: (signedIn: boolean) => void
}

type FetchInput = Parameters<typeof fetch>[0]

/**
 * A shopper's session with the engine: `POST /auth/login` gives an access token (15 min)
 * and a refresh token (30 days, single use). Requests made through `fetch` (and so the
 * typed client and the JS SDK this session is attached to) carry the access token; a 401
 * trades the refresh token for a new pair once, however many requests got the 401 at the
 * same time, and repeats each of them once. A refused refresh ends the session.
 */
export class EngineSession {
  private readonly baseUrl: string
  private readonly store: TokenStore
  private readonly rawFetch: typeof fetch
  private readonly onChange?: (signedIn: boolean) => void
  private readonly auth: ReturnType<typeof createClient<paths>>
  private refreshing: Promise<boolean> | undefined

  constructor(options: EngineSessionOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "")
    this.store = options.store ?? memoryTokenStore()
    // Looked up at call time: a test or the page may replace the global fetch later.
    this.rawFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.onChange = options.onChange
    this.auth = createClient<paths>({ baseUrl: this.baseUrl, fetch: (req) => this.rawFetch(req) })
  }

  /** The current access token, or undefined when signed out. */
  accessToken(): string | undefined {
    return this.store.load()?.access_token
  }

  isSignedIn(): boolean {
    return this.store.load() !== null
  }

  /** Signs in with email (or username) and password; an EngineError (401) when wrong. */
  async login(credentials: Credentials): Promise<void> {
    const { data, error, response } = await this.auth.POST("/auth/login", { body: credentials })
    if (!data) {
      throw new EngineError(response.status, error as EngineErrorBody | undefined)
    }
    this.update(data)
  }

  /**
   * Ends the session at the engine (its refresh and access tokens stop working) and
   * forgets the tokens here, even when the engine cannot be reached.
   */
  async logout(): Promise<void> {
    if (!this.isSignedIn()) {
      return
    }
    try {
      const response = await this.fetch("/auth/logout", { method: "POST" })
      if (!response.ok && response.status !== 401) {
        throw new EngineError(response.status, await response.json().catch(() => undefined))
      }
    } finally {
      this.update(null)
    }
  }

  /**
   * Trades the refresh token for a new pair. `usedToken` is the access token a refused
   * request carried: when the session already holds another one, a refresh has happened
   * meanwhile and nothing is sent. Concurrent callers share one request. True when the
   * session holds a fresh access token; false when the engine refused (signed out).
   */
  refresh(usedToken?: string): Promise<boolean> {
    const tokens = this.store.load()
    if (!tokens) {
      return Promise.resolve(false)
    }
    if (usedToken !== undefined && tokens.access_token !== usedToken) {
      return Promise.resolve(true)
    }
    this.refreshing ??= this.rotate(tokens.refresh_token).finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  /**
   * `fetch` with the access token, refreshed and retried once on a 401. A path ("/cart")
   * is resolved against the base URL. Give it to openapi-fetch's `createClient`.
   */
  readonly fetch = async (input: FetchInput, init?: RequestInit): Promise<Response> => {
    const target = typeof input === "string" && input.startsWith("/") ? this.url(input) : input
    const request = new Request(target, init)
    const used = this.accessToken()
    // The body of a Request can be read once: the retry sends a copy.
    const response = await this.rawFetch(this.authorize(request.clone(), used))
    if (response.status !== 401 || used === undefined) {
      return response
    }
    if (!(await this.refresh(used))) {
      return response
    }
    return this.rawFetch(this.authorize(request, this.accessToken()))
  }

  /** The engine URL of a path. */
  url(path: string): string {
    return `${this.baseUrl}${path}`
  }

  private authorize(request: Request, token: string | undefined): Request {
    if (token !== undefined && !request.headers.has("authorization")) {
      request.headers.set("authorization", `Bearer ${token}`)
    }
    return request
  }

  private async rotate(refreshToken: string): Promise<boolean> {
    const { data, error, response } = await this.auth.POST("/auth/refresh", {
      body: { refresh_token: refreshToken },
    })
    if (data) {
      this.update(data)
      return true
    }
    if (response.status === 401) {
      // Expired, revoked, or used by someone else: the session is over.
      this.update(null)
      return false
    }
    throw new EngineError(response.status, error as EngineErrorBody | undefined)
  }

  private update(tokens: SessionTokens | null): void {
    if (tokens) {
      this.store.save({ access_token: tokens.access_token, refresh_token: tokens.refresh_token })
    } else {
      this.store.clear()
    }
    this.onChange?.(tokens !== null)
  }
}
