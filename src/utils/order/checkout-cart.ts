import type {
  BigNumberInput,
  CartLineItemDTO,
  CartShippingMethodDTO,
  CartWorkflowDTO,
  CreateOrderDTO,
  ItemTaxLineDTO,
  ShippingTaxLineDTO,
  ValidateFulfillmentDataContext,
} from "@medusajs/framework/types"

type TaxLine = {
  description?: string | null
  tax_rate_id?: string | null
  code: string | null
  rate: number
  provider_id?: string | null
}

type Adjustment = {
  code?: string | null
  amount: BigNumberInput
  description?: string | null
  promotion_id?: string | null
  provider_id?: string | null
  is_tax_inclusive?: boolean
}

export type CheckoutCartItem = {
  id: string
  title: string
  subtitle?: string | null
  thumbnail?: string | null
  quantity: number
  product_id?: string | null
  product_title?: string | null
  product_description?: string | null
  product_subtitle?: string | null
  product_type?: string | null
  product_type_id?: string | null
  product_collection?: string | null
  product_handle?: string | null
  variant_id?: string | null
  variant_sku?: string | null
  variant_barcode?: string | null
  variant_title?: string | null
  variant_option_values?: Record<string, unknown> | null
  requires_shipping?: boolean
  is_discountable?: boolean
  is_giftcard?: boolean
  is_tax_inclusive?: boolean
  is_custom_price?: boolean
  unit_price: BigNumberInput
  compare_at_unit_price?: BigNumberInput | null
  metadata?: Record<string, unknown> | null
  tax_lines?: TaxLine[]
  adjustments?: Adjustment[]
  variant?: {
    id: string
    manage_inventory?: boolean
    allow_backorder?: boolean
    inventory_items?: { inventory_item_id: string; required_quantity: number }[]
  } | null
}

type AddressField =
  | "first_name"
  | "last_name"
  | "company"
  | "address_1"
  | "address_2"
  | "city"
  | "province"
  | "postal_code"
  | "country_code"
  | "phone"

type Address = { id?: string; metadata?: Record<string, unknown> | null } & Partial<
  Record<AddressField, string | null>
>

/** The same object without its null values (Medusa's DTO types take undefined, not null). */
function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null)) as {
    [K in keyof T]: Exclude<T[K], null>
  }
}

export type CheckoutCart = {
  id: string
  customer_id: string | null
  email: string | null
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  completed_at: string | Date | null
  locale?: string | null
  metadata?: Record<string, unknown> | null
  total: BigNumberInput
  item_total?: BigNumberInput
  items: CheckoutCartItem[]
  shipping_methods?: {
    id: string
    name: string
    description?: string | null
    amount: BigNumberInput
    is_tax_inclusive?: boolean
    shipping_option_id?: string | null
    data?: Record<string, unknown> | null
    metadata?: Record<string, unknown> | null
    tax_lines?: TaxLine[]
    adjustments?: Adjustment[]
  }[]
  shipping_address?: Address | null
  billing_address?: Address | null
  promotions?: { id: string; code?: string | null }[]
  region?: { countries?: { iso_2: string }[]; automatic_taxes?: boolean } | null
  customer?: {
    id: string
    email?: string | null
    metadata?: Record<string, unknown> | null
    groups?: { id: string }[] | null
  } | null
}

/** The order item's metadata key that remembers which cart line it came from. */
export const CART_LINE_KEY = "cart_line_item_id"

function taxLinesOf(lines: TaxLine[] | undefined) {
  return (lines ?? []).map((line) =>
    withoutNulls({
      description: line.description,
      tax_rate_id: line.tax_rate_id,
      code: line.code,
      rate: line.rate,
      provider_id: line.provider_id,
    })
  )
}

function adjustmentsOf(adjustments: Adjustment[] | undefined) {
  return (adjustments ?? []).map((adjustment) =>
    withoutNulls({
      code: adjustment.code,
      amount: adjustment.amount,
      description: adjustment.description,
      promotion_id: adjustment.promotion_id,
      provider_id: adjustment.provider_id,
      is_tax_inclusive: adjustment.is_tax_inclusive,
    })
  )
}

/** An address to copy onto the order: its fields, without the cart address's id. */
function copyOfAddress(address: Address | null | undefined) {
  if (!address) {
    return undefined
  }
  const { id: _id, ...rest } = address
  return withoutNulls(rest)
}

/**
 * The order Medusa's order module creates from a checked-out cart: the cart's own prices,
 * tax lines, adjustments and shipping methods (as completeCartWorkflow does), in status
 * pending. Each item remembers its cart line so its stock reservation can be attached.
 */
/**
 * The order Medusa's order module writes from the prepared cart; each line gets the id
 * planned for it (`orderLineIds`, by cart line id), which its reservation already names.
 */
