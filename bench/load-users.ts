/** The shopper accounts bench/load-seed.ts makes and bench/load-scenario.ts signs in with. */
export const LOAD_SHOPPER_PASSWORD = "load-bench-password"

export function loadShopperEmail(index: number): string {
  return `load-shopper-${String(index).padStart(4, "0")}@bench.test`
}

export function loadShopperUsername(index: number): string {
  return `load_shopper_${String(index).padStart(4, "0")}`
}
