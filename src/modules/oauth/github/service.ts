import { GithubAuthService } from "@medusajs/auth-github/dist/services/github"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
  GithubAuthProviderOptions,
  Logger,
} from "@medusajs/framework/types"
import {
  errorMessage,
  exchangeCode,
  getJson,
  relocate,
  saveIdentity,
  startCallback,
  type OAuthUserMetadata,
} from "../shared"

export const GITHUB_DEFAULTS = {
  authorizeUrl: "https://github.com/login/oauth/authorize",
  tokenUrl: "https://github.com/login/oauth/access_token",
  apiUrl: "https://api.github.com",
}

/** Reading the user's addresses (and whether GitHub verified them) needs `user:email`. */
export const GITHUB_SCOPE = "read:user user:email"

export type GithubOAuthOptions = GithubAuthProviderOptions & {
  /** Overrides of GitHub's endpoints (a fake provider in tests); default: GitHub's own. */
  authorizeUrl?: string
  tokenUrl?: string
  /** REST API base: `/user` and `/user/emails` are read below it. */
  apiUrl?: string
}

type GithubUser = {
  id: number | string
  login?: string
  name?: string | null
  email?: string | null
  avatar_url?: string
  html_url?: string
}

type GithubEmail = { email: string; primary: boolean; verified: boolean }

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null
}

/**
 * The address to use: the primary one when GitHub verified it, else any verified one,
 * else the primary (unverified) one, else the public profile address (unverified).
 */
export function pickEmail(
  emails: GithubEmail[],
  publicEmail: string | null
): { email: string | null; verified: boolean } {
  const chosen =
    emails.find((e) => e.primary && e.verified) ??
    emails.find((e) => e.verified) ??
    emails.find((e) => e.primary)
  if (chosen) {
    return { email: chosen.email.trim().toLowerCase(), verified: chosen.verified === true }
  }
  return { email: publicEmail?.toLowerCase() ?? null, verified: false }
}

/**
 * `@medusajs/auth-github` with configurable endpoints and verified emails. The package
 * hard-codes GitHub's URLs, reads only the public profile address (no verification flag)
 * and fails on tokens without `expires_in` (classic OAuth apps). This subclass keeps the
 * package's state handling and authorize parameters, asks for `read:user user:email`,
 * exchanges the code at the configured token URL, reads `/user` and `/user/emails`, and
 * records the chosen address with GitHub's `verified` flag. The access token is used for
 * these two reads only and is not stored.
 */
export class GithubOAuthService extends GithubAuthService {
  protected readonly urls_: typeof GITHUB_DEFAULTS

  constructor(dependencies: { logger: Logger }, options: GithubOAuthOptions) {
    super(dependencies, options)
    this.urls_ = {
      authorizeUrl: options.authorizeUrl || GITHUB_DEFAULTS.authorizeUrl,
      tokenUrl: options.tokenUrl || GITHUB_DEFAULTS.tokenUrl,
      apiUrl: (options.apiUrl || GITHUB_DEFAULTS.apiUrl).replace(/\/+$/, ""),
    }
  }

  override async authenticate(
    req: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const response = await super.authenticate(req, authIdentityService)
    return relocate(response, this.urls_.authorizeUrl, { scope: GITHUB_SCOPE })
  }

  override async validateCallback(
    req: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const start = await startCallback(req, authIdentityService)
    if (!start.ok) {
      return start.response
    }
    try {
      const tokens = await exchangeCode(this.urls_.tokenUrl, {
        code: start.code,
        redirect_uri: start.redirectUri,
        client_id: this.config_.clientId,
        client_secret: this.config_.clientSecret,
      })
      const accessToken = text(tokens.access_token)
      if (!accessToken) {
        return { success: false, error: "No access token found" }
      }
      const user = await getJson<GithubUser>(`${this.urls_.apiUrl}/user`, accessToken)
      if (user?.id === undefined || user.id === null || user.id === "") {
        return { success: false, error: "The provider returned no user id" }
      }
      const emails = await getJson<GithubEmail[]>(`${this.urls_.apiUrl}/user/emails`, accessToken)
      const { email, verified } = pickEmail(Array.isArray(emails) ? emails : [], text(user.email))
      const name = text(user.name)
      const metadata: OAuthUserMetadata = {
        email,
        email_verified: verified,
        name,
        given_name: null,
        family_name: null,
        login: text(user.login),
        avatar: text(user.avatar_url),
        profile_url: text(user.html_url),
      }
      return await saveIdentity(authIdentityService, String(user.id), metadata)
    } catch (error) {
      return { success: false, error: errorMessage(error) }
    }
  }
}
