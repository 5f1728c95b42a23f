import {JsonNumber, type JsonValue, type Report, S10kError, type TableColumn, formatInstantIso, parseInstant, parseJsonExact} from 's10k'

import {type StreamMeta, toStreamMeta} from './streams.js'

/**
 * A number as the Java tool's PRETTY table shows it (`NumberUtils.narrow(round(n, 3), 2)`, solarnetwork-datum.md
 * §4.1.4), in decimal, never binary: more than 3 decimals are rounded half away from zero to 3; then trailing
 * zeros go, unless the value has more digits than a double holds exactly (it then keeps its scale).
 */
export function prettyNumber(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!m) return text
  const [, sign, whole, fraction = '', exponent = '0'] = m
  let digits = (whole + fraction).replace(/^0+(?=\d)/, '')
  let scale = fraction.length - Number(exponent)
  if (scale < 0) {
    digits += '0'.repeat(-scale)
    scale = 0
  }
  if (scale > 3) {
    const cut = digits.length - (scale - 3)
    const kept = cut > 0 ? digits.slice(0, cut) : '0'
    const roundUp = cut >= 0 && Number(digits[Math.max(cut, 0)] ?? '0') >= 5 && cut < digits.length
    digits = roundUp ? (BigInt(kept) + 1n).toString() : kept
    scale = 3
  }
  const plain = (d: string, s: number): string => {
    if (s === 0) return d
    const padded = d.padStart(s + 1, '0')
    return `${padded.slice(0, padded.length - s)}.${padded.slice(padded.length - s)}`
  }
  const negative = sign === '-' && /[1-9]/.test(digits)
  const withSign = (t: string) => (negative ? `-${t}` : t)
  const exact = plain(digits, scale)
  const stripped = exact.includes('.') ? exact.replace(/\.?0+$/, '') : exact
  // an integer, or a decimal a double holds exactly (its shortest form is the value), prints without trailing zeros
  if (!stripped.includes('.')) return withSign(stripped.replace(/^0+(?=\d)/, ''))
  const shortest = String(Number(stripped))
  return withSign(!shortest.includes('e') && shortest === stripped.replace(/^0+(?=\d)/, '') ? stripped : exact)
}

/** PRETTY refuses answers with more rows than this: it must hold them all to size its columns. */
export const PRETTY_MAX_ROWS = 100_000

const cellText = (value: JsonValue | undefined): string | undefined => {
  if (value === undefined || value === null) return undefined
  if (value instanceof JsonNumber) return prettyNumber(value.text)
  if (typeof value === 'string') return value
  return typeof value === 'object' ? undefined : String(value)
}

/** The first element of a statistics array (`[average, count, min, max]`, `[value, start, end]`), or the value itself. */
const statValue = (value: JsonValue | undefined): JsonValue | undefined => (Array.isArray(value) ? value[0] : value)

const timestamp = (value: JsonValue | undefined): string | undefined => {
  const ms = value instanceof JsonNumber ? Number(value.text) : undefined
  const instant = ms === undefined ? undefined : parseInstant(ms)
  return instant ? formatInstantIso(instant) : undefined
}

export interface TableOptions {
  /** `-agg` given and not None: the timestamp column is `Timestamp Start`. */
  aggregate: boolean
  /** `-read` given: rows carry reading differences. */
  reading: boolean
  showStreamIds: boolean
  /** `-prop`: the property columns, in order. */
  properties?: string[]
}

/**
 * The PRETTY table of a stream datum answer (§4.1.4), with every value under its own column whatever mix of
 * streams (the Java tool shifted values left when a row's stream lacked a column's property). A column is
 * left-aligned when its property is a status property of the first stream naming it.
 */
