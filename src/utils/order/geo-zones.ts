/**
 * Which service zones serve an address, decided in memory from a cached listing of the
 * sales channel's shipping options (src/queries/order/shipping-option-listing.ts).
 *
 * The rule is Medusa's own (FulfillmentModuleService.buildGeoZoneConstraintsFromAddress in
 * @medusajs/fulfillment 2.21, applied there as a SQL filter): one constraint per level the
 * address has — zip, city, province, country — each naming the zone type and the address
 * fields of that level that are present; a zone serves the address when it has that type
 * and equal values for those fields. Copied rather than called because Medusa only
 * applies it inside its SQL query, which the cache exists to avoid.
 */

export type GeoZone = {
  type: string
  country_code?: string | null
  province_code?: string | null
  city?: string | null
  postal_expression?: unknown
}

export type ZoneAddress = {
  country_code?: string | null
  province_code?: string | null
  city?: string | null
  postal_expression?: string | null
}

type Level = { prop: keyof ZoneAddress; type: string; props: (keyof ZoneAddress)[] }

/** From the narrowest level to the broadest, as Medusa lists them. */
const LEVELS: Level[] = [
  {
    prop: "postal_expression",
    type: "zip",
    props: ["country_code", "province_code", "city", "postal_expression"],
  },
  { prop: "city", type: "city", props: ["country_code", "province_code", "city"] },
  { prop: "province_code", type: "province", props: ["country_code", "province_code"] },
  { prop: "country_code", type: "country", props: ["country_code"] },
]

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== ""

export type GeoZoneConstraint = { type: string } & Partial<Record<keyof ZoneAddress, unknown>>

/** The constraints Medusa builds for `address` (a zone must satisfy one of them). */
export function geoZoneConstraintsOf(address: ZoneAddress): GeoZoneConstraint[] {
  return LEVELS.filter((level) => present(address[level.prop])).map((level) => {
    const constraint: GeoZoneConstraint = { type: level.type }
    for (const prop of level.props) {
      if (present(address[prop])) {
        constraint[prop] = address[prop]
      }
    }
    return constraint
  })
}

function satisfies(zone: GeoZone, constraint: GeoZoneConstraint): boolean {
  return Object.entries(constraint).every(
    ([prop, value]) =>
      JSON.stringify(zone[prop as keyof GeoZone] ?? null) === JSON.stringify(value ?? null)
  )
}

/** Whether any of a service zone's geo zones serves the address. */
export function zonesServeAddress(zones: GeoZone[], address: ZoneAddress): boolean {
  const constraints = geoZoneConstraintsOf(address)
  return zones.some((zone) => constraints.some((constraint) => satisfies(zone, constraint)))
}
