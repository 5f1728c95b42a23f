import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {parseMetadata} from '../../../plugins/nodes/src/metadata.js'
import {JsonNumber, compactJson, parseJsonExact, prettyJson} from 's10k'

// the native JSON.parse and JSON.stringify paths (large metadata) must give what the JS reader and writers give
describe('native JSON paths, exactly as the JS ones', () => {
  it('reads every number as a JsonNumber, and keeps integers exact where a JS number would not', () => {
    assert.deepEqual(parseJsonExact('{"a":1,"b":[-2,"3.5e1"]}'), {a: new JsonNumber('1'), b: [new JsonNumber('-2'), '3.5e1']})
    assert.deepEqual(parseJsonExact('{"c":9007199254740993,"d":-0}'), {c: new JsonNumber('9007199254740993'), d: new JsonNumber('0')})
    assert.deepEqual(parseJsonExact('{"e":1e+21,"f":1.50}'), {e: new JsonNumber('1E+21'), f: new JsonNumber('1.50')})
  })

  it('keeps __proto__ an own key and gives the JS reader one-line errors', () => {
    const value = parseJsonExact('{"__proto__":{"x":1}}') as Record<string, unknown>
    assert.equal(Object.getPrototypeOf(value), Object.prototype)
    assert.ok(Object.hasOwn(value, '__proto__'))
    assert.throws(() => parseJsonExact('{"a":1,}'), /expected a key at position 8/)
    assert.throws(() => parseJsonExact(`${'['.repeat(201)}1${']'.repeat(201)}`), /nesting deeper than 200/)
    assert.equal(compactJson(parseJsonExact(`${'['.repeat(201)}${']'.repeat(201)}`)), `${'['.repeat(201)}${']'.repeat(201)}`)
  })

  it('drops nulls from metadata whether or not the text says null', () => {
    assert.equal(compactJson(parseMetadata('{"m":{"a":null,"b":{"c":null,"d":1}}}').m ?? null), '{"b":{"d":1}}')
    assert.equal(compactJson(parseMetadata('{"m":{"a":"null","b":2}}').m ?? null), '{"a":"null","b":2}')
  })

  it('writes escapes as Jackson does: uppercase \\u00XX, invisible characters escaped, lone surrogates kept', () => {
    assert.equal(compactJson({'k\u0001': 'v\u001f', w: 'a\u200eb'}), '{"k\\u0001":"v\\u001F","w":"a\\u200Eb"}')
    assert.equal(compactJson({s: '\ud800'}), '{"s":"\ud800"}')
    assert.equal(compactJson({n: new JsonNumber('1.50'), t: 'back\\u'}), '{"n":1.50,"t":"back\\\\u"}')
  })

  it('lays out pretty JSON as Jackson does, with keys and values holding ": "', () => {
    assert.equal(prettyJson({'a": b': {c: 'x": y'}, d: new JsonNumber('2E+3')}), '{\n  "a\\": b" : {\n    "c" : "x\\": y"\n  },\n  "d" : 2E+3\n}')
    assert.equal(prettyJson({a: {}, b: 'c'}), '{\n  "a" : { },\n  "b" : "c"\n}')
    assert.equal(prettyJson({a: [1, {b: 2}]}), '{\n  "a" : [ 1, {\n    "b" : 2\n  } ]\n}')
  })
})
