import type {StoredStream} from './datum-emulator.js'

const t = (iso: string) => Date.parse(iso)
const ZONE = 'Pacific/Auckland'
const METER_I = ['watts', 'current', 'voltage', 'frequency', 'realPower', 'powerFactor', 'phaseVoltage', 'apparentPower', 'reactivePower']

/** The `con/1` stream of the handbook's `datum list` examples (solarnetwork-datum.md §3.2, §3.3). */
export const CON_1 = '03c6bd01-9241-4771-ad3c-a1d5eb06b68a'
/** The generated stream for exports of any size: `generated` raw rows, a minute apart. */
export const BULK_STREAM = '99999999-0000-4000-8000-000000000001'

/**
 * The handbook's datum streams (solarnetwork-datum.md §4.2–§4.5, metadata as in its JSON), in the order its
 * `--instantaneous pcmLimit --accumulating wattHours` example lists them; con/1 has the four hourly rows, one
 * reading and two raw rows of §3.2–§3.3; switch/1 a raw row at the same time. Node 70 also has a generated stream
 * (`bulk/1`) of `bulkRows` raw rows, for exports of any size.
 */
export function exampleStreams(bulkRows = 0): StoredStream[] {
  const stream = (streamId: string, objectId: number, sourceId: string, names: Partial<StoredStream> = {}): StoredStream => ({
    streamId,
    kind: 'n',
    objectId,
    sourceId,
    zone: ZONE,
    ...names,
  })
  return [
    stream('2e16deac-bd95-4d4b-9668-4441f48aea17', 64, '/meter/1', {i: METER_I, a: ['wattHours']}),
    stream('a73f4797-d9aa-4496-b96c-04ad934b1550', 64, '/meter/2', {i: METER_I, a: ['wattHours']}),
    stream('2d19d690-2472-480d-afc0-240f830d4cd5', 70, 'meter/1', {i: ['watts', 'current', 'voltage', 'frequency'], a: ['wattHours', 'wh_half']}),
    stream(CON_1, 101, 'con/1', {
      i: ['watts', 'current', 'voltage', 'frequency', 'pcmLimit'],
      a: ['wattHours'],
      raw: [
        {ts: t('2025-08-21T00:00:12.345Z'), i: ['1158', '5.000019', '225.31104', '49.800034', null], a: ['8223839']},
        {ts: t('2025-08-21T00:01:12Z'), i: ['1421', '6.3110876', '231.64403', '49.852726', null], a: ['8223848'], tags: ['test']},
      ],
      aggregates: {
        Hour: [
          {
            ts: 1755723600000,
            i: [
              ['2473.9038461538461538', '52', '1153', '3518'],
              ['10.7490174230769231', '52', '5.0912933', '14.998348'],
              ['230.1490155769230769', '52', '225.00418', '234.99796'],
              ['49.9755515576923077', '52', '49.800114', '50.199997'],
              [null, '0', null, null],
            ],
            a: [['2078.5', '8186363', '8225742']],
          },
          {
            ts: 1755727200000,
            i: [
              ['2374.8166666666666667', '60', '1130', '3501'],
              ['10.3080711733333333', '60', '5.0031877', '14.948236'],
              ['230.273054', '60', '225.00723', '234.97006'],
              ['50.0040209666666667', '60', '49.800064', '50.2'],
              [null, '0', null, null],
            ],
            a: [['2347.3', '8225742', '8228086']],
          },
          {
            ts: 1755730800000,
            i: [
              ['2570.4528301886792453', '53', '1154', '3520'],
              ['11.1705456301886792', '53', '5.083911', '14.998905'],
              ['230.085467358490566', '53', '225.00075', '234.99974'],
              ['50.0041884150943396', '53', '49.80096', '50.19986'],
              [null, '0', null, null],
            ],
            a: [['-4254.24152242083932392196', '8228086', '8223839']],
          },
          {
            ts: 1755734400000,
            i: [
              ['1289.5', '2', '1158', '1421'],
              ['5.6555533', '2', '5.000019', '6.3110876'],
              ['228.477535', '2', '225.31104', '231.64403'],
              ['49.82638', '2', '49.800034', '49.852726'],
              [null, '0', null, null],
            ],
            a: [['8.44152242083932392196', '8223839', '8223848']],
          },
        ],
      },
      reading: {start: 1753474701000, end: 1755734898000, a: [['37485', '8186363', '8223848']]},
    }),
    stream('0c0fc45d-1e96-40cb-8aa0-07619b3158fd', 101, 'con/pcm', {i: ['watts', 'current', 'voltage', 'pcmLimit', 'frequency'], a: ['wattHours']}),
    stream('cc114908-cc0f-4680-a92e-718690742ba9', 101, 'gen/1', {i: ['watts', 'current', 'voltage', 'frequency'], a: ['wattHours']}),
    stream('f68e81cd-2ac3-4760-b449-16ebce64c15a', 101, 'switch/1', {s: ['val'], raw: [{ts: t('2025-08-21T00:00:00Z'), s: ['on']}]}),
    stream('6718cc51-e5fb-43a9-a33f-344bc34916f2', 101, 'power/limit', {i: ['v'], s: ['val']}),
    stream(BULK_STREAM, 70, 'bulk/1', {i: ['watts', 'current'], a: ['wattHours'], s: ['status'], generated: bulkRows}),
  ]
}
