import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createCustomerAccountWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  requestVerificationWorkflow,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { IDENTITY_MODULE } from "../../modules/identity"
import { IdentityEvents } from "../../modules/identity/events"
import { createProfileStep } from "./steps/create-profile"
import { registerAuthIdentityStep } from "./steps/register-auth-identity"
import { validateRegistrationStep } from "./steps/validate-registration"

export type RegisterCustomerInput = {
  email: string
  username: string
  password: string
  first_name?: string | null
  last_name?: string | null
}

/**
 * Registration as one unit: the emailpass identity, the Medusa customer (Medusa's own
 * account workflow, which also records the customer on the identity), the profile and
 * their link. A failure in any step undoes the ones before it. On success Medusa's
 * verification flow issues an email-verification code (auth.verification_requested) and
 * a welcome event is emitted; subscribers send both emails.
 */
export const registerCustomerWorkflow = createWorkflow(
  "identity-register-customer",
  (input: RegisterCustomerInput) => {
    // Registrations of one email run one after the other: the second is refused by the
    // check below instead of racing the first through Medusa's identity and customer
    // creation (which do not settle such a race by themselves).
    const lockKey = transform(
      { input },
      ({ input }) => `identity-register:${input.email.toLowerCase()}`
    )
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    validateRegistrationStep({ email: input.email, username: input.username })
    const authIdentityId = registerAuthIdentityStep({
      email: input.email,
      password: input.password,
    })
    const customerData = transform({ input }, ({ input }) => ({
      email: input.email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
    }))
    const customer = createCustomerAccountWorkflow.runAsStep({
      input: { authIdentityId, customerData },
    })
    const profileInput = transform({ input, customer }, ({ input, customer }) => ({
      actor_type: "customer" as const,
      actor_id: customer.id,
      username: input.username,
    }))
    const profile = createProfileStep(profileInput)
    const links = transform({ profile, customer }, ({ profile, customer }) => [
      {
        [IDENTITY_MODULE]: { profile_id: profile.id },
        [Modules.CUSTOMER]: { customer_id: customer.id },
      },
    ])
    createRemoteLinkStep(links)

    const verification = transform({ input, authIdentityId }, ({ input, authIdentityId }) => ({
      auth_identity_id: authIdentityId,
      entity_id: input.email,
      entity_type: "email",
      code_provider: "token",
    }))
    requestVerificationWorkflow.runAsStep({ input: verification })

    const registered = transform({ input, customer }, ({ input, customer }) => ({
      customer_id: customer.id,
      email: input.email,
      first_name: input.first_name ?? null,
    }))
    emitEventStep({ eventName: IdentityEvents.USER_REGISTERED, data: registered })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse({ customer, profile, authIdentityId })
  }
)
