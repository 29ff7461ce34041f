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

/** A local date `days` before today (YYYY-MM-DD). */
export function daysAgo(days: number, now = new Date()): string {
  const at = new Date(now.getTime() - days * 86_400_000)
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`
}
