import {
  JsonNumber,
  JsonSyntaxError,
  type JsonValue,
  MAX_JSON_DEPTH,
  UsageError,
  compactJson,
  javaNumberText,
  jsonString,
  ownValue,
  parseJsonExact,
  printable,
  setOwn,
} from 's10k'

type JsonObject = {[key: string]: JsonValue | undefined}

/**
 * Node metadata (GeneralDatumMetadata): `m` general values, `pm` named objects, `t` tags (a set). Written
 * with its members in that order, empty members left out, so empty metadata is `{}`.
 */
export interface NodeMetadata {
  m?: JsonObject
  pm?: Record<string, JsonObject>
  t?: string[]
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber)

const kind = (v: JsonValue | undefined): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : v instanceof JsonNumber || typeof v === 'number'
        ? 'a number'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`

/**
 * Map entries whose value is null are dropped, at every level, as the Java tool's JSON mapper does. The value is
 * one s10k has just parsed, so it is changed in place: large metadata is not copied.
 */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    for (const v of value) withoutNulls(v)
  } else if (isObject(value)) {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue
      const v = value[k]
      if (v === null || v === undefined) Reflect.deleteProperty(value, k)
      else withoutNulls(v)
    }
  }
  return value
}

/**
 * Reads metadata the user gives (`meta save`): a JSON object with only `m` (object), `pm` (object of objects) and
 * `t` (array of strings). Anything else is a usage error naming it; the Java tool silently ignored the first
 * unknown key and all after it.
 */
export function parseMetadata(text: string, where = 'the metadata'): NodeMetadata {
  let json: JsonValue
  try {
    json = parseJsonExact(text, {plainIntegers: true})
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new UsageError(`${where} is not valid JSON: ${error.message}`)
    throw error
  }
  // text without `null` has no null to drop: large metadata is not walked for none
  const nulls = text.includes('null')
  const metadata = toMetadata(json, where, true, nulls)
  // and without `{}` (nor nulls to drop) no object is empty
  if (!nulls && !/\{\s*\}/.test(text)) knownNonEmpty(metadata)
  return metadata
}

/** Metadata from a JSON value: strictly (user input), or leniently, skipping what does not fit (service answers). */
export function toMetadata(json: JsonValue, where: string, strict: boolean, nulls = true): NodeMetadata {
  const dropNulls = (value: JsonValue): JsonValue => (nulls ? withoutNulls(value) : value)
  const refuse = (message: string): NodeMetadata => {
    if (strict) throw new UsageError(`${where}: ${message}`)
    return {}
  }
  if (!isObject(json)) return refuse(`node metadata must be a JSON object, not ${kind(json)}`)
  const metadata: NodeMetadata = {}
  for (const [key, value] of Object.entries(json)) {
    if (value === null || value === undefined) continue
    if (key === 'm') {
      if (!isObject(value)) return refuse(`"m" must be an object, not ${kind(value)}`)
      metadata.m = dropNulls(value) as JsonObject
    } else if (key === 'pm') {
      if (!isObject(value)) return refuse(`"pm" must be an object, not ${kind(value)}`)
      const pm: Record<string, JsonObject> = {}
      for (const [name, info] of Object.entries(value)) {
        if (info === null || info === undefined) continue
        if (!isObject(info)) return refuse(`"pm"."${name}" must be an object, not ${kind(info)}`)
        setOwn(pm, name, dropNulls(info) as JsonObject)
      }
      metadata.pm = pm
    } else if (key === 't') {
      if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) return refuse('"t" must be an array of strings (tags)')
      metadata.t = [...new Set(value as string[])]
    } else if (strict) {
      return refuse(`unknown member "${key}": node metadata has only "m", "pm" and "t"`)
    }
  }
  return metadata
}

/** Objects known to have a key, so that metadataJson need not list millions of keys to tell (V8 lists them all). */
const NON_EMPTY = new WeakSet<object>()

function knownNonEmpty(metadata: NodeMetadata): void {
  if (metadata.m) NON_EMPTY.add(metadata.m)
  if (metadata.pm) NON_EMPTY.add(metadata.pm)
}

function hasKeys(object: object): boolean {
  if (NON_EMPTY.has(object)) return true
  for (const k in object) if (Object.hasOwn(object, k)) return true
  return false
}

/** The metadata as JSON: `m`, `pm`, `t` in that order, empty members left out. */
export function metadataJson(metadata: NodeMetadata): JsonObject {
  const out: JsonObject = {}
  if (metadata.m && hasKeys(metadata.m)) out.m = metadata.m
  if (metadata.pm && hasKeys(metadata.pm)) out.pm = metadata.pm
  if (metadata.t && metadata.t.length > 0) out.t = metadata.t
  return out
}

/** The metadata as the JSON text sent: written once, for the request and for what `meta save` shows of it. */
export function metadataText(metadata: NodeMetadata): string {
  return compactJson(metadataJson(metadata))
}

/** The value at a key path (`/m/limit`, `/pm/cpd/schedule`, `/t`, `/t/west`), or undefined. */
export function valueAtPath(metadata: NodeMetadata, path: string): JsonValue | undefined {
  const [, root, ...keys] = path.split('/')
  if (root === 't') {
    if (keys.length === 0) return metadata.t
    return metadata.t?.includes(keys.join('/')) ? keys.join('/') : undefined
  }
  let current: JsonValue | undefined = root === 'm' ? metadata.m : root === 'pm' ? metadata.pm : undefined
  for (const key of keys) {
    if (!isObject(current)) return undefined
    current = ownValue(current, key)
  }
  return current
}

/**
 * The metadata that stores `value` at `path` (`csv-set`): `/m/<key>[/...]`, or `/pm/<name>/<key>[/...]`.
 * Other paths store nothing, so they are usage errors here (the Java tool sent `{}` or crashed).
 */
export function metadataAtPath(path: string, value: JsonValue, where = "Invalid value for option '--path'"): NodeMetadata {
  const out: NodeMetadata = {}
  const target = storingPath(path, value, where)
  if (target) storeAt(out, target, value)
  // storeAt makes `m` or `pm` only to store a key in it
  knownNonEmpty(out)
  return out
}

interface KeyPath {
  root: 'm' | 'pm'
  keys: string[]
}

/** The root and keys of a key path that stores `value`, checked; undefined for `/m,{}` (which stores nothing). */
function storingPath(path: string, value: JsonValue, where: string): KeyPath | undefined {
  const [empty, root, ...keys] = path.split('/')
  const fail = (why: string): never => {
    throw new UsageError(`${where}: ${why}`)
  }
  if (empty !== '' || !root) fail(`'${path}' is not a metadata key path; use /m/<key> or /pm/<name>/<key>, like /pm/cpd/schedule`)
  if (keys.some((k) => k === '')) fail(`'${path}' has an empty key`)
  // the body sent must be JSON s10k can read back: no deeper than the JSON parser's limit
  if (keys.length + 1 + depthOf(value) > MAX_JSON_DEPTH) fail(`'${path.slice(0, 40)}...' nests deeper than ${MAX_JSON_DEPTH} levels`)
  if (root === 'm' && keys.length >= 1) return {root, keys}
  // `/pm/name,{}` is an empty object as csv-get writes one
  if (root === 'pm' && (keys.length >= 2 || (keys.length === 1 && isObject(value)))) return {root, keys}
  if ((root === 'm' || root === 'pm') && keys.length === 0 && isObject(value) && Object.keys(value).length === 0) return undefined
  return fail(`'${path}' stores nothing; tables go under /m/<key> or /pm/<name>/<key>, like /pm/cpd/schedule`)
}

/** Stores `value` at the key path, making the objects on the way; an object merges into one already there. */
function storeAt(metadata: NodeMetadata, {root, keys}: KeyPath, value: JsonValue): void {
  let object: JsonObject = root === 'm' ? (metadata.m ??= {}) : (metadata.pm ??= {})
  for (const key of keys.slice(0, -1)) {
    let next = ownValue(object, key)
    if (!isObject(next)) {
      next = {}
      setOwn(object, key, next)
    }
    object = next
  }
  const last = keys[keys.length - 1]
  const existing = ownValue(object, last)
  if (isObject(existing) && isObject(value)) mergeInto(existing, value)
  else setOwn(object, last, value)
}

/** How deep a value nests: 0 for a scalar, 1 for an array or object of scalars, and so on (without recursion). */
function depthOf(value: JsonValue): number {
  if (typeof value !== 'object' || value === null || value instanceof JsonNumber) return 0
  let deepest = 0
  const pending: [JsonValue, number][] = [[value, 0]]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [v, depth] = next
    if (depth > deepest) deepest = depth
    if (Array.isArray(v)) for (const item of v) pending.push([item, depth + 1])
    else if (isObject(v)) for (const item of Object.values(v)) if (item !== undefined) pending.push([item, depth + 1])
  }
  return deepest
}

/** Rows of key paths and values, and the keys that cannot be written as a key path (empty, or holding `/`). */
export interface PathRows {
  rows: string[][]
  unwritable: string[]
}

/**
 * Every value of the metadata as a key path and its text (`/m/limit,123`, `/pm/os/arch,aarch64`, `/t,west`),
 * which `metadataFromPathRows` reads back to the same metadata: a string is written as it is when it reads back
 * as itself (`alpha`), otherwise as a JSON string (`"123"`, `" spaced "`, `"tab\tin"`); other values as exact JSON.
 * A path whose keys are not plain text (see isPlain) is written as a JSON string too.
 */
export function pathRows(metadata: NodeMetadata): PathRows {
  const rows: string[][] = []
  const unwritable: string[] = []
  const walk = (prefix: string, value: JsonValue | undefined): void => {
    if (value === undefined) return
    if (isObject(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) {
        if (k === '' || k.includes('/')) unwritable.push(`${prefix} key ${jsonString(k)}`)
        else walk(`${prefix}/${k}`, v)
      }
      return
    }
    rows.push([isPlain(prefix) ? prefix : jsonString(prefix), valueText(value)])
  }
  walk('/m', metadata.m)
  walk('/pm', metadata.pm)
  for (const tag of metadata.t ?? []) rows.push(['/t', isPlain(tag) && tagOf(tag) === tag ? tag : jsonString(tag)])
  return {rows, unwritable}
}

/**
 * Text that a CSV cell carries unchanged and a terminal shows as it is: no leading or trailing white space (CSV
 * fields are trimmed), no control or invisible characters.
 */
const isPlain = (text: string): boolean => text === text.trim() && !text.includes('\n') && printable(text) === text

function valueText(value: JsonValue): string {
  if (typeof value === 'string' && isPlain(value) && valueOf(value) === value) return value
  return compactJson(value)
}

/** A value as `csv-set` reads it from a path row: JSON (a number, true, "text", an array...) when it is, otherwise the text. */
function valueOf(text: string): JsonValue {
  // most text is not JSON: tell at a glance, without the cost of a failed parse
  if (!/^[-\d"[{]|^(true|false|null)$/.test(text)) return text
  if (/^-?(0|[1-9]\d*)$/.test(text)) {
    // an integer of up to 15 digits is a JS number that prints as written (not -0): large metadata stays small
    return text.length <= 15 && text !== '-0' ? Number(text) : new JsonNumber(javaNumberText(text))
  }
  try {
    return parseJsonExact(text)
  } catch {
    return text
  }
}

/** A tag as `csv-set` reads it from a `/t` row: a JSON string when it is one, otherwise the text (`123` is the tag "123"). */
function tagOf(text: string): string {
  const value = valueOf(text)
  return typeof value === 'string' ? value : text
}

/** Deep merge of two metadata objects built from paths (later rows win). */
function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [k, v] of Object.entries(source)) {
    const existing = ownValue(target, k)
    if (isObject(existing) && isObject(v)) mergeInto(existing, v)
    else setOwn(target, k, v)
  }
}

/**
 * The metadata that key/value rows describe (`csv-set` without `--path`, the reverse of `csv-get` without it):
 * each row is a key path and its value, `/t` rows are tags; a first row `Path,Value` is a header.
 */
export function metadataFromPathRows(rows: readonly (readonly string[])[]): NodeMetadata {
  const reader = new PathRowsReader()
  for (const row of rows) reader.add(row)
  return reader.finish()
}

/** metadataFromPathRows one row at a time: large CSV is read into the metadata without keeping its rows. */
export class PathRowsReader {
  /** The key path rows read, without the header. */
  count = 0
  private readonly out: NodeMetadata = {}
  private readonly tags = new Set<string>()
  private first = true

  add(row: readonly string[]): void {
    if (this.first) {
      this.first = false
      if (row[0].toLowerCase() === 'path') return
    }
    const index = this.count++
    const [cell, value = '', ...extra] = row
    // a path with a key that CSV would trim, or with control characters, is written as a JSON string
    const path = cell.startsWith('"') ? tagOf(cell) : cell
    if (extra.some((c) => c !== '')) throw new UsageError(`CSV row ${index + 1} has more than a key path and a value: ${row.join(',')}`)
    if (path === '/t') {
      this.tags.add(tagOf(value))
      return
    }
    const parsed = valueOf(value)
    const target = storingPath(path, parsed, `CSV row ${index + 1}`)
    if (target) storeAt(this.out, target, parsed)
  }

  finish(): NodeMetadata {
    if (this.count === 0) throw new UsageError('No rows in the CSV: give key path and value rows, like /m/limit,123')
    if (this.tags.size > 0) this.out.t = [...this.tags]
    // storeAt makes `m` or `pm` only to store a key in it
    knownNonEmpty(this.out)
    return this.out
  }
}
