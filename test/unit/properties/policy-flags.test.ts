import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {Parser} from '@oclif/core'
import fc from 'fast-check'

import {buildPolicy, policyFlags} from '../../../plugins/sec-tokens/src/policy-flags.js'
import type {SecurityPolicy} from '../../../plugins/sec-tokens/src/policy.js'
import {AGGREGATIONS, LOCATION_PRECISIONS} from '../../../plugins/sec-tokens/src/policy.js'

async function parse(argv: string[]): Promise<SecurityPolicy | undefined> {
  const {flags} = await Parser.parse(argv, {flags: policyFlags, strict: true})
  return buildPolicy(flags)
}

const spaces = fc.constantFrom('', ' ', '  ')
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), {minLength: text.length, maxLength: text.length})
    .map((upper) => Array.from(text, (c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''))

describe('policy flag properties', () => {
  it('node IDs: comma lists across repeats parse to the unique integers in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({min: 0, max: Number.MAX_SAFE_INTEGER}), {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 4}),
        spaces,
        async (groups, pad) => {
          const argv = groups.flatMap((ids) => ['--node-id', ids.join(`${pad},${pad}`)])
          const policy = await parse(argv)
          assert.ok(policy)
          assert.deepEqual(policy.nodeIds, [...new Set(groups.flat())])
        },
      ),
    )
  })

  it('enum names in any case become the canonical name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...AGGREGATIONS).chain((a) => fc.tuple(fc.constant(a), randomCase(a))),
        fc.constantFrom(...LOCATION_PRECISIONS).chain((p) => fc.tuple(fc.constant(p), randomCase(p))),
        async ([agg, aggInput], [loc, locInput]) => {
          const policy = await parse(['--min-aggregation', aggInput, '--location-precision', locInput])
          assert.ok(policy)
          assert.equal(policy.minAggregation, agg)
          assert.deepEqual(policy.locationPrecisions, [loc])
        },
      ),
    )
  })

  it('rejects anything that is not an integer, naming the option and the value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({unit: 'grapheme', minLength: 1, maxLength: 10}).filter((s) => s.trim() !== '' && !s.includes(',') && !/^\s*[+-]?\d+\s*$/.test(s)),
        async (bad) => {
          await assert.rejects(
            parse(['--node-id', `1,${bad}`]),
            (error: {reason?: string}) => error.reason === `Invalid value for option '--node-id': '${bad.trim()}' is not an integer`,
          )
        },
      ),
    )
  })

  it('source IDs and paths keep any text, minus surrounding spaces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({unit: 'grapheme', minLength: 1, maxLength: 10}).filter((s) => !s.includes(',') && s.trim() !== ''),
          {minLength: 1, maxLength: 4},
        ),
        async (ids) => {
          const policy = await parse(['--source-id', ids.join(','), '--api-path', ids.join(' , ')])
          const expected = [...new Set(ids.map((s) => s.trim()))]
          assert.ok(policy)
          assert.deepEqual(policy.sourceIds, expected)
          assert.deepEqual(policy.apiPaths, expected)
        },
      ),
    )
  })
})
