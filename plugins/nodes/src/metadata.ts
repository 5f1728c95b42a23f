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
  const tree = new PathTree()
  const target = storingPath(path, value, where)
  if (target) tree.store(target, value)
  return tree.metadata()
}

interface KeyPath {
  root: 'm' | 'pm'
  keys: string[]
}

/** The root and keys of a key path that stores `value`, checked; undefined for `/m,{}` (which stores nothing). */
function storingPath(path: string, value: JsonValue, where: string): KeyPath | undefined {
  // one call a row of a large CSV: no closure, no iterator
  const parts = path.split('/')
  const root = parts[1]
  const keys = parts.slice(2)
  if (parts[0] !== '' || !root) pathError(where, `'${path}' is not a metadata key path; use /m/<key> or /pm/<name>/<key>, like /pm/cpd/schedule`)
  if (keys.includes('')) pathError(where, `'${path}' has an empty key`)
  // the body sent must be JSON s10k can read back: no deeper than the JSON parser's limit
  if (keys.length + 1 + depthOf(value) > MAX_JSON_DEPTH) pathError(where, `'${path.slice(0, 40)}...' nests deeper than ${MAX_JSON_DEPTH} levels`)
  if (root === 'm' && keys.length >= 1) return {root, keys}
  // `/pm/name,{}` is an empty object as csv-get writes one
  if (root === 'pm' && (keys.length >= 2 || (keys.length === 1 && isObject(value)))) return {root, keys}
  if ((root === 'm' || root === 'pm') && keys.length === 0 && isObject(value) && Object.keys(value).length === 0) return undefined
  return pathError(where, `'${path}' stores nothing; tables go under /m/<key> or /pm/<name>/<key>, like /pm/cpd/schedule`)
}

function pathError(where: string, why: string): never {
  throw new UsageError(`${where}: ${why}`)
}

/** An object being built from key paths: a Map, which takes millions of new keys far faster than an object does. */
type PathNode = Map<string, PathNode | JsonValue>

/**
 * Metadata built from key paths (`csv-set`), later paths winning, and given back as objects or as the JSON text
 * compactJson would write of them. Its objects are Maps while it is built: large CSV is read without making
 * millions of object properties, and written without a walk of them.
 */
class PathTree {
  private m?: PathNode
  private pm?: PathNode

  /** Stores `value` at the key path, making the objects on the way; an object merges into one already there. */
  store({root, keys}: KeyPath, value: JsonValue): void {
    let node: PathNode = root === 'm' ? (this.m ??= new Map<string, PathNode | JsonValue>()) : (this.pm ??= new Map<string, PathNode | JsonValue>())
    const last = keys.length - 1
    for (let i = 0; i < last; i++) node = childNode(node, keys[i])
    // any other value replaces what is there, unlooked at
    if (isObject(value) && isObjectNode(node.get(keys[last]))) mergeInto(childNode(node, keys[last]), value)
    else node.set(keys[last], value)
  }

  /** As objects, which have `m` or `pm` only when a key was stored in it. */
  metadata(): NodeMetadata {
    const out: NodeMetadata = {}
    if (this.m) out.m = toObject(this.m)
    if (this.pm) out.pm = toObject(this.pm) as Record<string, JsonObject>
    knownNonEmpty(out)
    return out
  }

  /** compactJson(metadataJson(...)) of the metadata, with `tags`. */
  text(tags: string[]): string {
    const members: string[] = []
    if (this.m) members.push(`"m":${nodeText(this.m)}`)
    if (this.pm) members.push(`"pm":${nodeText(this.pm)}`)
    if (tags.length > 0) members.push(`"t":${compactJson(tags)}`)
    return `{${members.join(',')}}`
  }
}

const isObjectNode = (v: PathNode | JsonValue | undefined): boolean => v instanceof Map || isObject(v)

/** The object at `key` of `node` as a node, made (or made from the object stored there) when it is not one. */
function childNode(node: PathNode, key: string): PathNode {
  const existing = node.get(key)
  if (existing instanceof Map) return existing
  const child: PathNode = new Map(isObject(existing) ? Object.entries(existing).filter((e): e is [string, JsonValue] => e[1] !== undefined) : [])
  node.set(key, child)
  return child
}

/** Deep merge of an object into a node built from paths (later rows win). */
function mergeInto(target: PathNode, source: JsonObject): void {
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue
    if (isObject(v) && isObjectNode(target.get(k))) mergeInto(childNode(target, k), v)
    else target.set(k, v)
  }
}

function toObject(node: PathNode): JsonObject {
  const object: JsonObject = {}
  for (const [k, v] of node) setOwn(object, k, v instanceof Map ? toObject(v) : v)
  return object
}

/**
 * compactJson's text of the object the node makes, its keys in an object's order: those that are array indexes
 * (`0`, `17`) first, in numeric order, then the others in the order they were first stored.
 */
function nodeText(node: PathNode): string {
  const members: string[] = []
  let indexed: [number, string][] | undefined
  for (const [k, v] of node) {
    const member = `${jsonString(k)}:${v instanceof Map ? nodeText(v) : compactJson(v)}`
    if (isArrayIndex(k)) (indexed ??= []).push([Number(k), member])
    else members.push(member)
  }
  const ordered = indexed
    ? indexed
        .sort((a, b) => a[0] - b[0])
        .map(([, member]) => member)
        .concat(members)
    : members
  return `{${ordered.join(',')}}`
}

/** Whether an object orders the key as an array index: an integer below 2^32 - 1 written without a sign or leading zero. */
function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0)
  return c >= 0x30 && c <= 0x39 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295
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
  private readonly tree = new PathTree()
  private readonly tags = new Set<string>()
  private first = true

  add(row: readonly string[]): void {
    if (this.first) {
      this.first = false
      if (row[0].toLowerCase() === 'path') return
    }
    const index = this.count++
    const cell = row[0]
    const value = row.length > 1 ? row[1] : ''
    // a path with a key that CSV would trim, or with control characters, is written as a JSON string
    const path = cell.startsWith('"') ? tagOf(cell) : cell
    if (row.length > 2 && row.slice(2).some((c) => c !== ''))
      throw new UsageError(`CSV row ${index + 1} has more than a key path and a value: ${row.join(',')}`)
    if (path === '/t') {
      this.tags.add(tagOf(value))
      return
    }
    const parsed = valueOf(value)
    const target = storingPath(path, parsed, `CSV row ${index + 1}`)
    if (target) this.tree.store(target, parsed)
  }

  /** The metadata read. */
  finish(): NodeMetadata {
    this.checkRows()
    const out = this.tree.metadata()
    if (this.tags.size > 0) out.t = [...this.tags]
    return out
  }

  /** The metadata read as the JSON text sent (metadataText of finish()'s), without making its objects. */
  finishText(): string {
    this.checkRows()
    return this.tree.text([...this.tags])
  }

  private checkRows(): void {
    if (this.count === 0) throw new UsageError('No rows in the CSV: give key path and value rows, like /m/limit,123')
  }
}
