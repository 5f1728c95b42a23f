import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import fc from 'fast-check'

import NodesMetaCsvGet from '../../../plugins/nodes/src/commands/nodes/meta/csv-get.js'
import NodesMetaCsvSet from '../../../plugins/nodes/src/commands/nodes/meta/csv-set.js'
import NodesMetaList from '../../../plugins/nodes/src/commands/nodes/meta/list.js'
import {cliEnv} from '../../support/cli.js'
import {runInProcess, testIO, useProcessEnv} from '../../support/in-process.js'
import {parseJsonBody} from '../../support/nodes-emulator.js'
import {useSession} from '../../support/session.js'

const noLoneSurrogate = (text: string): boolean => !/\p{Surrogate}/u.test(text)

/** Text that reads as something else, or that CSV and terminals treat specially. */
const tricky = fc.constantFrom(
  '123',
  '-0',
  '1.50',
  '1e3',
  'true',
  'null',
  '"q"',
  '[1]',
  '{}',
  '',
  ' ',
  ' x ',
  '\t',
  'a\r\nb',
  '"',
  ',',
  '#c',
  '\u0007\u001b[2K',
  'é 𝄞',
)
const text = fc.oneof(tricky, fc.string({unit: 'binary', maxLength: 12}).filter(noLoneSurrogate))
/** Keys of letters, digits, spaces, punctuation but '/', non-ASCII, and the names of prototypes. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', ' a ', 'a b', 'ünï', '#x', '"q"', '1', 'true', 'a,b', 'x\ty'),
  fc.string({unit: 'binary', minLength: 1, maxLength: 8}).filter((k) => !k.includes('/') && noLoneSurrogate(k)),
)
/** JSON number text: big integers, decimals with trailing zeros, exponents. */
const number = fc.oneof(
  fc.bigInt({min: -(10n ** 30n), max: 10n ** 30n}).map(String),
  fc
    .tuple(fc.bigInt({min: -(10n ** 20n), max: 10n ** 20n}), fc.stringMatching(/^\d{1,6}$/), fc.integer({min: -20, max: 20}))
    .map(([whole, fraction, exponent]) => `${whole}.${fraction}${exponent === 0 ? '' : `e${exponent}`}`),
)

const object = (member: fc.Arbitrary<string>, minLength = 0) =>
  fc
    .uniqueArray(fc.tuple(key, member), {minLength, maxLength: 4, selector: ([k]) => k})
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)

/** JSON values as text; no null inside objects (the Java tool's mapper drops map nulls, so s10k does too). */
const {value} = fc.letrec<{value: string; array: string}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    text.map((t) => JSON.stringify(t)),
    number,
    fc.constantFrom('true', 'false'),
    tie('array'),
    object(tie('value')),
  ),
  array: fc.array(fc.oneof(tie('value'), fc.constant('null')), {maxLength: 3}).map((items) => `[${items.join(',')}]`),
}))

const metadata = fc
  .record({
    m: fc.option(object(value, 1), {nil: undefined}),
    pm: fc.option(object(object(value), 1), {nil: undefined}),
    t: fc.uniqueArray(text, {maxLength: 4}),
  })
  .map(({m, pm, t}) => {
    const members = [m && `"m":${m}`, pm && `"pm":${pm}`, t.length > 0 && `"t":${JSON.stringify(t)}`].filter(Boolean)
    return `{${members.join(',')}}`
  })

describe('metadata round trip properties (in-process CLI, emulator)', () => {
  const session = useSession()
  useProcessEnv(() => cliEnv(session.home.path))

  it('csv-get -mode CSV (to a pipe) -> csv-set reproduces the metadata exactly', async () => {
    const nodes = session.emulator.nodes.nodes
    nodes.get(102)!.userId = 123
    const list = async (id: number) => (await runInProcess(NodesMetaList, ['-node', String(id), '-mode', 'JSON'], testIO())).out
    await fc.assert(
      fc.asyncProperty(metadata, async (json) => {
        if (json === '{}') return
        nodes.get(101)!.metadata = {
          created: '2025-08-30 03:36:06Z',
          updated: '2025-08-30 03:36:06Z',
          meta: parseJsonBody(json) as Record<string, unknown>,
        }
        delete nodes.get(102)!.metadata
        const get = await runInProcess(NodesMetaCsvGet, ['-node', '101', '-mode', 'CSV'], testIO())
        assert.equal(get.code, 0, get.err)
        const set = await runInProcess(NodesMetaCsvSet, ['-node', '102'], testIO({input: get.out}))
        assert.equal(set.code, 0, `${set.err}\n${get.out}`)
        assert.equal(await list(102), await list(101), get.out)
      }),
      {numRuns: 60},
    )
  })
})
