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
