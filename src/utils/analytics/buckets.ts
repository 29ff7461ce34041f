import type { Period } from "./period"

export type Grain = "day" | "week" | "month"

const DAY_MS = 86_400_000

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** The start of the bucket a local date falls in (weeks start on Monday, as in ISO). */
export function bucketStart(date: string, grain: Grain): string {
  const at = day(date)
  if (grain === "month") {
    return `${date.slice(0, 7)}-01`
  }
  if (grain === "week") {
    const weekday = (at.getUTCDay() + 6) % 7
    return new Date(at.getTime() - weekday * DAY_MS).toISOString().slice(0, 10)
  }
  return date
}

/** Every bucket start of a period, in order (the chart's x axis, zeros included). */
export function bucketStarts(period: Period, grain: Grain): string[] {
  const starts: string[] = []
  const end = day(period.to).getTime()
  for (let at = day(period.from).getTime(); at <= end; at += DAY_MS) {
    const start = bucketStart(new Date(at).toISOString().slice(0, 10), grain)
    if (starts[starts.length - 1] !== start) {
      starts.push(start)
    }
  }
  return starts
}

/** A rollup level: UTC hours, UTC days, UTC months. */
export type RollupUnit = "hour" | "day" | "month"

export type RollupKey = { bucket_start: string | Date; currency_code: string }

const WIDEN: Record<RollupUnit, (iso: string) => string> = {
  hour: (iso) => iso,
  day: (iso) => `${iso.slice(0, 10)}T00:00:00.000Z`,
  month: (iso) => `${iso.slice(0, 7)}-01T00:00:00.000Z`,
}

/**
 * The distinct buckets of a rollup level that hour buckets touch: each hour widened to
 * its UTC day or month (always UTC, whatever the server's zone), once per currency. A
 * refresh recomputes exactly these at every level.
 */
export function rollupKeys(
  keys: RollupKey[],
  unit: RollupUnit
): { bucket_start: string; currency_code: string }[] {
  const seen = new Map<string, { bucket_start: string; currency_code: string }>()
  for (const key of keys) {
    const at = WIDEN[unit](new Date(key.bucket_start).toISOString())
    seen.set(`${at}|${key.currency_code}`, { bucket_start: at, currency_code: key.currency_code })
  }
  return [...seen.values()]
}
