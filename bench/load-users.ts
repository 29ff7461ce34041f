/** The shopper accounts bench/load-seed.ts makes and bench/load-scenario.ts signs in with. */
export const LOAD_SHOPPER_PASSWORD = "load-bench-password"

export function loadShopperEmail(index: number): string {
  return `load-shopper-${String(index).padStart(4, "0")}@bench.test`
}

export function loadShopperUsername(index: number): string {
  return `load_shopper_${String(index).padStart(4, "0")}`
}

/** The US shipping address every benchmark shopper checks out with. */
export const SHOPPER_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "12 Analytical Row",
  city: "New York",
  postal_code: "10001",
  country_code: "us",
}