export function datumReport(text: string, options: TableOptions, where: string): Report {
  const parse = (json: string): JsonValue => {
    try {
      return parseJsonExact(json)
    } catch (error) {
      throw new S10kError(`Unexpected answer from ${where}: ${(error as Error).message}`)
    }
  }
  const {head, rows: rowTexts} = splitRows(text)
  const answer = parse(head)
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer) || answer instanceof JsonNumber || answer.success !== true) {
    throw new S10kError(`Unexpected answer from ${where}: not a successful stream datum result`)
  }
  const meta: StreamMeta[] = Array.isArray(answer.meta) ? answer.meta.map((m) => toStreamMeta(m, where)) : []
  // each row is parsed on its own as the table is made: never a tree of every row at once
  const data = rowTexts ?? []
  const readingStyle = options.reading && !options.aggregate
  const base: TableColumn[] = [{title: options.aggregate ? 'Timestamp Start' : 'Timestamp'}]
  if (readingStyle) base.push({title: 'Timestamp End'})
  if (options.showStreamIds) base.push({title: 'Stream ID'})
  base.push({title: 'Object ID'}, {title: 'Source ID'})
  const names = options.properties ?? [...new Set(meta.flatMap((m) => (readingStyle ? m.a : [...m.i, ...m.a, ...m.s])))]
  // as in the Java tool, a table without rows has only the base columns
  const properties = data.length === 0 ? [] : names
  const align = (name: string): 'left' | 'right' => {
    const first = meta.find((m) => m.i.includes(name) || m.a.includes(name) || m.s.includes(name))
    return first && !first.i.includes(name) && !first.a.includes(name) ? 'left' : 'right'
  }
  const columns: TableColumn[] = [...base, ...properties.map((name): TableColumn => ({title: name, align: align(name)}))]
  const rows = data.map((rowText) => {
    const row = parse(rowText)
    if (!Array.isArray(row) || !(row[0] instanceof JsonNumber)) throw new S10kError(`Unexpected answer from ${where}: a row that is not a datum`)
    const stream = meta.at(Number(row[0].text))
    if (!stream) throw new S10kError(`Unexpected answer from ${where}: a row of a stream not in its metadata`)
    const time = row[1]
    const cells: (string | undefined)[] = Array.isArray(time) ? [timestamp(time[0])] : [timestamp(time)]
    if (readingStyle) cells.push(Array.isArray(time) ? timestamp(time[1]) : undefined)
    if (options.showStreamIds) cells.push(stream.streamId)
    cells.push(stream.objectId.text, stream.sourceId)
    const at = {i: 2, a: 2 + stream.i.length, s: 2 + stream.i.length + stream.a.length}
    for (const name of properties) {
      const i = stream.i.indexOf(name)
      const a = stream.a.indexOf(name)
      const s = stream.s.indexOf(name)
      if (i !== -1) cells.push(cellText(statValue(row[at.i + i])))
      else if (a !== -1) cells.push(cellText(statValue(row[at.a + a])))
      else if (s !== -1) cells.push(cellText(row[at.s + s]))
      else cells.push(undefined)
    }
    return cells
  })
  // list: false, so that a table without rows still shows its header, as the Java tool's does
  return {columns, rows, items: rows.map((cells) => cells.map((c) => c ?? null)), list: false}
}

/**
 * A stream datum answer split at its `data` member: the rest of the answer (with `data` empty), and the text of
 * each row, found by a scan that skips strings. Without a `data` array, `rows` is undefined.
 */
export function splitRows(text: string): {head: string; rows?: string[]} {
  let depth = 0
  let inString = false
  let dataStart = -1
  let rowStart = -1
  const rows: string[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) {
      inString = true
      // a row that is a string is not a datum: its first character makes the row check refuse it
      if (depth === 2 && dataStart !== -1 && rowStart === -1) rows.push('"')
    } else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth === 2 && c === 0x5b && dataStart === -1 && /"data"\s*:\s*$/.test(text.slice(Math.max(0, i - 16), i))) dataStart = i
      else if (depth === 3 && dataStart !== -1 && rowStart === -1) rowStart = i
    } else if (c === 0x5d || c === 0x7d) {
      depth--
      if (depth === 2 && rowStart !== -1) {
        rows.push(text.slice(rowStart, i + 1))
        rowStart = -1
      } else if (depth === 1 && dataStart !== -1 && rowStart === -1 && c === 0x5d) {
        return {head: `${text.slice(0, dataStart)}[]${text.slice(i + 1)}`, rows}
      }
    } else if (depth === 2 && dataStart !== -1 && rowStart === -1 && c !== 0x2c && c > 0x20) {
      // a row that is not an array (null, a number): kept whole, for the check that refuses it
      let end = i
      while (end < text.length && !',] \t\r\n'.includes(text[end])) end++
      rows.push(text.slice(i, end))
      i = end - 1
    }
  }
  return {head: text}
}
