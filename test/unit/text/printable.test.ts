import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {printable, printableLine, unicodeEscape} from '../../../src/text/printable.js'

describe('printable', () => {
  it('escapes C0 controls but line feed, DEL and C1 controls, as JSON writes them', () => {
    assert.equal(printable('a\u001b[31mred\u0007\tb\r\n\u007f\u009b\u0000'), 'a\\u001b[31mred\\u0007\\u0009b\\u000d\n\\u007f\\u009b\\u0000')
  })

  it('escapes line and paragraph separators and invisible format characters', () => {
    // right-to-left override, zero-width space, word joiner, BOM, a tag character (a surrogate pair)
    assert.equal(printable('x\u2028y\u2029\u202Eevil\u200B\u2060\uFEFF\u{E0041}'), 'x\\u2028y\\u2029\\u202eevil\\u200b\\u2060\\ufeff\\udb40\\udc41')
  })

  it('keeps what scripts and emoji need, and ordinary text, as it is', () => {
    const text = 'é ü 中文 👩\u200D💻 \u0915\u094D\u200C\u0937 "quoted" \\u001b'
    assert.equal(printable(text), text)
  })

  it('escapes line feeds too for a value quoted on one line', () => {
    assert.equal(printableLine('one\ntwo\u001b'), 'one\\u000atwo\\u001b')
  })

  it('writes each UTF-16 unit as \\uXXXX, upper case when asked', () => {
    assert.equal(unicodeEscape('\u001b'), '\\u001b')
    assert.equal(unicodeEscape('\u{1F600}', true), '\\uD83D\\uDE00')
  })
})
