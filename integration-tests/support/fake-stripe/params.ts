/**
 * Reading Stripe's form-encoded parameters once `qs` has parsed them. Every value arrives as
 * a string (or nested object/array); these helpers convert and validate them the way
 * Stripe's API does, with its messages, so a wrong call fails here as it would in production.
 */
import qs from "qs"
import type Stripe from "stripe"
import { invalidParam, missingParam, unknownParam } from "./errors"

type Metadata = Stripe.Metadata

export type Params = qs.ParsedQs
type Value = Params[string]

export function parseParams(text: string): Params {
  // Stripe's lists (expand[], payment_method_types[]) stay arrays up to 100 entries.
  return qs.parse(text, { arrayLimit: 100, depth: 10, parameterLimit: 2000 })
}

/**
 * Stripe answers 400 for any parameter an endpoint does not know. Catching typos here keeps
 * engine code from depending on a parameter real Stripe would reject.
 */
export function assertKnownParams(
  params: Params,
  allowed: readonly string[],
  parent?: string
): void {
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) {
      throw unknownParam(parent ? `${parent}[${name}]` : name)
    }
  }
}

function asString(value: Value, name: string): string {
  if (typeof value !== "string") {
    throw invalidParam(`Invalid string: ${name} must be a string`, name)
  }
  return value
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name]
  return value === undefined ? undefined : asString(value, name)
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name)
  if (value === undefined || value === "") {
    throw missingParam(name)
  }
  return value
}

/** Stripe unsets a field sent as an empty string: "" → null. */
export function nullableString(params: Params, name: string): string | null | undefined {
  const value = optionalString(params, name)
  return value === "" ? null : value
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = optionalString(params, name)
  if (value === undefined) {
    return undefined
  }
  if (!/^-?\d+$/.test(value)) {
    throw invalidParam(`Invalid integer: ${value}`, name)
  }
  return Number(value)
}

export function positiveInteger(params: Params, name: string): number | undefined {
  const value = optionalInteger(params, name)
  if (value !== undefined && value < 1) {
    throw invalidParam("This value must be greater than or equal to 1.", name)
  }
  return value
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = optionalString(params, name)
  if (value === undefined) {
    return undefined
  }
  if (value !== "true" && value !== "false") {
    throw invalidParam(`Invalid boolean: ${value}`, name)
  }
  return value === "true"
}

export function optionalEnum<T extends string>(
  params: Params,
  name: string,
  values: readonly T[]
): T | undefined {
  const value = optionalString(params, name)
  if (value === undefined) {
    return undefined
  }
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParam(`Invalid ${name}: must be one of ${values.join(", ")}`, name)
  }
  return value as T
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value = params[name]
  if (value === undefined || value === "") {
    return undefined
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidParam(`Invalid object: ${name} must be a hash`, name)
  }
  return value
}

export function stringList(params: Params, name: string): string[] | undefined {
  const value = params[name]
  if (value === undefined) {
    return undefined
  }
  const list = Array.isArray(value)
    ? value
    : typeof value === "object"
      ? Object.values(value)
      : [value]
  return list.map((entry, index) => asString(entry, `${name}[${index}]`))
}

export function expandList(params: Params): string[] {
  return stringList(params, "expand") ?? []
}

const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 }

/**
 * `metadata` as sent: undefined when absent, null when sent as "" (clear everything), else
 * the entries, where an empty value means "remove this key" on update.
 */
export function metadataParam(params: Params, name = "metadata"): Metadata | null | undefined {
  const value = params[name]
  if (value === undefined) {
    return undefined
  }
  if (value === "") {
    return null
  }
  const object = optionalObject(params, name) ?? {}
  const entries = Object.entries(object)
  if (entries.length > METADATA_LIMITS.keys) {
    throw invalidParam(`You can have at most ${METADATA_LIMITS.keys} metadata keys.`, name)
  }
  const metadata: Metadata = {}
  for (const [key, entry] of entries) {
    const text = asString(entry, `${name}[${key}]`)
    if (key.length > METADATA_LIMITS.keyLength) {
      throw invalidParam(
        `Metadata keys can have up to ${METADATA_LIMITS.keyLength} characters.`,
        `${name}[${key}]`
      )
    }
    if (text.length > METADATA_LIMITS.valueLength) {
      throw invalidParam(
        `Metadata values can have up to ${METADATA_LIMITS.valueLength} characters.`,
        `${name}[${key}]`
      )
    }
    metadata[key] = text
  }
  return metadata
}

/** Stripe's update semantics: keys merge, "" removes one key, metadata="" clears all. */
export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) {
    return current
  }
  if (update === null) {
    return {}
  }
  const merged = { ...current }
  for (const [key, value] of Object.entries(update)) {
    if (value === "") {
      delete merged[key]
    } else {
      merged[key] = value
    }
  }
  return merged
}

const ADDRESS_FIELDS = ["city", "country", "line1", "line2", "postal_code", "state"] as const

export function addressParam(params: Params, name: string): Stripe.Address | null | undefined {
  if (params[name] === "") {
    return null
  }
  const object = optionalObject(params, name)
  if (object === undefined) {
    return undefined
  }
  assertKnownParams(object, ADDRESS_FIELDS, name)
  const address: Stripe.Address = {
    city: null,
    country: null,
    line1: null,
    line2: null,
    postal_code: null,
    state: null,
  }
  for (const field of ADDRESS_FIELDS) {
    address[field] = nullableString(object, field) ?? null
  }
  return address
}