export function orderInputFromCart(
  cart: CheckoutCart,
  orderLineIds: Record<string, string> = {}
): CreateOrderDTO {
  return {
    region_id: cart.region_id ?? undefined,
    customer_id: cart.customer_id ?? undefined,
    sales_channel_id: cart.sales_channel_id ?? undefined,
    status: "pending" as const,
    email: cart.email ?? undefined,
    currency_code: cart.currency_code,
    locale: cart.locale ?? undefined,
    shipping_address: copyOfAddress(cart.shipping_address),
    billing_address: copyOfAddress(cart.billing_address),
    no_notification: false,
    metadata: cart.metadata ?? undefined,
    items: cart.items.map((item) =>
      withoutNulls({
        id: orderLineIds[item.id],
        title: item.title,
        subtitle: item.subtitle,
        thumbnail: item.thumbnail,
        quantity: item.quantity,
        product_id: item.product_id,
        product_title: item.product_title,
        product_description: item.product_description,
        product_subtitle: item.product_subtitle,
        product_type: item.product_type,
        product_type_id: item.product_type_id,
        product_collection: item.product_collection,
        product_handle: item.product_handle,
        variant_id: item.variant_id,
        variant_sku: item.variant_sku,
        variant_barcode: item.variant_barcode,
        variant_title: item.variant_title,
        variant_option_values: item.variant_option_values,
        requires_shipping: item.requires_shipping,
        is_discountable: item.is_discountable,
        is_giftcard: item.is_giftcard,
        is_tax_inclusive: item.is_tax_inclusive,
        is_custom_price: item.is_custom_price,
        unit_price: item.unit_price,
        compare_at_unit_price: item.compare_at_unit_price,
        metadata: { ...(item.metadata ?? {}), [CART_LINE_KEY]: item.id },
        tax_lines: taxLinesOf(item.tax_lines),
        adjustments: adjustmentsOf(item.adjustments),
      })
    ),
    shipping_methods: (cart.shipping_methods ?? []).map((method) =>
      withoutNulls({
        name: method.name,
        description: method.description,
        amount: method.amount,
        is_tax_inclusive: method.is_tax_inclusive,
        shipping_option_id: method.shipping_option_id,
        data: method.data,
        metadata: method.metadata,
        tax_lines: taxLinesOf(method.tax_lines),
        adjustments: adjustmentsOf(method.adjustments),
      })
    ),
  }
}

export type StockNeed = {
  /** The cart line the reservation is for. */
  line_id: string
  /** For the 409's message. */
  title: string
  inventory_item_id: string
  quantity: number
  allow_backorder: boolean
}

/**
 * The units each cart line takes from each inventory item (quantity × units per variant),
 * for variants whose inventory Medusa manages.
 */
export function stockNeedsOf(cart: CheckoutCart): StockNeed[] {
  return cart.items.flatMap((item) => {
    const variant = item.variant
    if (!variant?.manage_inventory) {
      return []
    }
    return (variant.inventory_items ?? []).map((link) => ({
      line_id: item.id,
      title: item.product_title ?? item.title,
      inventory_item_id: link.inventory_item_id,
      quantity: item.quantity * (link.required_quantity || 1),
      allow_backorder: !!variant.allow_backorder,
    }))
  })
}

/** Total units per inventory item: two lines sharing one item count together. */
export function totalsPerInventoryItem(needs: StockNeed[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const need of needs) {
    if (!need.allow_backorder) {
      totals.set(need.inventory_item_id, (totals.get(need.inventory_item_id) ?? 0) + need.quantity)
    }
  }
  return totals
}

/** The promotion usage a checked-out cart registers (its item and shipping adjustments). */
export function promotionUsageOf(cart: CheckoutCart) {
  const adjustments = [
    ...cart.items.flatMap((item) => item.adjustments ?? []),
    ...(cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []),
  ]
  return {
    computedActions: adjustments
      .filter((adjustment) => !!adjustment.code)
      .map((adjustment) => ({ amount: adjustment.amount, code: adjustment.code as string })),
    registrationContext: {
      customer_id: cart.customer_id ?? null,
      customer_email: cart.email ?? null,
    },
  }
}

/** Links a new order gets, as completeCartWorkflow makes them: its cart and promotions. */
export function orderLinksOf(cart: CheckoutCart, orderId: string) {
  return [
    { order: { order_id: orderId }, cart: { cart_id: cart.id } },
    ...(cart.promotions ?? []).map((promotion) => ({
      order: { order_id: orderId },
      promotion: { promotion_id: promotion.id },
    })),
  ]
}

/**
 * What a fulfillment provider's validateFulfillmentData gets as context when checkout adds
 * the shipping method: the cart at its new shipping address and the location the option
 * ships from, as addShippingMethodToCartWorkflow builds it.
 */
export function fulfillmentContextOf(
  cart: CheckoutCart,
  shippingAddress: Address,
  option: { stock_location?: Record<string, unknown> | null }
): ValidateFulfillmentDataContext {
  // Medusa builds this context from its own cart read (with its DTO types) and the option's
  // stock location; ours has the same fields under the engine's types, so it is cast once
  // here instead of converting field by field.
  return {
    ...cart,
    shipping_address: shippingAddress,
    from_location: option.stock_location ?? {},
  } as unknown as ValidateFulfillmentDataContext
}

