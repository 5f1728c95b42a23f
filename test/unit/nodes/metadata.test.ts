import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {parseCsv} from '../../../src/text/csv-parse.js'
import {metadataAtPath, metadataFromPathRows, metadataJson, parseMetadata, pathRows, valueAtPath} from '../../../plugins/nodes/src/metadata.js'
import {tableRows} from '../../../plugins/nodes/src/nodes.js'
import {compactJson, javaNumberText, parseJsonExact, prettyJson} from 's10k'

describe('node metadata', () => {
  it('prints numbers as Java reads them into BigInteger and BigDecimal', () => {
    for (const [text, java] of [
      ['123', '123'],
      ['-0', '0'],
      ['1.50', '1.50'],
      ['1e3', '1E+3'],
      ['1.5e2', '1.5E+2'],
      ['1.0E-7', '1.0E-7'],
      ['0.000001', '0.000001'],
      ['0.0000001', '1E-7'],
      ['12345678901234567890', '12345678901234567890'],
      ['-2.5E-3', '-0.0025'],
    ]) {
      assert.equal(javaNumberText(text), java, text)
    }
    assert.equal(compactJson(parseJsonExact('{"a":[1.50,2e2,null]}')), '{"a":[1.50,2E+2,null]}')
  })

  it('parses strictly: only m, pm (objects of objects) and t (strings), naming what is wrong', () => {
    const parsed = parseMetadata('{"t":["b","a","b"],"pm":{"os":{"v":1,"x":null}},"m":{"limit":123,"gone":null}}')
    assert.equal(
      prettyJson(metadataJson(parsed)),
      '{\n  "m" : {\n    "limit" : 123\n  },\n  "pm" : {\n    "os" : {\n      "v" : 1\n    }\n  },\n  "t" : [ "b", "a" ]\n}',
    )
    assert.equal(prettyJson(metadataJson(parseMetadata('{}'))), '{ }')
    for (const [text, message] of [
      ['[1]', /must be a JSON object, not an array/],
      ['{"x":1,"m":{"a":1}}', /unknown member "x"/],
      ['{"pm":{"a":1}}', /"pm"\."a" must be an object, not a number/],
      ['{"t":[1]}', /"t" must be an array of strings/],
      ['{"m":', /not valid JSON: unexpected end of input/],
      ['{"m":{}} x', /not valid JSON: unexpected text after the JSON value/],
      [`${'['.repeat(300)}${']'.repeat(300)}`, /nesting deeper than 200/],
    ] as const) {
      assert.throws(() => parseMetadata(text), {name: 'UsageError', message}, text)
    }
  })

  it('finds values by key path, and builds the metadata a path stores', () => {
    const metadata = parseMetadata('{"m":{"a":{"b":2}},"pm":{"cpd":{"schedule":"x"}},"t":["west"]}')
    assert.equal(compactJson(valueAtPath(metadata, '/m/a/b') ?? null), '2')
    assert.equal(valueAtPath(metadata, '/pm/cpd/schedule'), 'x')
    assert.equal(valueAtPath(metadata, '/t/west'), 'west')
    assert.equal(valueAtPath(metadata, '/m/a/b/c'), undefined)
    assert.deepEqual(metadataAtPath('/pm/cpd/schedule', 1), {pm: {cpd: {schedule: 1}}})
    assert.deepEqual(metadataAtPath('/m/a/b', 'x'), {m: {a: {b: 'x'}}})
    for (const path of ['/pm/cpd', 'pm', '/t/x', '/m//x', '/x/y']) assert.throws(() => metadataAtPath(path, 1), {name: 'UsageError'}, path)
  })

  it('writes every value as a key path row and reads the rows back', () => {
    const metadata = parseMetadata('{"m":{"limit":123,"on":true,"nested":{"k":"v"}},"pm":{"os":{"list":[1,2]}},"t":["a","b"]}')
    const {rows} = pathRows(metadata)
    assert.deepEqual(rows, [
      ['/m/limit', '123'],
      ['/m/on', 'true'],
      ['/m/nested/k', 'v'],
      ['/pm/os/list', '[1,2]'],
      ['/t', 'a'],
      ['/t', 'b'],
    ])
    assert.equal(compactJson(metadataJson(metadataFromPathRows([['Path', 'Value'], ...rows]))), compactJson(metadataJson(metadata)))
    assert.throws(() => metadataFromPathRows([['/m/a', '1', 'extra']]), {name: 'UsageError'})
  })

  it('reads CSV as FastCSV does: trimmed fields, comments and empty lines skipped, quotes only at the start', () => {
    assert.deepEqual(parseCsv('# comment\n  Key , Value \n\nA,B\n "x y" ,"multi\nline"\nshort\nC,D,E\n'), [
      ['Key', 'Value'],
      ['A', 'B'],
      ['"x y"', 'multi\nline'],
      ['short'],
      ['C', 'D', 'E'],
    ])
    assert.deepEqual(parseCsv('a,"b ""q"" c",\r\n"",x\r'), [
      ['a', 'b "q" c', ''],
      ['', 'x'],
    ])
  })

  it('a table cell that is an array or object shows as exact JSON, every digit kept', () => {
    const table = parseJsonExact('[["a",{"x":1.50,"y":[12345678901234567890]}],[null,[1e3]]]')
    assert.deepEqual(tableRows(table, parseCsv), [
      ['a', '{"x":1.50,"y":[12345678901234567890]}'],
      [null, '[1E+3]'],
    ])
  })
})
