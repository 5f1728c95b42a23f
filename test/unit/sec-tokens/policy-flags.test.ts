import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {Parser} from '@oclif/core'

import {parseLocalDateTime, parseTimeZone, toEpochMillis} from '../../../plugins/sec-tokens/src/expiration.js'
import {buildPolicy, policyFlags} from '../../../plugins/sec-tokens/src/policy-flags.js'
import type {SecurityPolicy} from '../../../plugins/sec-tokens/src/policy.js'

async function policyFrom(...argv: string[]): Promise<SecurityPolicy | undefined> {
  const {flags} = await Parser.parse(argv, {flags: policyFlags, strict: true})
  return buildPolicy(flags)
}

async function parseError(...argv: string[]): Promise<string> {
  try {
    await Parser.parse(argv, {flags: policyFlags, strict: true})
  } catch (error) {
    return (error as {reason?: string; message: string}).reason ?? (error as Error).message
  }
  throw new Error('expected a parse error')
}

describe('policy flags', () => {
  it('builds no policy when none is given, not even for --time-zone alone', async () => {
    assert.equal(await policyFrom(), undefined)
    assert.equal(await policyFrom('--time-zone', 'UTC'), undefined)
  })

  it('splits comma lists, keeps order across repeats and drops duplicates', async () => {
    const policy = await policyFrom('--node-id', '107, 164', '--node-id=5,107', '--source-id', '/B/**,/A/**', '--api-path', '/a', '--api-path', '/a')
    assert.ok(policy)
    assert.deepEqual(policy.nodeIds, [107, 164, 5])
    assert.deepEqual(policy.sourceIds, ['/B/**', '/A/**'])
    assert.deepEqual(policy.apiPaths, ['/a'])
  })

  it('reads enum names in any case and sends the canonical spelling', async () => {
    const policy = await policyFrom('--min-aggregation', 'fiveminute', '--location-precision', 'postalcode,BLOCK')
    assert.ok(policy)
    assert.equal(policy.minAggregation, 'FiveMinute')
    assert.deepEqual(policy.locationPrecisions, ['PostalCode', 'Block'])
  })

  it('reads metadata paths, refresh and expiry', async () => {
    const policy = await policyFrom(
      '-N',
      '/pm/**',
      '-U',
      '/um/a,/um/b',
      '-r',
      '--expiration-date',
      '2020-10-30T12:45',
      '--time-zone',
      'Pacific/Auckland',
    )
    assert.deepEqual(policy, {
      nodeIds: undefined,
      sourceIds: undefined,
      minAggregation: undefined,
      aggregations: undefined,
      minLocationPrecision: undefined,
      locationPrecisions: undefined,
      nodeMetadataPaths: ['/pm/**'],
      userMetadataPaths: ['/um/a', '/um/b'],
      apiPaths: undefined,
      notAfter: 1604015100000,
      refreshAllowed: true,
    })
  })

  it('rejects bad values with a message naming the option and the allowed values', async () => {
    assert.equal(await parseError('--node-id', '1,a'), "Invalid value for option '--node-id': 'a' is not an integer")
    assert.match(
      await parseError('--aggregation', 'Day,xyz'),
      /^Invalid value for option '--aggregation': expected one of None, Minute, .* RunningTotal \(case-insensitive\) but was 'xyz'$/,
    )
    assert.match(
      await parseError('--min-location-precision', 'Planet'),
      /expected one of LatLong, Block, .* Country \(case-insensitive\) but was 'Planet'/,
    )
  })
})

describe('expiration date and time zone', () => {
  it("accepts the Java tool's forms, ignoring any offset", () => {
    assert.deepEqual(parseLocalDateTime('2020-10-30'), {year: 2020, month: 10, day: 30, hour: 0, minute: 0, second: 0, millisecond: 0})
    assert.deepEqual(parseLocalDateTime('2020-10-30 12:45:30.25'), {
      year: 2020,
      month: 10,
      day: 30,
      hour: 12,
      minute: 45,
      second: 30,
      millisecond: 250,
    })
    assert.deepEqual(parseLocalDateTime('2020-10-30+12:00'), parseLocalDateTime('2020-10-30'))
    assert.deepEqual(parseLocalDateTime('2020-12-31T24:00'), {year: 2021, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0})
  })

  it('rejects incomplete or impossible dates', () => {
    for (const bad of ['2020-10-30T12', '20201030', '2020-1-3', '2020-02-30', '2020-10-30T25:00', 'tomorrow']) {
      assert.throws(() => parseLocalDateTime(bad), /Invalid value for option '--expiration-date': cannot convert/, bad)
    }
  })

  it('converts in a zone, an offset or UTC', async () => {
    const local = parseLocalDateTime('2020-10-30T12:45')
    assert.equal(await toEpochMillis(local, parseTimeZone('Pacific/Auckland')), 1604015100000)
    assert.equal(await toEpochMillis(local, parseTimeZone('UTC')), 1604061900000)
    assert.equal(await toEpochMillis(local, parseTimeZone('-05:00')), 1604061900000 + 5 * 3_600_000)
    assert.equal(await toEpochMillis(local, parseTimeZone('GMT+5')), 1604061900000 - 5 * 3_600_000)
  })

  it('uses the local zone when none is given', async () => {
    const local = parseLocalDateTime('2020-10-30T12:45')
    assert.equal(await toEpochMillis(local), new Date(2020, 9, 30, 12, 45).getTime())
  })

  it('rejects unknown zones and impossible offsets', () => {
    assert.throws(() => parseTimeZone('Foo/Bar'), /Invalid value for option '--time-zone': unknown time zone 'Foo\/Bar'/)
    assert.throws(() => parseTimeZone('+19:00'), /offsets range from -18:00 to \+18:00/)
  })
})
