import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {renderCsv} from '../../../src/output/csv.js'
import {compactJson, jsonString, prettyJson, prettyJsonList} from '../../../src/json/write.js'
import {renderJson} from '../../../src/output/json-formatter.js'
import {renderTable, wrapLine} from '../../../src/output/pretty.js'
import {findFormatter, formatterNames, registerFormatter} from '../../../src/output/registry.js'
import {type Report, reportOf} from '../../../src/output/report.js'

const POLICY = {nodeIds: [107, 164], sourceIds: ['/REGION2/**']}

function report(rows: Array<Array<string | undefined>>, list = false): Report {
  return {
    columns: [{title: 'Token ID'}, {title: 'User ID', align: 'right'}, {title: 'Policy'}],
    rows,
    items: rows.map((r) => ({id: r[0] ?? null})),
    list,
  }
}

describe('JSON printer (Jackson layout)', () => {
  it('pretty-prints objects with "key" : value and inline arrays', () => {
    assert.equal(
      prettyJson({id: 'a', userId: 123, expired: false, policy: {nodeIds: [107, 164], sourceIds: ['/REGION2/**']}}),
      '{\n  "id" : "a",\n  "userId" : 123,\n  "expired" : false,\n  "policy" : {\n    "nodeIds" : [ 107, 164 ],\n    "sourceIds" : [ "/REGION2/**" ]\n  }\n}',
    )
  })

  it('writes empty containers and arrays of objects as Jackson does', () => {
    assert.equal(
      prettyJson({a: {}, b: [], c: [{x: 1}, {y: null}]}),
      '{\n  "a" : { },\n  "b" : [ ],\n  "c" : [ {\n    "x" : 1\n  }, {\n    "y" : null\n  } ]\n}',
    )
  })

  it('lays out lists with objects at column 0 and shifted inner arrays', () => {
    assert.equal(
      prettyJsonList([{id: 'a'}, {id: 'b', policy: {nodeIds: [100, 101], notAfter: 1759143600000}}]),
      '[\n{\n  "id" : "a"\n},\n{\n  "id" : "b",\n  "policy" : {\n    "nodeIds" :   [ 100, 101 ],\n    "notAfter" : 1759143600000\n  }\n}\n]',
    )
    assert.equal(prettyJsonList([]), '[ ]')
  })

  it('escapes like Jackson: uppercase \\u00XX, / and non-ASCII kept', () => {
    assert.equal(jsonString('a/b "q" \\ é\n\t\u0001\u001f'), '"a/b \\"q\\" \\\\ é\\n\\t\\u0001\\u001F"')
  })

  it('writes compact JSON without undefined fields', () => {
    assert.equal(compactJson({a: 1, b: undefined, c: [true, null, 'x']}), '{"a":1,"c":[true,null,"x"]}')
  })

  it('is compact when piped, pretty on a terminal, with a newline after either', () => {
    const single = report([['id1', '1', undefined]])
    assert.equal(renderJson(single, {terminal: false}), '{"id":"id1"}\n')
    assert.equal(renderJson(single, {terminal: true}), '{\n  "id" : "id1"\n}\n')
    const list = report(
      [
        ['a', '1', ''],
        ['b', '2', ''],
      ],
      true,
    )
    assert.equal(renderJson(list, {terminal: false}), '[{"id":"a"},{"id":"b"}]\n')
    assert.equal(renderJson(list, {terminal: true}), '[\n{\n  "id" : "a"\n},\n{\n  "id" : "b"\n}\n]\n')
  })
})

describe('PRETTY table', () => {
  it('draws borders, pads one space, right-aligns data but not headers', () => {
    assert.equal(
      renderTable(report([['tok', '123456789', undefined]])),
      '+----------+-----------+--------+\n' +
        '| Token ID | User ID   | Policy |\n' +
        '+----------+-----------+--------+\n' +
        '| tok      | 123456789 |        |\n' +
        '+----------+-----------+--------+\n',
    )
  })

  it('puts a separator between rows and spreads multi-line cells over lines', () => {
    assert.equal(
      renderTable(
        report(
          [
            ['a', '1', prettyJson(POLICY)],
            ['b', '22', 'x\r\ny'],
          ],
          true,
        ),
      ),
      '+----------+---------+-----------------------------------+\n' +
        '| Token ID | User ID | Policy                            |\n' +
        '+----------+---------+-----------------------------------+\n' +
        '| a        |       1 | {                                 |\n' +
        '|          |         |   "nodeIds" : [ 107, 164 ],       |\n' +
        '|          |         |   "sourceIds" : [ "/REGION2/**" ] |\n' +
        '|          |         | }                                 |\n' +
        '+----------+---------+-----------------------------------+\n' +
        '| b        |      22 | x                                 |\n' +
        '|          |         | y                                 |\n' +
        '+----------+---------+-----------------------------------+\n',
    )
  })

  it('counts widths in UTF-16 units, as Java does', () => {
    const lines = renderTable(report([['é😀', '1', undefined]])).split('\n')
    assert.equal(lines[3], '| é😀      |       1 |        |')
    assert.equal(lines[0], '+----------+---------+--------+')
  })

  it('caps columns at 78 characters, wrapping at spaces or splitting long words', () => {
    const words = 'word '.repeat(20).trim()
    assert.deepEqual(wrapLine(words), ['word '.repeat(15).trim(), 'word '.repeat(5).trim()])
    assert.deepEqual(wrapLine('x'.repeat(100)), ['x'.repeat(78), 'x'.repeat(22)])
    const lines = renderTable(report([['a', '1', 'y'.repeat(90)]])).split('\n')
    assert.equal(lines[0], '+----------+---------+' + '-'.repeat(80) + '+')
  })
})

