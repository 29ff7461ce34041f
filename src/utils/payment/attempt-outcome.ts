import type { AttemptStatus } from "../../modules/payment-ledger/types"

/** What a payment session's state means for the attempt (Medusa's session statuses). */
export function attemptStatusOfSession(sessionStatus: string): AttemptStatus {
  switch (sessionStatus) {
    case "authorized":
    case "captured":
      return "succeeded"
    case "requires_more":
      return "requires_action"
    case "error":
      return "failed"
    case "canceled":
      return "canceled"
    default:
      return "pending"
  }
}

export type ProviderFailure = { code: string | null; message: string | null }

type IntentData = {
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null
  next_action?: Record<string, unknown> | null
}

/** A decline's reason as Stripe gave it (decline_code when it has one, else code). */
export function failureOf(data: Record<string, unknown> | null | undefined): ProviderFailure {
  const error = (data as IntentData | null | undefined)?.last_payment_error
  if (!error) {
    return { code: null, message: null }
  }
  return {
    code: error.decline_code ?? error.code ?? null,
    message: error.message ?? null,
  }
}

/** Stripe's next action (3-D Secure) for a `requires_action` intent, else null. */
export function nextActionOf(
  data: Record<string, unknown> | null | undefined
): Record<string, unknown> | null {
  return (data as IntentData | null | undefined)?.next_action ?? null
}
