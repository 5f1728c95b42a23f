import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {exampleTokens} from '../support/fixtures.js'
import {useSession} from '../support/session.js'

const API = '/solaruser/api/v1/sec/user/auth-tokens'
const EVIL = 'eViL0123456789abcdef'
// erase the line and move up (hiding the row above), set the window title, ring the bell, back over text, return
const NAME = 'ok\u001b[2K\u001b[1A\u001b]0;pwned\u0007\bX\rY'
const DESCRIPTION = 'over\u009b2Jthere\u202Eevil'
const INVISIBLE_ID = 'iNvIs0123456789abcde'
// LRM, RLM, ALM, ZWSP, WJ, BOM, a tag character, the line and paragraph separators
const INVISIBLE = 'a\u200Eb\u200Fc\u061Cd\u200Be\u2060f\uFEFFg\u{E0041}h\u2028i\u2029j'
const INVISIBLE_SHOWN = 'a\\u200eb\\u200fc\\u061cd\\u200be\\u2060f\\ufeffg\\udb40\\udc41h\\u2028i\\u2029j'
// a family emoji and a Devanagari conjunct, which need ZWJ and ZWNJ
const JOINED = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u0915\u094D\u200C\u0937'
/** Invisible and reordering characters: format characters (Cf) but ZWNJ and ZWJ, and U+2028, U+2029. */
const HIDDEN = /(?![\u200C\u200D])\p{Cf}|[\u2028\u2029]/u

/** Anything a terminal obeys: C0 controls but line feed (and CSV's own CRLF record ends), DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

describe('hostile text from the service', () => {
  const session = useSession([
    ...exampleTokens(),
    {id: EVIL, userId: 123, created: '2025-10-01 00:00:00Z', name: NAME, description: DESCRIPTION, status: 'Active', type: 'User'},
    {id: INVISIBLE_ID, userId: 123, created: '2025-10-01 00:00:00Z', name: INVISIBLE, description: JOINED, status: 'Active', type: 'User'},
  ])

  it('PRETTY shows control characters escaped, and every row stays visible', async () => {
    const result = await session.run(['sec-tokens', 'list'])
    assert.equal(result.code, 0, result.stderr)
    assert.doesNotMatch(result.stdout, RAW)
    assert.ok(result.stdout.includes('ok\\u001b[2K\\u001b[1A\\u001b]0;pwned\\u0007\\u0008X\\u000dY'), result.stdout)
    assert.ok(result.stdout.includes('over\\u009b2Jthere\\u202eevil'))
    for (const id of ['a09sjds09wu9wjsd9uy2', 'hNAdH.aXHaEqFossMwT8', 'kF67p6g30eUXQICUgzQf', EVIL]) assert.ok(result.stdout.includes(id), id)
  })

  it('CSV to a pipe carries the exact text (quoted where CSV needs it); JSON keeps it, escaped as JSON does', async () => {
    const csv = await session.run(['sec-tokens', 'list', '-mode', 'CSV'])
    assert.ok(csv.stdout.includes(`${EVIL},2025-10-01T00:00:00Z,123,User,Active,"${NAME}",${DESCRIPTION},\r\n`), csv.stdout)
    const json = await session.run(['sec-tokens', 'list', '-id', EVIL, '-mode', 'JSON'])
    assert.doesNotMatch(json.stdout, RAW)
    const [token] = JSON.parse(json.stdout) as [{name: string; description: string}]
    assert.equal(token.name, NAME)
    assert.equal(token.description, DESCRIPTION)
    assert.ok(json.stdout.includes('"description":"over\\u009B2Jthere\\u202Eevil"'), json.stdout)
  })

  it('a service message is shown escaped, on one line', async () => {
    session.emulator.inject({path: '/find', status: 400, body: JSON.stringify({success: false, message: 'bad\u001b]0;pwned\u0007\nSecond line'})})
    const result = await session.run(['sec-tokens', 'list'])
    assert.equal(result.code, 1)
    assert.equal(result.stderr, `bad\\u001b]0;pwned\\u0007\\u000aSecond line (HTTP 400 from GET ${session.url}${API}/find)\n`)
  })

  it('an argument quoted in an error is shown escaped', async () => {
    const result = await session.run(['sec-tokens', 'update', '-id', EVIL, '-mode', 'X\u001b[31m'])
    assert.equal(result.code, 2)
    assert.doesNotMatch(result.stderr, RAW)
    assert.match(result.stderr, /but was 'X\\u001b\[31m'/)
  })

  it('invisible and reordering characters are shown escaped in PRETTY, JSON and messages (CSV to a pipe is exact); ZWJ and ZWNJ are kept', async () => {
    const pretty = await session.run(['sec-tokens', 'list', '-id', INVISIBLE_ID])
    assert.equal(pretty.code, 0, pretty.stderr)
    assert.doesNotMatch(pretty.stdout, HIDDEN)
    assert.ok(pretty.stdout.includes(INVISIBLE_SHOWN), pretty.stdout)
    assert.ok(pretty.stdout.includes(JOINED), pretty.stdout)
    // CSV to a pipe is data, not display: it carries the text exactly
    const csv = await session.run(['sec-tokens', 'list', '-id', INVISIBLE_ID, '-mode', 'CSV'])
    assert.equal(csv.code, 0, csv.stderr)
    assert.ok(csv.stdout.includes(`,${INVISIBLE},`), csv.stdout)
    const json = await session.run(['sec-tokens', 'list', '-id', INVISIBLE_ID, '-mode', 'JSON'])
    assert.doesNotMatch(json.stdout, HIDDEN)
    assert.ok(json.stdout.includes(INVISIBLE_SHOWN.replaceAll(/\\u(\w{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`)), json.stdout)
    assert.ok(json.stdout.includes(JOINED), json.stdout)
    assert.equal((JSON.parse(json.stdout) as [{name: string}])[0].name, INVISIBLE)
    session.emulator.inject({path: '/find', status: 400, body: JSON.stringify({success: false, message: `no\u202Eway\u200B\u2028x`})})
    const failed = await session.run(['sec-tokens', 'list'])
    assert.equal(failed.code, 1)
    assert.match(failed.stderr, /^no\\u202eway\\u200b\\u2028x \(HTTP 400/)
  })
})
