/**
 * The US shipping address test and benchmark shoppers check out with. Apart from
 * commerce.ts so that the benchmark drivers can use it without loading Medusa.
 */
export const TEST_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "12 Analytical Row",
  city: "New York",
  postal_code: "10001",
  country_code: "us",
}
