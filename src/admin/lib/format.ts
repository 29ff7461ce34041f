/** "1234.50" in "usd" → "$1,234.50" (the browser's locale). */
export function formatMoney(amount: string, currency: string): string {
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(Number(amount))
}

export function formatChange(change: number | null): string {
  if (change === null) return "–"
  return `${change > 0 ? "+" : ""}${change}%`
}

/** The date `days` before today in timezone `tz` (YYYY-MM-DD). */
export function daysAgo(days: number, tz: string, now = new Date()): string {
  // en-CA formats as YYYY-MM-DD; the day arithmetic is on that calendar date, so a
  // 23- or 25-hour day at a DST change cannot shift the answer.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now)
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

/** The browser's own timezone (IANA name). */
export const BROWSER_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone
