import { analyticsSettings } from "../../../config/analytics"
import { resolvePeriod, type Period } from "../../../utils/analytics/period"
import type { PeriodQuery } from "./validators"

/** The period a report asks for, in its `tz` or the store's timezone. */
export function periodOf(query: PeriodQuery): Period {
  return resolvePeriod({
    from: query.from,
    to: query.to,
    tz: query.tz ?? analyticsSettings().timezone,
  })
}
