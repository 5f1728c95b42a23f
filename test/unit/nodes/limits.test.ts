import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {parseJsonExact} from 's10k'
import {metadataAtPath, metadataFromPathRows, parseMetadata} from '../../../plugins/nodes/src/metadata.js'
import {tableRows} from '../../../plugins/nodes/src/nodes.js'
import {parseCsv} from '../../../src/text/csv-parse.js'
import {MAX_DRAWN_CELLS, renderTable} from '../../../src/output/pretty.js'

describe('bounded inputs and outputs of node metadata', () => {
  it('reads a JSON string of 8 MB and more without exhausting the stack', () => {
    const long = 'x'.repeat(8 * 1024 * 1024) + '\\n'
    const metadata = parseMetadata(`{"m":{"a":"${long}","b":"${'é'.repeat(9 * 1024 * 1024)}"}}`)
    assert.equal((metadata.m?.a as string).length, 8 * 1024 * 1024 + 1)
    assert.throws(() => parseJsonExact(`"${'x'.repeat(9 * 1024 * 1024)}`), /unexpected end of input in a string/)
    assert.throws(() => parseJsonExact(`"a\u0001b"`), /control character in a string/)
    assert.throws(() => parseJsonExact('"a\\qb"'), /malformed escape/)
    assert.throws(() => parseJsonExact('"a\\u12"'), /malformed \\u escape/)
    assert.equal(parseJsonExact('"a\\u00e9\\n\\"b"'), 'aé\n"b')
  })

  it('a key path has at most 200 segments (m or pm counted), with the nesting of its value', () => {
    const keys = (n: number) => Array.from({length: n}, (_, i) => `k${i}`).join('/')
    assert.ok(metadataAtPath(`/m/${keys(199)}`, 'x').m)
    assert.throws(() => metadataAtPath(`/m/${keys(200)}`, 'x'), /nests deeper than 200 levels/)
    assert.throws(() => metadataAtPath(`/m/${keys(190)}`, parseJsonExact('[[[[[[[[[[[1]]]]]]]]]]]')), /nests deeper than 200 levels/)
    assert.throws(
      () =>
        metadataFromPathRows([
          ['/m/a', '1'],
          [`/m/${keys(100_000)}`, 'x'],
        ]),
      /^UsageError: CSV row 2: '\/m\/k0\/k1/,
    )
  })

  it('PRETTY refuses a ragged table that would be padded beyond its cell limit, in one line', () => {
    // 16 KB: one row of 4,000 empty cells, then 4,000 rows of one
    const csv = `${','.repeat(3999)}\n${'a\n'.repeat(4000)}`
    const rows = tableRows(csv, parseCsv) ?? []
    const report = {columns: [], rows: rows.map((r) => r.map((c) => c ?? undefined)), items: [], list: false, headerless: true}
    assert.throws(
      () => renderTable(report),
      (error: Error & {exitCode?: number}) => {
        assert.equal(error.exitCode, 2)
        assert.match(
          error.message,
          /^The table is too large to draw in PRETTY mode: 4001 rows padded to 4000 columns is more than 1,000,000 cells; use -mode CSV/,
        )
        return true
      },
    )
    assert.equal(MAX_DRAWN_CELLS, 1_000_000)
    // a table that needs no padding draws as before
    assert.equal(renderTable({...report, rows: [['a', 'b']]}), '+---+---+\n| a | b |\n+---+---+\n')
  })
})
