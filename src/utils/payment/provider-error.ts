import { MedusaError } from "@medusajs/framework/utils"

/**
 * The error type of a payment provider that did not do (or did not confirm) what it was
 * asked: the engine answers it 502, the provider being the upstream that failed, with a
 * message saying whether a retry is safe (docs/PAYMENTS.md, "Refunds").
 */
export const PAYMENT_PROVIDER_ERROR = "payment_provider_error"

export function paymentProviderError(message: string): MedusaError {
  return new MedusaError(PAYMENT_PROVIDER_ERROR, message)
}
