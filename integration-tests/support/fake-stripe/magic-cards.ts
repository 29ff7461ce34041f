/**
 * Stripe's test cards. On real Stripe, `pm_card_visa` and friends are usable anywhere a
 * PaymentMethod id is expected without creating them, and `tok_visa` anywhere a card token
 * is; each stands for a card number whose behaviour (success, 3-D Secure, decline) is fixed.
 * The fake keeps that behaviour next to every PaymentMethod made from one of them, so a
 * saved declining card still declines later.
 */
import { createHash } from "node:crypto"
import type Stripe from "stripe"

/** An error code both a PaymentIntent's and a SetupIntent's last error can have. */
export type DeclineCode = Extract<
  Stripe.PaymentIntent.LastPaymentError.Code,
  Stripe.SetupIntent.LastSetupError.Code
>

export type CardOutcome =
  | { kind: "succeed" }
  /** 3-D Secure is required on every payment (and setup) with the card. */
  | { kind: "authenticate" }
  | { kind: "decline"; code: DeclineCode; declineCode: string; message: string }

export interface CardProfile {
  /** The name after `pm_card_` / `tok_`, e.g. "visa". */
  name: string
  brand: string
  last4: string
  funding: "credit" | "debit"
  country: string
  outcome: CardOutcome
}

const succeed: CardOutcome = { kind: "succeed" }
const authenticate: CardOutcome = { kind: "authenticate" }
const genericDecline: CardOutcome = {
  kind: "decline",
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
}

type ProfileFields = Omit<CardProfile, "name" | "funding" | "country"> &
  Partial<Pick<CardProfile, "funding" | "country">>

const PROFILES: Record<string, ProfileFields> = {
  visa: { brand: "visa", last4: "4242", outcome: succeed },
  visa_debit: { brand: "visa", last4: "5556", funding: "debit", outcome: succeed },
  mastercard: { brand: "mastercard", last4: "4444", outcome: succeed },
  amex: { brand: "amex", last4: "8431", outcome: succeed },
  threeDSecure2Required: { brand: "visa", last4: "3155", outcome: authenticate },
  authenticationRequired: { brand: "visa", last4: "3184", outcome: authenticate },
  chargeDeclined: { brand: "visa", last4: "0002", outcome: genericDecline },
  visa_chargeDeclined: { brand: "visa", last4: "0002", outcome: genericDecline },
  chargeDeclinedInsufficientFunds: {
    brand: "visa",
    last4: "9995",
    outcome: {
      kind: "decline",
      code: "card_declined",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
  },
  chargeDeclinedFraudulent: {
    brand: "visa",
    last4: "0019",
    outcome: { ...genericDecline, declineCode: "fraudulent" },
  },
  chargeDeclinedLostCard: {
    brand: "visa",
    last4: "9987",
    outcome: { ...genericDecline, declineCode: "lost_card" },
  },
  chargeDeclinedExpiredCard: {
    brand: "visa",
    last4: "0069",
    outcome: {
      kind: "decline",
      code: "expired_card",
      declineCode: "expired_card",
      message: "Your card has expired.",
    },
  },
  chargeDeclinedIncorrectCvc: {
    brand: "visa",
    last4: "0127",
    outcome: {
      kind: "decline",
      code: "incorrect_cvc",
      declineCode: "incorrect_cvc",
      message: "Your card's security code is incorrect.",
    },
  },
}

function profile(name: string): CardProfile | undefined {
  const fields = Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name] : undefined
  return fields && { name, funding: "credit", country: "US", ...fields }
}

/** `pm_card_visa` → the visa profile; undefined for anything else. */
export function magicPaymentMethod(id: string): CardProfile | undefined {
  return id.startsWith("pm_card_") ? profile(id.slice("pm_card_".length)) : undefined
}

/** `tok_visa` → the visa profile; undefined for anything else. */
export function magicToken(token: string): CardProfile | undefined {
  return token.startsWith("tok_") ? profile(token.slice("tok_".length)) : undefined
}

/** A card the fake itself uses (e.g. "visa" for an out-of-band success). */
export function testCard(name: string): CardProfile {
  const card = profile(name)
  if (!card) {
    throw new Error(`fake-stripe: no test card named ${name}`)
  }
  return card
}

/** Stable per card number, as Stripe's fingerprint is, so duplicate-card checks can work. */
export function fingerprint(card: CardProfile): string {
  return createHash("sha256").update(`${card.brand}:${card.last4}`).digest("base64url").slice(0, 16)
}
