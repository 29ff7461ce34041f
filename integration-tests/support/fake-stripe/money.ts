/** Amounts are in the currency's smallest unit, as everywhere in Stripe's API. */

// https://stripe.com/docs/currencies#zero-decimal
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
])

// Stripe's minimum charge amounts (https://stripe.com/docs/currencies#minimum-and-maximum-charge-amounts)
// for the currencies a shop is likely to use; others fall back to 50 units.
const MINIMUM_AMOUNT: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  chf: 50,
  nzd: 50,
  sgd: 50,
  jpy: 50,
  dkk: 250,
  nok: 300,
  sek: 300,
  pln: 200,
  czk: 1500,
  huf: 17500,
  mxn: 1000,
  brl: 50,
  inr: 50,
}

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency)
}

export function minimumAmount(currency: string): number {
  return MINIMUM_AMOUNT[currency] ?? 50
}

/** "$20.00", "€5.50", "¥500": how Stripe writes amounts in its error messages. */
export function formatAmount(amount: number, currency: string): string {
  const units = isZeroDecimal(currency) ? amount : amount / 100
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(units)
  } catch {
    return `${units} ${currency}`
  }
}