describe('CSV', () => {
  it('writes cells exactly for a file or pipe, and escaped for a terminal', () => {
    const cell = 'a\u001b[2K\tb\rc\u0007'
    assert.equal(renderCsv(report([[cell, '1', 'x\ny']]), false), `Token ID,User ID,Policy\r\n"${cell}",1,"x\ny"\r\n`)
    assert.equal(renderCsv(report([[cell, '1', '']])), 'Token ID,User ID,Policy\r\na\\u001b[2K\\u0009b\\u000dc\\u0007,1,\r\n')
    assert.equal(renderCsv({...report([]), headerless: true, rows: [[cell, '\t']]}, false), `"${cell}",\t\r\n`)
  })

  it('writes a headerless table row by row, each as long as it is, quoted as FastCSV quotes', () => {
    const rows = [['Month', 'Day'], ['#x', 'a,b', 'say "hi"'], [], [undefined], ['#y'], ['1', '2']]
    assert.equal(renderCsv({...report([]), headerless: true, rows}, false), 'Month,Day\r\n"#x","a,b","say ""hi"""\r\n\r\n\r\n"#y"\r\n1,2\r\n')
  })

  it('writes a header, CRLF after every record, and empty cells as nothing', () => {
    assert.equal(renderCsv(report([['a', '1', undefined]])), 'Token ID,User ID,Policy\r\na,1,\r\n')
  })

  it('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
    assert.equal(
      renderCsv(
        report([
          ['a,b', '1', prettyJson(POLICY)],
          ['c', '2', 'say "hi"\r\nbye'],
        ]),
      ),
      'Token ID,User ID,Policy\r\n' +
        '"a,b",1,"{\n  ""nodeIds"" : [ 107, 164 ],\n  ""sourceIds"" : [ ""/REGION2/**"" ]\n}"\r\n' +
        // a carriage return inside a field is shown escaped (it would return the cursor over the row); a line feed is kept
        'c,2,"say ""hi""\\u000d\nbye"\r\n',
    )
  })

  it('quotes a first field that starts with #', () => {
    assert.equal(
      renderCsv(
        report([
          ['#x', '1', 'a'],
          ['y', '#2', 'b'],
        ]),
      ),
      'Token ID,User ID,Policy\r\n"#x",1,a\r\ny,#2,b\r\n',
    )
  })
})

describe('formatter registry', () => {
  it('finds built-in formatters by name in any case', async () => {
    assert.deepEqual(formatterNames().sort(), ['CSV', 'JSON', 'PRETTY'])
    const csv = findFormatter('csv')
    assert.ok(csv)
    assert.equal(await csv.render(report([['a', '1', '']]), {terminal: false}), 'Token ID,User ID,Policy\r\na,1,\r\n')
  })

  it('accepts formatters from plugins', async () => {
    registerFormatter({name: 'Ids', description: 'token IDs only', render: (r) => r.rows.map((row) => row[0]).join('\n')})
    assert.equal(
      await findFormatter('IDS')?.render(
        report([
          ['a', '1', ''],
          ['b', '2', ''],
        ]),
        {terminal: false},
      ),
      'a\nb',
    )
  })
})

describe('reports built for the display mode asked for', () => {
  it('builds the table rows only for PRETTY and CSV, the JSON values only for JSON, each once', () => {
    const built: string[] = []
    const shown = reportOf([1, 2], {
      columns: [{title: 'N'}],
      row: (n) => {
        built.push(`row ${n}`)
        return [String(n)]
      },
      json: (n) => {
        built.push(`json ${n}`)
        return n
      },
      list: true,
    })
    assert.equal(shown.count, 2)
    assert.deepEqual(built, [])
    assert.equal(renderJson(shown, {terminal: false}), '[1,2]\n')
    assert.deepEqual(built, ['json 1', 'json 2'])
    assert.equal(renderCsv(shown), 'N\r\n1\r\n2\r\n')
    renderCsv(shown)
    assert.deepEqual(built, ['json 1', 'json 2', 'row 1', 'row 2'])
  })
})
