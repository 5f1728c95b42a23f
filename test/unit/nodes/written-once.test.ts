import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {PathRowsReader, metadataFromPathRows, metadataJson} from '../../../plugins/nodes/src/metadata.js'
import {JsonNumber, compactJson, prettyJson, prettyJsonList, prettyJsonText} from 's10k'

// large metadata is written once: the text csv-set sends and the echo meta save prints come from one serialisation
describe('metadata written once', () => {
  it('gives csv-set the text compactJson writes of the metadata rows make, keys in an object order', () => {
    const rows = [
      ['Path', 'Value'],
      ['/m/b', '1'],
      ['/m/10', 'ten'],
      ['/m/2', '"two"'],
      ['/m/01', 'x'],
      ['/m/4294967295', 'not an index'],
      ['/m/__proto__/polluted', 'true'],
      ['/m/nested', '{"z":1,"5":{"q":2}}'],
      ['/m/nested/5/r', '1.50'],
      ['/m/b', '3'],
      ['/pm/os/arch', 'aarch64'],
      ['/t', 'west'],
    ]
    const reader = new PathRowsReader()
    for (const row of rows) reader.add(row)
    const text = reader.finishText()
    assert.equal(text, compactJson(metadataJson(metadataFromPathRows(rows))))
    assert.equal(
      text,
      '{"m":{"2":"two","10":"ten","b":3,"01":"x","4294967295":"not an index","__proto__":{"polluted":true},"nested":{"5":{"q":2,"r":1.50},"z":1}},"pm":{"os":{"arch":"aarch64"}},"t":["west"]}',
    )
    assert.equal(Object.getPrototypeOf({}), Object.prototype)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })

  it('lays compactJson text out as prettyJson lays out the value, arrays and escapes included', () => {
    const value = {'a": b': {c: 'x": y\\', d: [1, {e: [], f: {}}, 'g\u200e'], h: new JsonNumber('2E+3')}, '': {}, s: '\ud800 中'}
    const expected =
      '{\n  "a\\": b" : {\n    "c" : "x\\": y\\\\",\n    "d" : [ 1, {\n      "e" : [ ],\n      "f" : { }\n    }, "g\\u200E" ],\n    "h" : 2E+3\n  },\n  "" : { },\n  "s" : "\ud800 中"\n}'
    assert.equal(prettyJson(value), expected)
    assert.equal(prettyJsonText(compactJson(value)), expected)
    assert.equal(prettyJsonList([[1, [2]], {a: [3]}]), '[\n  [ 1, [ 2 ] ],\n{\n  "a" :   [ 3 ]\n}\n]')
  })
})
