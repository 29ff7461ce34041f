/** Locales the emails are written in; anything else falls back to English. */
export const EMAIL_LOCALES = ["en", "de"] as const
export type EmailLocale = (typeof EMAIL_LOCALES)[number]
export const DEFAULT_EMAIL_LOCALE: EmailLocale = "en"

/**
 * The email locale for a stored preference such as `de` or `de-AT` (the profile's
 * `preferences.locale`): its language when the emails are written in it, else English.
 */
export function emailLocaleOf(preference: string | null | undefined): EmailLocale {
  const language = (preference ?? "").trim().toLowerCase().split(/[-_]/)[0]
  return (EMAIL_LOCALES as readonly string[]).includes(language)
    ? (language as EmailLocale)
    : DEFAULT_EMAIL_LOCALE
}

/**
 * An amount (the contract's decimal string, "1234.50") in the order's currency, formatted
 * for the reader's locale with Intl ("$1,234.50", "1.234,50 €"). The string goes to Intl
 * as it is, so no float rounding happens on the way.
 */
export function formatMoney(amount: string, currencyCode: string, locale: EmailLocale): string {
  const currency = currencyCode.toUpperCase()
  try {
    // Intl accepts decimal strings exactly (ES2023); the lib types still say number.
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
      amount as unknown as number
    )
  } catch {
    // An unknown currency code: say the amount plainly rather than fail the email.
    return `${amount} ${currency}`
  }
}

/** A date as the reader writes it ("December 5, 2026", "5. Dezember 2026"), in UTC. */
export function formatDate(value: string | Date, locale: EmailLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(value)
  )
}
