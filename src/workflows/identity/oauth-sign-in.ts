import { Modules } from "@medusajs/framework/utils"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createCustomerAccountWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  requestVerificationWorkflow,
  setAuthAppMetadataStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { IDENTITY_MODULE } from "../../modules/identity"
import { IdentityEvents } from "../../modules/identity/events"
import { createProfileStep } from "./steps/create-profile"
import { markEmailVerifiedStep } from "./steps/mark-email-verified"
import {
  resolveOAuthAccountStep,
  type ResolveOAuthAccountInput,
} from "./steps/resolve-oauth-account"

export type OAuthSignInInput = ResolveOAuthAccountInput

/**
 * The customer an OAuth identity (Google, GitHub) signs in as, under a lock on the
 * identity so two callbacks cannot both create an account for it:
 *
 * - the identity already carries `customer_id`: that customer;
 * - the provider verified the email and a verified account has it: the identity is linked
 *   to that customer (Medusa's `setAuthAppMetadataStep`);
 * - no account has the email: a customer (Medusa's account workflow, which links the
 *   identity), a profile without username, verified when the provider verified the
 *   email, and their link; a welcome event, and a verification email when the provider
 *   did not vouch for the address.
 *
 * Anything else is refused by the resolve step (409 unverified, 401 deactivated), and a
 * failure after it undoes what was done.
 */
export const oauthSignInWorkflow = createWorkflow(
  "identity-oauth-sign-in",
  (input: OAuthSignInInput) => {
    const lockKey = transform({ input }, ({ input }) => `oauth-sign-in:${input.auth_identity_id}`)
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const account = resolveOAuthAccountStep(input)

    when({ account }, ({ account }) => account.action === "link").then(() => {
      const link = transform({ input, account }, ({ input, account }) => ({
        authIdentityId: input.auth_identity_id,
        actorType: "customer",
        value: account.customer_id as string,
      }))
      setAuthAppMetadataStep(link)
    })

    const created = when({ account }, ({ account }) => account.action === "create").then(() => {
      const customerData = transform({ account }, ({ account }) => ({
        email: account.email as string,
        first_name: account.first_name,
        last_name: account.last_name,
      }))
      const customer = createCustomerAccountWorkflow.runAsStep({
        input: { authIdentityId: input.auth_identity_id, customerData },
      })
      const profileInput = transform({ customer }, ({ customer }) => ({
        actor_type: "customer" as const,
        actor_id: customer.id,
        username: null,
      }))
      const profile = createProfileStep(profileInput)
      const verified = transform({ account, customer }, ({ account, customer }) =>
        account.email_verified ? { actor_type: "customer" as const, actor_id: customer.id } : null
      )
      markEmailVerifiedStep(verified)
      const links = transform({ profile, customer }, ({ profile, customer }) => [
        {
          [IDENTITY_MODULE]: { profile_id: profile.id },
          [Modules.CUSTOMER]: { customer_id: customer.id },
        },
      ])
      createRemoteLinkStep(links)
      const registered = transform({ account, customer }, ({ account, customer }) => ({
        customer_id: customer.id,
        email: account.email as string,
        first_name: account.first_name,
      }))
      emitEventStep({ eventName: IdentityEvents.USER_REGISTERED, data: registered })
      return customer
    })

    when({ account }, ({ account }) => account.action === "create" && !account.email_verified).then(
      () => {
        const verification = transform({ input, account }, ({ input, account }) => ({
          auth_identity_id: input.auth_identity_id,
          entity_id: account.email as string,
          entity_type: "email",
          code_provider: "token",
        }))
        requestVerificationWorkflow.runAsStep({ input: verification })
      }
    )

    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    const result = transform({ account, created }, ({ account, created }) => ({
      action: account.action,
      customer_id: (created?.id ?? account.customer_id) as string,
    }))
    return new WorkflowResponse(result)
  }
)
