import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {Parser} from '@oclif/core'

import {parseLocalDateTime, parseTimeZone, toEpochMillis} from '../../../src/time/local-time.js'
import {type PolicyFlagValues, buildPolicy, policyFlags} from '../../../plugins/sec-tokens/src/policy-flags.js'
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
      '2099-10-30T12:45',
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
      notAfter: 4097000700000,
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
    assert.deepEqual(parseLocalDateTime('2020-10-30', 'expiration-date'), {
      year: 2020,
      month: 10,
      day: 30,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    })
    assert.deepEqual(parseLocalDateTime('2020-10-30 12:45:30.25', 'expiration-date'), {
      year: 2020,
      month: 10,
      day: 30,
      hour: 12,
      minute: 45,
      second: 30,
      millisecond: 250,
    })
    assert.deepEqual(parseLocalDateTime('2020-10-30+12:00', 'expiration-date'), parseLocalDateTime('2020-10-30', 'expiration-date'))
    assert.deepEqual(parseLocalDateTime('2020-12-31T24:00', 'expiration-date'), {
      year: 2021,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    })
  })

  it('rejects incomplete or impossible dates', () => {
    for (const bad of ['2020-10-30T12', '20201030', '2020-1-3', '2020-02-30', '2020-10-30T25:00', 'tomorrow']) {
      assert.throws(() => parseLocalDateTime(bad, 'expiration-date'), /Invalid value for option '--expiration-date': cannot convert/, bad)
    }
  })

  it('converts in a zone, an offset or UTC', () => {
    const local = parseLocalDateTime('2020-10-30T12:45', 'expiration-date')
    assert.equal(toEpochMillis(local, parseTimeZone('Pacific/Auckland')), 1604015100000)
    assert.equal(toEpochMillis(local, parseTimeZone('UTC')), 1604061900000)
    assert.equal(toEpochMillis(local, parseTimeZone('-05:00')), 1604061900000 + 5 * 3_600_000)
    assert.equal(toEpochMillis(local, parseTimeZone('GMT+5')), 1604061900000 - 5 * 3_600_000)
  })

  it('takes years literally', () => {
    assert.equal(
      new Date(toEpochMillis(parseLocalDateTime('0050-06-01', 'expiration-date'), parseTimeZone('UTC'))).toISOString(),
      '0050-06-01T00:00:00.000Z',
    )
    assert.equal(
      new Date(toEpochMillis(parseLocalDateTime('0099-12-31T23:59', 'expiration-date'), parseTimeZone('Europe/Paris'))).getUTCFullYear(),
      99,
    )
    // the T24:00 roll-over and the month lengths too: year 50 stays 50, and year 0 is a leap year (1900 was not)
    assert.deepEqual(parseLocalDateTime('0050-06-01T24:00', 'expiration-date'), {
      year: 50,
      month: 6,
      day: 2,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    })
    assert.deepEqual(parseLocalDateTime('0099-12-31T24:00', 'expiration-date'), {
      year: 100,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    })
    assert.equal(parseLocalDateTime('0000-02-29', 'expiration-date').day, 29)
    assert.throws(
      () => buildPolicy({'expiration-date': parseLocalDateTime('0050-06-01T24:00', 'expiration-date')} as PolicyFlagValues),
      (error: Error) => error.message.includes('0050-06-02T00:00:00.000Z is in the past') && !error.message.includes('1950'),
    )
  })

  it('takes the earlier instant of a time that occurs twice and moves a skipped time later, as Java does', () => {
    const at = (local: string, zone: string) =>
      new Date(toEpochMillis(parseLocalDateTime(local, 'expiration-date'), parseTimeZone(zone))).toISOString()
    // clocks go back at 02:00 EDT to 01:00 EST: 01:30 happens twice
    assert.equal(at('2025-11-02T01:30', 'America/New_York'), '2025-11-02T05:30:00.000Z')
    assert.equal(at('2021-04-04T02:30', 'Pacific/Auckland'), '2021-04-03T13:30:00.000Z')
    // clocks go forward at 02:00 EST to 03:00 EDT: 02:30 is 03:30 EDT
    assert.equal(at('2025-03-09T02:30', 'America/New_York'), '2025-03-09T07:30:00.000Z')
    assert.equal(at('2025-07-01T12:00', 'America/New_York'), '2025-07-01T16:00:00.000Z')
  })

  it('refuses an expiration date in the past', async () => {
    const {flags} = await Parser.parse(['--expiration-date', '2020-10-30', '--time-zone', 'UTC'], {flags: policyFlags, strict: true})
    assert.throws(() => buildPolicy(flags), {
      message: "Invalid value for option '--expiration-date': 2020-10-30T00:00:00.000Z is in the past; a token would expire at once",
    })
    assert.equal(buildPolicy(flags, Date.UTC(2020, 0, 1))?.notAfter, Date.UTC(2020, 9, 30))
  })

  it('uses the local zone when none is given', () => {
    // a zone that is not UTC (CI's default), so that ignoring the local zone gives another instant
    const saved = process.env.TZ
    process.env.TZ = 'Pacific/Auckland'
    try {
      const local = parseLocalDateTime('2020-10-30T12:45', 'expiration-date')
      assert.equal(toEpochMillis(local), Date.UTC(2020, 9, 29, 23, 45))
      assert.equal(toEpochMillis(local), new Date(2020, 9, 30, 12, 45).getTime())
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, 'TZ')
      else process.env.TZ = saved
    }
  })

  it('rejects unknown zones and impossible offsets', () => {
    assert.throws(() => parseTimeZone('Foo/Bar'), /Invalid value for option '--time-zone': unknown time zone 'Foo\/Bar'/)
    assert.throws(() => parseTimeZone('+19:00'), /offsets range from -18:00 to \+18:00/)
  })
})
