import { z } from "@medusajs/framework/zod"

const quantity = z.number().int("A whole number").min(1).max(1000)

export const addToCartBody = z.object({
  product_id: z.string().min(1).max(100),
  quantity: quantity.optional().default(1),
})

/** 0 removes the line. */
export const updateCartItemBody = z.object({
  quantity: z.number().int("A whole number").min(0).max(1000),
})

function line(max: number) {
  return z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((value) => value.trim().length > 0, "Must not be blank")
}

export const addressBody = z.object({
  first_name: line(100).optional(),
  last_name: line(100).optional(),
  company: line(200).optional(),
  address_1: line(200),
  address_2: line(200).optional(),
  city: line(100),
  province: line(100).optional(),
  postal_code: line(20),
  country_code: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "A two-letter ISO country code")
    .transform((code) => code.toLowerCase()),
  phone: line(40).optional(),
})

export const checkoutBody = z.object({
  shipping_address: addressBody,
  billing_address: addressBody.optional(),
  /** Defaults to the cheapest option that delivers to the address. */
  shipping_option_id: z.string().min(1).max(100).optional(),
})

export type AddToCartBody = z.infer<typeof addToCartBody>
export type UpdateCartItemBody = z.infer<typeof updateCartItemBody>
export type CheckoutBody = z.infer<typeof checkoutBody>
export type AddressBody = z.infer<typeof addressBody>
