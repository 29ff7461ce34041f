import { GoogleAuthService } from "@medusajs/auth-google/dist/services/google"
import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
  GoogleAuthProviderOptions,
  Logger,
} from "@medusajs/framework/types"
import jwksClient from "jwks-rsa"
import {
  errorMessage,
  exchangeCode,
  relocate,
  saveIdentity,
  startCallback,
  type OAuthUserMetadata,
} from "../shared"

export const GOOGLE_DEFAULTS = {
  authorizeUrl: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenUrl: "https://oauth2.googleapis.com/token",
  certsUrl: "https://www.googleapis.com/oauth2/v3/certs",
}

export type GoogleOAuthOptions = GoogleAuthProviderOptions & {
  /** Overrides of Google's endpoints (a fake provider in tests); default: Google's own. */
  authorizeUrl?: string
  tokenUrl?: string
  /** The JWKS document with the keys that sign id_tokens. */
  certsUrl?: string
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null
}

/** The claims of an id_token the package has already verified. */
function claimsOf(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8"))
}

/**
 * `@medusajs/auth-google` with configurable endpoints. The package hard-codes Google's
 * authorize, token and JWKS URLs; this subclass takes them from options (defaulting to
 * Google's) and otherwise keeps the package's protocol: its state handling and its
 * id_token verification (RS256, audience = client id, Google's issuer, verified email
 * required). It also records the verified claims (email, email_verified, names) on every
 * sign-in, not only the first, so account linking reads current data.
 */
export class GoogleOAuthService extends GoogleAuthService {
  protected readonly urls_: typeof GOOGLE_DEFAULTS

  constructor(dependencies: { logger: Logger }, options: GoogleOAuthOptions) {
    super(dependencies, options)
    this.urls_ = {
      authorizeUrl: options.authorizeUrl || GOOGLE_DEFAULTS.authorizeUrl,
      tokenUrl: options.tokenUrl || GOOGLE_DEFAULTS.tokenUrl,
      certsUrl: options.certsUrl || GOOGLE_DEFAULTS.certsUrl,
    }
    this.jwks_ = jwksClient({ jwksUri: this.urls_.certsUrl, cache: true, rateLimit: true })
  }

  override async authenticate(
    req: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    return relocate(await super.authenticate(req, authIdentityService), this.urls_.authorizeUrl)
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
        grant_type: "authorization_code",
        code: start.code,
        redirect_uri: start.redirectUri,
        client_id: this.config_.clientId,
        client_secret: this.config_.clientSecret,
      })
      const idToken = typeof tokens.id_token === "string" ? tokens.id_token : undefined
      const verified = await this.verify_(idToken, authIdentityService)
      if (!verified.success || !idToken) {
        return { success: false, error: verified.error ?? "No id_token in the token response" }
      }
      const claims = claimsOf(idToken)
      const metadata: OAuthUserMetadata = {
        email: text(claims.email)?.toLowerCase() ?? null,
        email_verified: claims.email_verified === true || claims.email_verified === "true",
        name: text(claims.name),
        given_name: text(claims.given_name),
        family_name: text(claims.family_name),
        picture: text(claims.picture),
      }
      return await saveIdentity(authIdentityService, String(claims.sub), metadata)
    } catch (error) {
      return { success: false, error: errorMessage(error) }
    }
  }
}
