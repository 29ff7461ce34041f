import { geoZoneConstraintsOf, zonesServeAddress } from "../geo-zones"

describe("geoZoneConstraintsOf", () => {
  it("builds Medusa's constraints, narrowest first, with only the fields present", () => {
    expect(
      geoZoneConstraintsOf({
        country_code: "se",
        province_code: "ab",
        city: "Stockholm",
        postal_expression: "12345",
      })
    ).toEqual([
      {
        type: "zip",
        country_code: "se",
        province_code: "ab",
        city: "Stockholm",
        postal_expression: "12345",
      },
      { type: "city", country_code: "se", province_code: "ab", city: "Stockholm" },
      { type: "province", country_code: "se", province_code: "ab" },
      { type: "country", country_code: "se" },
    ])
  })

  it("leaves out levels the address lacks, and absent fields inside a level", () => {
    expect(geoZoneConstraintsOf({ country_code: "us", city: "Austin" })).toEqual([
      { type: "city", country_code: "us", city: "Austin" },
      { type: "country", country_code: "us" },
    ])
    expect(geoZoneConstraintsOf({})).toEqual([])
  })
})

describe("zonesServeAddress", () => {
  const address = {
    country_code: "us",
    province_code: "tx",
    city: "Austin",
    postal_expression: "78701",
  }

  it("serves an address from a zone of its country", () => {
    expect(zonesServeAddress([{ type: "country", country_code: "us" }], address)).toBe(true)
    expect(zonesServeAddress([{ type: "country", country_code: "de" }], address)).toBe(false)
  })

  it("matches province, city and zip zones on every field of their level", () => {
    expect(
      zonesServeAddress([{ type: "province", country_code: "us", province_code: "tx" }], address)
    ).toBe(true)
    expect(
      zonesServeAddress([{ type: "province", country_code: "us", province_code: "ca" }], address)
    ).toBe(false)
    expect(
      zonesServeAddress(
        [{ type: "city", country_code: "us", province_code: "tx", city: "Dallas" }],
        address
      )
    ).toBe(false)
    expect(
      zonesServeAddress(
        [
          {
            type: "zip",
            country_code: "us",
            province_code: "tx",
            city: "Austin",
            postal_expression: "78701",
          },
        ],
        address
      )
    ).toBe(true)
  })

  it("does not let a zone's type stand in for another level", () => {
    // A country-wide zone of another type is not a match for the country constraint.
    expect(
      zonesServeAddress([{ type: "city", country_code: "us", city: "Austin" }], {
        country_code: "us",
      })
    ).toBe(false)
  })

  it("serves nothing without zones or without an address", () => {
    expect(zonesServeAddress([], address)).toBe(false)
    expect(zonesServeAddress([{ type: "country", country_code: "us" }], {})).toBe(false)
  })
})
