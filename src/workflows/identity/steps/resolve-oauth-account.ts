import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { IDENTITY_MODULE } from "../../../modules/identity"
import type IdentityModuleService from "../../../modules/identity/service"

export type ResolveOAuthAccountInput = {
  auth_identity_id: string
  /** The auth provider id: `google` or `github`. */
  provider: string
}

/**
 * What to do with an OAuth sign-in: `existing` (the identity already belongs to a
 * customer), `link` (attach it to the customer account with the same verified email) or
 * `create` (a new customer from the provider's data).
 */
export type OAuthAccount = {
  action: "existing" | "link" | "create"
  customer_id: string | null
  email: string | null
  email_verified: boolean
  first_name: string | null
  last_name: string | null
}

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" }

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null
}

/** Given and family name from the provider, or its full name split at the first space. */
function namesOf(
  metadata: Record<string, unknown>
): Pick<OAuthAccount, "first_name" | "last_name"> {
  const given = text(metadata.given_name)
  const family = text(metadata.family_name)
  if (given || family) {
    return { first_name: given, last_name: family }
  }
  const [first, ...rest] = (text(metadata.name) ?? "").split(/\s+/)
  return { first_name: first || null, last_name: rest.join(" ") || null }
}

/**
 * Decides whose account an OAuth identity signs in to; reads only (nothing to undo).
 *
 * An email links to an existing account only when the provider verified it AND the
 * account's own address is verified: otherwise whoever controls the provider account,
 * or whoever registered the address with a password, could take over the other one.
 * Deactivated accounts are refused (401).
 */
export const resolveOAuthAccountStep = createStep(
  "identity-resolve-oauth-account",
  async (input: ResolveOAuthAccountInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identity = container.resolve<IdentityModuleService>(IDENTITY_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const providerName = PROVIDER_NAMES[input.provider] ?? input.provider

    const authIdentity = await auth.retrieveAuthIdentity(input.auth_identity_id, {
      relations: ["provider_identities"],
    })
    const providerIdentity = authIdentity.provider_identities?.find(
      (candidate) => candidate.provider === input.provider
    )
    const metadata = (providerIdentity?.user_metadata ?? {}) as Record<string, unknown>
    const email = text(metadata.email)?.toLowerCase() ?? null
    const emailVerified = metadata.email_verified === true
    const names = namesOf(metadata)

    const assertActive = async (customerId: string): Promise<void> => {
      const [customer] = await customers.listCustomers({ id: customerId }, { take: 1 })
      const [profile] = await identity.listProfiles(
        { actor_type: "customer", actor_id: customerId },
        { take: 1 }
      )
      if (!customer || profile?.deactivated_at) {
        throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This account is deactivated")
      }
    }

    const linked = text((authIdentity.app_metadata ?? {}).customer_id)
    if (linked) {
      await assertActive(linked)
      return new StepResponse<OAuthAccount>({
        action: "existing",
        customer_id: linked,
        email,
        email_verified: emailVerified,
        ...names,
      })
    }

    if (!email) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${providerName} did not share an email address; add one to your ${providerName} account`
      )
    }

    const [account] = await customers.listCustomers({ email, has_account: true }, { take: 1 })
    if (!account) {
      return new StepResponse<OAuthAccount>({
        action: "create",
        customer_id: null,
        email,
        email_verified: emailVerified,
        ...names,
      })
    }
    if (!emailVerified) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `An account with this email already exists and ${providerName} has not verified the ` +
          `address, so it cannot be linked. Verify it with ${providerName}, or sign in with ` +
          "your password."
      )
    }
    await assertActive(account.id)
    const [profile] = await identity.listProfiles(
      { actor_type: "customer", actor_id: account.id },
      { take: 1 }
    )
    if (!profile?.email_verified_at) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "An account with this email already exists but has not verified its address, so " +
          `${providerName} cannot be linked to it. Sign in with your password and verify the ` +
          `address first, then use ${providerName}.`
      )
    }
    return new StepResponse<OAuthAccount>({
      action: "link",
      customer_id: account.id,
      email,
      email_verified: emailVerified,
      ...names,
    })
  }
)
