import { MedusaError } from "@medusajs/framework/utils"

/** A period of whole local days, both ends included, in an IANA timezone. */
export type Period = { from: string; to: string; tz: string }

const DAY_MS = 86_400_000
/** Longest period one request may ask for: the rollup read stays bounded. */
export const MAX_PERIOD_DAYS = 3 * 366

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function toDay(date: string): number {
  if (!ISO_DATE.test(date)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${date} is not a YYYY-MM-DD date`)
  }
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${date} is not a calendar date`)
  }
  return ms / DAY_MS
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Today's date in a timezone. */
export function localToday(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(now)
}

/** Number of days in a period (both ends included). */
export function periodDays(period: Period): number {
  return toDay(period.to) - toDay(period.from) + 1
}

/**
 * The period asked for: `from`/`to` when given, else the 30 days ending today in `tz`
 * (or ending `to`, or starting `from`). 400 when reversed or longer than MAX_PERIOD_DAYS.
 */
export function resolvePeriod(
  input: { from?: string; to?: string; tz: string },
  now = new Date()
): Period {
  const to = input.to ?? (input.from ? fromDay(toDay(input.from) + 29) : localToday(input.tz, now))
  const from = input.from ?? fromDay(toDay(to) - 29)
  const period = { from, to, tz: input.tz }
  const days = periodDays(period)
  if (days < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "`from` must not be after `to`")
  }
  if (days > MAX_PERIOD_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A period is at most ${MAX_PERIOD_DAYS} days`
    )
  }
  return period
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period)
  const start = toDay(period.from)
  return { from: fromDay(start - days), to: fromDay(start - 1), tz: period.tz }
}
