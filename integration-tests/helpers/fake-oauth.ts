import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto"

export type OAuthProviderName = "google" | "github"

/** The user the fake provider signs in next. */
export type FakeOAuthUser = {
  /** Google `sub` / GitHub numeric `id` (as a string). */
  id: string
  email: string | null
  email_verified: boolean
  name?: string
  given_name?: string
  family_name?: string
  /** GitHub only: the full /user/emails answer; defaults to `email` as the primary one. */
  emails?: { email: string; primary: boolean; verified: boolean }[]
}

type IssuedCode = {
  provider: OAuthProviderName
  clientId: string
  redirectUri: string
  user: FakeOAuthUser
  used: boolean
}

export const GOOGLE_ISSUER = "https://accounts.google.com"

const CLIENTS: Record<OAuthProviderName, { id: string; secret: string }> = {
  google: { id: "google-client-id.apps.test", secret: "google-client-secret" },
  github: { id: "github-client-id", secret: "github-client-secret" },
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url")
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    chunks.push(chunk as Buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"))
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" })
  res.end(JSON.stringify(body))
}

/**
 * A fake Google and GitHub on 127.0.0.1 that speaks the real OAuth2 authorization-code
 * protocol: authorize (checks client_id, redirect_uri, response_type; redirects back with
 * `code` and the caller's `state`), token (form POST; checks client id and secret, a
 * single-use code and the same redirect_uri), Google's id_token (RS256, signed with a key
 * pair made at start and published as JWKS at /google/certs) and GitHub's /user and
 * /user/emails (with `verified` flags).
 */
export class FakeOAuthProvider {
  readonly clients = CLIENTS
  /** Every authorize request, as received. */
  readonly authorizeRequests: URL[] = []
  /** Every token request's form fields. */
  readonly tokenRequests: { provider: OAuthProviderName; form: Record<string, string> }[] = []
  private server?: Server
  private port = 0
  private readonly kid = `kid-${randomBytes(4).toString("hex")}`
  private readonly keys = generateKeyPairSync("rsa", { modulusLength: 2048 })
  /** Signs id_tokens with the right kid but a key the JWKS does not hold. */
  private readonly strangerKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
  private signWithStranger = false
  private readonly users: Partial<Record<OAuthProviderName, FakeOAuthUser>> = {}
  private readonly codes = new Map<string, IssuedCode>()
  private readonly accessTokens = new Map<string, FakeOAuthUser>()

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => json(res, 500, { error: error.message }))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    this.server = server
    this.port = (server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server) {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  get url(): string {
    if (!this.server) {
      throw new Error("FakeOAuthProvider is not started")
    }
    return `http://127.0.0.1:${this.port}`
  }

  /** The engine's configuration for both providers, pointing at this fake. */
  env(): Record<string, string> {
    return {
      GOOGLE_CLIENT_ID: CLIENTS.google.id,
      GOOGLE_CLIENT_SECRET: CLIENTS.google.secret,
      GOOGLE_AUTH_URL: `${this.url}/google/authorize`,
      GOOGLE_TOKEN_URL: `${this.url}/google/token`,
      GOOGLE_CERTS_URL: `${this.url}/google/certs`,
      GITHUB_CLIENT_ID: CLIENTS.github.id,
      GITHUB_CLIENT_SECRET: CLIENTS.github.secret,
      GITHUB_AUTHORIZE_URL: `${this.url}/github/login/oauth/authorize`,
      GITHUB_TOKEN_URL: `${this.url}/github/login/oauth/access_token`,
      GITHUB_API_URL: `${this.url}/github/api`,
    }
  }

  /** Who approves the next authorize request of this provider. */
  setUser(provider: OAuthProviderName, user: FakeOAuthUser): void {
    this.users[provider] = user
  }

  /** The next Google id_token is signed with a key that is not in the published JWKS. */
  forgeNextIdToken(): void {
    this.signWithStranger = true
  }

  clear(): void {
    this.authorizeRequests.length = 0
    this.tokenRequests.length = 0
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url)
    const route = `${req.method} ${url.pathname}`
    switch (route) {
      case "GET /google/authorize":
        return this.authorize("google", url, res)
      case "GET /github/login/oauth/authorize":
        return this.authorize("github", url, res)
      case "POST /google/token":
        return this.token("google", await formOf(req), res)
      case "POST /github/login/oauth/access_token":
        return this.token("github", await formOf(req), res)
      case "GET /google/certs":
        return json(res, 200, { keys: [this.jwk()] })
      case "GET /github/api/user":
        return this.githubUser(req, res)
      case "GET /github/api/user/emails":
        return this.githubEmails(req, res)
      default:
        return json(res, 404, { error: "not_found" })
    }
  }

  private authorize(provider: OAuthProviderName, url: URL, res: ServerResponse): void {
    this.authorizeRequests.push(url)
    const params = url.searchParams
    const redirectUri = params.get("redirect_uri")
    const user = this.users[provider]
    if (params.get("client_id") !== CLIENTS[provider].id || !redirectUri) {
      return json(res, 400, { error: "invalid_client" })
    }
    if (params.get("response_type") !== "code" || !user) {
      return json(res, 400, { error: "invalid_request" })
    }
    const code = randomBytes(16).toString("hex")
    this.codes.set(code, {
      provider,
      clientId: CLIENTS[provider].id,
      redirectUri,
      user: { ...user },
      used: false,
    })
    const back = new URL(redirectUri)
    back.searchParams.set("code", code)
    back.searchParams.set("state", params.get("state") ?? "")
    if (provider === "google") {
      // What Google adds to its redirect.
      back.searchParams.set("scope", params.get("scope") ?? "")
      back.searchParams.set("authuser", "0")
      back.searchParams.set("prompt", "none")
    }
    res.writeHead(302, { Location: back.toString() })
    res.end()
  }

  private token(provider: OAuthProviderName, form: URLSearchParams, res: ServerResponse): void {
    const fields = Object.fromEntries(form.entries())
    this.tokenRequests.push({ provider, form: fields })
    // GitHub answers errors with 200 and an `error` field; Google with 400/401.
    const fail = (status: number, error: string) =>
      json(res, provider === "github" ? 200 : status, { error, error_description: error })
    if (
      fields.client_id !== CLIENTS[provider].id ||
      fields.client_secret !== CLIENTS[provider].secret
    ) {
      return fail(401, "invalid_client")
    }
    if (provider === "google" && fields.grant_type !== "authorization_code") {
      return fail(400, "unsupported_grant_type")
    }
    const issued = this.codes.get(fields.code ?? "")
    if (
      !issued ||
      issued.used ||
      issued.provider !== provider ||
      issued.redirectUri !== fields.redirect_uri
    ) {
      return fail(400, provider === "github" ? "bad_verification_code" : "invalid_grant")
    }
    issued.used = true
    const accessToken = randomBytes(20).toString("hex")
    this.accessTokens.set(accessToken, issued.user)
    if (provider === "github") {
      return json(res, 200, {
        access_token: accessToken,
        token_type: "bearer",
        scope: "read:user,user:email",
      })
    }
    json(res, 200, {
      access_token: accessToken,
      expires_in: 3599,
      token_type: "Bearer",
      scope: "openid email profile",
      id_token: this.idToken(issued),
    })
  }

  private idToken(issued: IssuedCode): string {
    const now = Math.floor(Date.now() / 1000)
    const { user } = issued
    const header = base64url({ alg: "RS256", typ: "JWT", kid: this.kid })
    const payload = base64url({
      iss: GOOGLE_ISSUER,
      azp: issued.clientId,
      aud: issued.clientId,
      sub: user.id,
      email: user.email ?? undefined,
      email_verified: user.email_verified,
      name: user.name,
      given_name: user.given_name,
      family_name: user.family_name,
      iat: now,
      exp: now + 3600,
    })
    const key: KeyObject = this.signWithStranger ? this.strangerKey : this.keys.privateKey
    this.signWithStranger = false
    const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), key)
    return `${header}.${payload}.${signature.toString("base64url")}`
  }

  private jwk(): Record<string, unknown> {
    return {
      ...this.keys.publicKey.export({ format: "jwk" }),
      kid: this.kid,
      alg: "RS256",
      use: "sig",
    }
  }

  private githubUserOf(req: IncomingMessage): FakeOAuthUser | undefined {
    const token = req.headers.authorization?.match(/^(?:Bearer|token)\s+(\S+)$/i)?.[1]
    return token ? this.accessTokens.get(token) : undefined
  }

  private githubUser(req: IncomingMessage, res: ServerResponse): void {
    const user = this.githubUserOf(req)
    if (!user) {
      return json(res, 401, { message: "Bad credentials" })
    }
    json(res, 200, {
      id: Number(user.id),
      login: `user${user.id}`,
      name: user.name ?? null,
      // The public profile address: GitHub says nothing about its verification here.
      email: null,
      avatar_url: `https://avatars.example/${user.id}`,
      html_url: `https://github.example/user${user.id}`,
    })
  }

  private githubEmails(req: IncomingMessage, res: ServerResponse): void {
    const user = this.githubUserOf(req)
    if (!user) {
      return json(res, 401, { message: "Bad credentials" })
    }
    const emails =
      user.emails ??
      (user.email ? [{ email: user.email, primary: true, verified: user.email_verified }] : [])
    json(
      res,
      200,
      emails.map((entry) => ({ ...entry, visibility: entry.primary ? "private" : null }))
    )
  }
}