/** A tax line Medusa's tax module computed, as the cart (and then the order) stores it. */
function storedTaxLine(line: ItemTaxLineDTO | ShippingTaxLineDTO): TaxLine {
  return {
    description: line.name,
    tax_rate_id: line.rate_id ?? null,
    code: line.code,
    rate: line.rate,
    provider_id: line.provider_id ?? null,
  }
}

/** A shipping method as checkout puts it on the order (written on the cart, or planned). */
export type CheckoutShippingMethod = Pick<
  CartShippingMethodDTO,
  "id" | "name" | "description" | "amount" | "is_tax_inclusive" | "shipping_option_id" | "data"
> & { metadata?: Record<string, unknown> | null }

/**
 * The id of the shipping method a lean checkout plans without writing it to the cart: the
 * tax lines computed for it refer to it, and it never reaches the database (the order's
 * method gets its own id).
 */
export const PLANNED_SHIPPING_METHOD_ID = "planned_shipping_method"

/**
 * The shipping method for the chosen option, as addShippingMethodToCartStep would write it
 * (name, price for this cart, tax inclusion, the provider's validated data).
 */
export function plannedShippingMethodOf(
  option: {
    id: string
    name: string
    amount?: BigNumberInput | null
    is_tax_inclusive?: boolean
  },
  data: Record<string, unknown>
): CheckoutShippingMethod {
  return {
    id: PLANNED_SHIPPING_METHOD_ID,
    name: option.name,
    amount: (option.amount ?? 0) as CheckoutShippingMethod["amount"],
    is_tax_inclusive: !!option.is_tax_inclusive,
    shipping_option_id: option.id,
    data,
  }
}

export type PreparedCartChanges = {
  shipping_address: Address
  billing_address: Address
  /** The shipping methods checkout added (written on the cart, or planned). */
  shipping_methods: CheckoutShippingMethod[] | null
  item_tax_lines: ItemTaxLineDTO[]
  shipping_tax_lines: ShippingTaxLineDTO[]
}

/**
 * The cart as checkout left it, from what it read before and what it wrote since (the
 * addresses, the shipping method, the tax lines set by Medusa's setTaxLinesForItemsStep,
 * which replace the cart's earlier ones), so it needs no second read when no promotion was
 * recomputed: the adjustments are then the ones read. Its total is not recomputed here:
 * the order's own total (Medusa's order module computes it) is the amount to pay.
 */
export function preparedCartOf(cart: CheckoutCart, changes: PreparedCartChanges): CheckoutCart {
  const itemLines = (itemId: string) =>
    changes.item_tax_lines.filter((line) => line.line_item_id === itemId).map(storedTaxLine)
  const methods =
    changes.shipping_methods?.map((method) => ({
      id: method.id,
      name: method.name,
      description: method.description ?? null,
      amount: method.amount,
      is_tax_inclusive: method.is_tax_inclusive,
      shipping_option_id: method.shipping_option_id ?? null,
      data: method.data ?? null,
      metadata: method.metadata ?? null,
      adjustments: [],
    })) ?? cart.shipping_methods
  return {
    ...cart,
    shipping_address: changes.shipping_address,
    billing_address: changes.billing_address,
    items: cart.items.map((item) => ({ ...item, tax_lines: itemLines(item.id) })),
    shipping_methods: (methods ?? []).map((method) => ({
      ...method,
      tax_lines: changes.shipping_tax_lines
        .filter((line) => line.shipping_line_id === method.id)
        .map(storedTaxLine),
    })),
  }
}

/**
 * What Medusa's getItemTaxLinesStep needs: the cart (its region's automatic_taxes, customer,
 * locale, currency) at the address being checked out to, its lines, and the shipping methods
 * to tax — the ones just added, else the cart's own.
 */
export function taxInputOf(
  cart: CheckoutCart,
  shippingAddress: Address | undefined,
  addedMethods: CheckoutShippingMethod[] | null | undefined
): {
  orderOrCart: CartWorkflowDTO
  items: CartLineItemDTO[]
  shipping_methods: CartShippingMethodDTO[]
} {
  // The engine's cart read has the fields Medusa's tax step reads (normalizeTaxModuleContext,
  // normalizeLineItemsForTax) under its own types; cast once here, as in fulfillmentContextOf.
  const taxCart = {
    ...cart,
    shipping_address: shippingAddress ?? cart.shipping_address,
  } as unknown as CartWorkflowDTO
  return {
    orderOrCart: taxCart,
    items: cart.items as unknown as CartLineItemDTO[],
    shipping_methods: (addedMethods ??
      cart.shipping_methods ??
      []) as unknown as CartShippingMethodDTO[],
  }
}
