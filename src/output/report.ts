import type {JsonValue} from '../json/write.js'

/** A column of a report's table. */
export interface TableColumn {
  title: string
  /** Data alignment; headers are always left-aligned. */
  align?: 'left' | 'right'
}

export type Cell = string | undefined

/** What a command returns for display: the same data as table rows and as JSON values. */
export interface Report {
  columns: readonly TableColumn[]
  /** One row per item, one cell per column. Cells may span several lines. */
  rows: ReadonlyArray<readonly Cell[]>
  /** The JSON form of each item, in the same order as rows. */
  items: readonly JsonValue[]
  /** True for a list of items (an array in JSON), false for one item. */
  list: boolean
  /** How many items there are, when it is known without building the rows or the JSON values (see `reportOf`). */
  count?: number
  /** Said on stderr when a list is empty; only formatters with `rendersEmpty` then write anything. */
  emptyMessage?: string
  /**
   * A table without a header row (the Java tool's tables built without column definitions): PRETTY and CSV
   * show only the rows, every cell right-aligned, as many columns as the longest row; column titles are unused.
   */
  headerless?: boolean
}

export interface RenderContext {
  /**
   * Both stdin and stdout are terminals (how the Java tool chooses pretty or compact JSON), or the user asked
   * for the terminal's layout anyway with `--pretty`.
   */
  terminal: boolean
  /**
   * Standard output is a terminal: what is written there shows control characters escaped. Written to a file or a
   * pipe, CSV carries the data exactly (undefined counts as a terminal).
   */
  toTerminal?: boolean
}

/** A display mode: pure, returns exactly the text to write to stdout. */
export interface Formatter {
  /** The `--display-mode` value, in canonical (upper case) spelling. */
  name: string
  description: string
  /** Whether an empty list is still written (JSON writes `[]`); tables and CSV write nothing. */
  rendersEmpty?: boolean
  render(report: Report, context: RenderContext): string | Promise<string>
}

/** What a report of items of type T shows: how an item becomes a table row, and a JSON value. */
export type ReportShape<T> = Omit<Report, 'rows' | 'items' | 'count'> & {
  row: (item: T) => readonly Cell[]
  json: (item: T) => JsonValue
}

/**
 * A report whose table rows and JSON values are built from `items` only when a formatter reads them (PRETTY and
 * CSV read the rows, JSON the values), each at most once.
 */
export function reportOf<T>(items: readonly T[], shape: ReportShape<T>): Report {
  const {row, json, ...rest} = shape
  let rows: (readonly Cell[])[] | undefined
  let values: JsonValue[] | undefined
  return {
    ...rest,
    count: items.length,
    get rows() {
      rows ??= items.map((item) => row(item))
      return rows
    },
    get items() {
      values ??= items.map((item) => json(item))
      return values
    },
  }
}
