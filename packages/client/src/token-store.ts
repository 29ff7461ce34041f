/** The tokens of a signed-in session, as `POST /auth/login` and `/auth/refresh` answer. */
export type SessionTokens = { access_token: string; refresh_token: string }

/**
 * Where a session keeps its tokens. It is read on every request, so a store shared by
 * several tabs (localStorage) hands each tab the pair another tab refreshed.
 */
export interface TokenStore {
  load(): SessionTokens | null
  save(tokens: SessionTokens): void
  clear(): void
}

/** Tokens in this process only (servers, tests, a tab that must not remember). */
export function memoryTokenStore(): TokenStore {
  let tokens: SessionTokens | null = null
  return {
    load: () => tokens,
    save: (next) => {
      tokens = next
    },
    clear: () => {
      tokens = null
    },
  }
}

/** Tokens in the browser's localStorage under `key`: the session survives a reload. */
export function localStorageTokenStore(key = "engine_session"): TokenStore {
  return {
    load: () => {
      const raw = window.localStorage.getItem(key)
      if (!raw) {
        return null
      }
      try {
        const parsed = JSON.parse(raw) as Partial<SessionTokens>
        return parsed.access_token && parsed.refresh_token
          ? { access_token: parsed.access_token, refresh_token: parsed.refresh_token }
          : null
      } catch {
        return null
      }
    },
    save: (tokens) => window.localStorage.setItem(key, JSON.stringify(tokens)),
    clear: () => window.localStorage.removeItem(key),
  }
}
