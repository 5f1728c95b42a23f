import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {PRETTY_MAX_ROWS} from '../../plugins/datum/src/datum-table.js'
import {BULK_STREAM, CON_1} from '../support/datum-fixtures.js'
import type {RunOptions} from '../support/in-process.js'
import {useSession} from '../support/session.js'

const DATUM = '/solarquery/api/v1/sec/datum/stream/datum'
const READING = '/solarquery/api/v1/sec/datum/stream/reading'
const GEN_1 = 'cc114908-cc0f-4680-a92e-718690742ba9'
const SWITCH_1 = 'f68e81cd-2ac3-4760-b449-16ebce64c15a'
const POWER_LIMIT = '6718cc51-e5fb-43a9-a33f-344bc34916f2'
const CON_PCM = '0c0fc45d-1e96-40cb-8aa0-07619b3158fd'

/** The handbook's first `datum list` example (system zone Pacific/Auckland, set below). */
const HOURLY = ['--node-id', '101', '--source-id', 'con/1', '--min-date', '2025-08-21', '--max-date', '2025-08-22', '--aggregation', 'Hour']
const READING_ARGS = ['--node-id', '101', '--source-id', 'con/1', '--min-date', '2025-08-21', '--max-date', '2025-08-22', '--reading', 'Difference']

const CSV_HEADER =
  'ts_start,ts_end,streamId,objectId,sourceId,watts,watts_count,watts_min,watts_max,current,current_count,current_min,current_max,voltage,' +
  'voltage_count,voltage_min,voltage_max,frequency,frequency_count,frequency_min,frequency_max,pcmLimit,pcmLimit_count,pcmLimit_min,' +
  'pcmLimit_max,wattHours,wattHours_start,wattHours_end,tags'

const META_CON_1 =
  '{"streamId":"03c6bd01-9241-4771-ad3c-a1d5eb06b68a","zone":"Pacific/Auckland","kind":"n","objectId":101,"sourceId":"con/1",' +
  '"i":["watts","current","voltage","frequency","pcmLimit"],"a":["wattHours"]}'

/** A table from its lines: every line ends with a line feed. */
const table = (...lines: string[]) => lines.map((l) => l + '\n').join('')
/** CSV records: every one ends with CRLF. */
const csv = (...records: string[]) => records.map((r) => r + '\r\n').join('')

describe('datum (in-process, against the emulator)', () => {
  const session = useSession()
  /** `s10k datum <command> <argv>` in this process, the system zone Pacific/Auckland. */
  const datum = (command: string, argv: string[], options: Omit<RunOptions, 'home' | 'env'> = {}) =>
    session.run(['datum', ...command.split(' '), ...argv], {...options, env: {TZ: 'Pacific/Auckland'}})
  const list = (argv: string[], options: Omit<RunOptions, 'home' | 'env'> = {}) => datum('list', argv, options)
  /** The streams in the order the handbook's database listed them (the service's SQL has no ORDER BY). */
  const order = (...ids: string[]) => {
    const streams = session.emulator.datum.streams
    session.emulator.datum.streams = [
      ...ids.map((id) => streams.find((s) => s.streamId === id)!),
      ...streams.filter((s) => !ids.includes(s.streamId)),
    ]
  }
  const lastQuery = () => {
    const r = session.emulator.requests.at(-1)!
    assert.ok(r.auth.ok, 'the signature was accepted')
    return `${r.path}?${r.queryParams.map(([k, v]) => `${k}=${v}`).join('&')}`
  }

  describe('datum list: the handbook examples', () => {
    it('hourly aggregate: PRETTY, CSV and JSON, byte for byte, and the request of §4.1.3', async () => {
      const pretty = await list(HOURLY)
      assert.equal(pretty.code, 0, pretty.stderr)
      const rule = '+----------------------+-----------+-----------+----------+---------+---------+-----------+----------+-----------+'
      assert.equal(
        pretty.stdout,
        table(
          rule,
          '| Timestamp Start      | Object ID | Source ID | watts    | current | voltage | frequency | pcmLimit | wattHours |',
          rule,
          '| 2025-08-20T21:00:00Z | 101       | con/1     | 2473.904 |  10.749 | 230.149 |    49.976 |          |    2078.5 |',
          rule,
          '| 2025-08-20T22:00:00Z | 101       | con/1     | 2374.817 |  10.308 | 230.273 |    50.004 |          |    2347.3 |',
          rule,
          '| 2025-08-20T23:00:00Z | 101       | con/1     | 2570.453 |  11.171 | 230.085 |    50.004 |          | -4254.242 |',
          rule,
          '| 2025-08-21T00:00:00Z | 101       | con/1     |   1289.5 |   5.656 | 228.478 |    49.826 |          |     8.442 |',
          rule,
        ),
      )
      assert.equal(lastQuery(), `${DATUM}?nodeIds=101&sourceIds=con/1&startDate=2025-08-20T12:00&endDate=2025-08-21T12:00&aggregation=Hour`)
      const asCsv = await list([...HOURLY, '-mode', 'CSV'])
      assert.equal(
        asCsv.stdout,
        csv(
          CSV_HEADER,
          '2025-08-20T21:00:00Z,,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,2473.9038461538461538,52,1153,3518,10.7490174230769231,52,5.0912933,14.998348,230.1490155769230769,52,225.00418,234.99796,49.9755515576923077,52,49.800114,50.199997,,0,,,2078.5,8186363,8225742,',
          '2025-08-20T22:00:00Z,,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,2374.8166666666666667,60,1130,3501,10.3080711733333333,60,5.0031877,14.948236,230.273054,60,225.00723,234.97006,50.0040209666666667,60,49.800064,50.2,,0,,,2347.3,8225742,8228086,',
          '2025-08-20T23:00:00Z,,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,2570.4528301886792453,53,1154,3520,11.1705456301886792,53,5.083911,14.998905,230.085467358490566,53,225.00075,234.99974,50.0041884150943396,53,49.80096,50.19986,,0,,,-4254.24152242083932392196,8228086,8223839,',
          '2025-08-21T00:00:00Z,,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,1289.5,2,1158,1421,5.6555533,2,5.000019,6.3110876,228.477535,2,225.31104,231.64403,49.82638,2,49.800034,49.852726,,0,,,8.44152242083932392196,8223839,8223848,',
        ),
      )
      assert.equal(session.emulator.requests.at(-1)?.headers.accept, 'text/csv')
      const json = await list([...HOURLY, '-mode', 'JSON'])
      assert.equal(
        json.stdout,
        `{"success":true,"meta":[${META_CON_1}],"data":[[0,[1755723600000,null],[2473.9038461538461538,52,1153,3518],[10.7490174230769231,52,5.0912933,14.998348],[230.1490155769230769,52,225.00418,234.99796],[49.9755515576923077,52,49.800114,50.199997],[null,0,null,null],[2078.5,8186363,8225742]],[0,[1755727200000,null],[2374.8166666666666667,60,1130,3501],[10.3080711733333333,60,5.0031877,14.948236],[230.273054,60,225.00723,234.97006],[50.0040209666666667,60,49.800064,50.2],[null,0,null,null],[2347.3,8225742,8228086]],[0,[1755730800000,null],[2570.4528301886792453,53,1154,3520],[11.1705456301886792,53,5.083911,14.998905],[230.085467358490566,53,225.00075,234.99974],[50.0041884150943396,53,49.80096,50.19986],[null,0,null,null],[-4254.24152242083932392196,8228086,8223839]],[0,[1755734400000,null],[1289.5,2,1158,1421],[5.6555533,2,5.000019,6.3110876],[228.477535,2,225.31104,231.64403],[49.82638,2,49.800034,49.852726],[null,0,null,null],[8.44152242083932392196,8223839,8223848]]]}\n`,
      )
    })

    it('reading difference: PRETTY, CSV and JSON, byte for byte', async () => {
      const pretty = await list(READING_ARGS)
      const rule = '+----------------------+----------------------+-----------+-----------+-----------+'
      assert.equal(
        pretty.stdout,
        table(
          rule,
          '| Timestamp            | Timestamp End        | Object ID | Source ID | wattHours |',
          rule,
          '| 2025-07-25T20:18:21Z | 2025-08-21T00:08:18Z | 101       | con/1     |     37485 |',
          rule,
        ),
      )
      assert.equal(lastQuery(), `${READING}?nodeIds=101&sourceIds=con/1&startDate=2025-08-20T12:00&endDate=2025-08-21T12:00&readingType=Difference`)
      const asCsv = await list([...READING_ARGS, '-mode', 'CSV'])
      assert.equal(
        asCsv.stdout,
        csv(
          CSV_HEADER,
          '2025-07-25T20:18:21Z,2025-08-21T00:08:18Z,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,,,,,,,,,,,,,,,,,,,,,37485,8186363,8223848,',
        ),
      )
      const json = await list([...READING_ARGS, '-mode', 'JSON'])
      assert.equal(
        json.stdout,
        `{"success":true,"meta":[${META_CON_1}],"data":[[0,[1753474701000,1755734898000],null,null,null,null,null,[37485,8186363,8223848]]]}\n`,
      )
    })

    it('raw datum, with -S and -prop, and the raw CSV of §3.3', async () => {
      const raw = ['-node', '101', '-source', 'con/1', '-min', '2025-08-21', '-max', '2025-08-22']
      const rule = '+--------------------------+-----------+-----------+-------+---------+---------+-----------+----------+-----------+'
      assert.equal(
        (await list(raw)).stdout,
        table(
          rule,
          '| Timestamp                | Object ID | Source ID | watts | current | voltage | frequency | pcmLimit | wattHours |',
          rule,
          '| 2025-08-21T00:00:12.345Z | 101       | con/1     |  1158 |       5 | 225.311 |      49.8 |          |   8223839 |',
          rule,
          '| 2025-08-21T00:01:12Z     | 101       | con/1     |  1421 |   6.311 | 231.644 |    49.853 |          |   8223848 |',
          rule,
        ),
      )
      const narrow = '+--------------------------+--------------------------------------+-----------+-----------+-------+-----------+'
      assert.equal(
        (await list([...raw, '-S', '-prop', 'watts,wattHours', '-M', '1'])).stdout,
        table(
          narrow,
          '| Timestamp                | Stream ID                            | Object ID | Source ID | watts | wattHours |',
          narrow,
          '| 2025-08-21T00:00:12.345Z | 03c6bd01-9241-4771-ad3c-a1d5eb06b68a | 101       | con/1     |  1158 |   8223839 |',
          narrow,
        ),
      )
      assert.equal(
        (await list([...raw, '-mode', 'CSV'])).stdout,
        csv(
          'ts,streamId,objectId,sourceId,watts,current,voltage,frequency,pcmLimit,wattHours,tags',
          '2025-08-21T00:00:12.345Z,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,1158,5.000019,225.31104,49.800034,,8223839,',
          '2025-08-21T00:01:12Z,03c6bd01-9241-4771-ad3c-a1d5eb06b68a,101,con/1,1421,6.3110876,231.64403,49.852726,,8223848,test',
        ),
      )
    })

    it('no rows: a header-only table, no CSV at all, JSON without data; all exit 0', async () => {
      const none = ['-node', '101', '-source', 'con/1', '-min', '2020-01-01', '-max', '2020-01-02']
      const hourly = await list([...none, '-agg', 'Hour'])
      const rule = '+-----------------+-----------+-----------+'
      assert.equal(hourly.stdout, table(rule, '| Timestamp Start | Object ID | Source ID |', rule, rule))
      assert.equal(
        (await list(none)).stdout,
        table(
          '+-----------+-----------+-----------+',
          '| Timestamp | Object ID | Source ID |',
          '+-----------+-----------+-----------+',
          '+-----------+-----------+-----------+',
        ),
      )
      const empty = await list([...none, '-mode', 'CSV'])
      assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '', ''])
      // an empty CSV answer is checked with the same query as JSON for one row, which tells no rows from a refusal
      assert.equal(session.emulator.requests.at(-1)?.headers.accept, 'application/json')
      assert.match(lastQuery(), /&max=1$/)
      const json = await list([...none, '-mode', 'JSON'])
      assert.equal(json.stdout, `{"success":true,"meta":[${META_CON_1}],"data":[]}\n`)
      const nothing = await list(['-node', '101', '-source', 'nothing', '-mode', 'JSON'])
      assert.deepEqual([nothing.code, nothing.stdout], [0, '{"success":true}\n'])
    })
  })

  describe('datum list: the Java bugs, fixed', () => {
    it('B1: --tolerance is sent', async () => {
      await list([...READING_ARGS, '-tol', 'p7d'])
      assert.match(lastQuery(), /&readingType=Difference&tolerance=P7D$/)
    })

    it('B2: a lone local date is sent', async () => {
      await list(['-node', '101', '-source', 'con/1', '-min', '2025-08-21T12:00', '-local'])
      assert.equal(lastQuery(), `${DATUM}?nodeIds=101&sourceIds=con/1&localStartDate=2025-08-21T12:00`)
      await list(['-node', '101', '-max', '2025-08-22', '--local-dates', '-tz', 'UTC'])
      assert.equal(lastQuery(), `${DATUM}?nodeIds=101&localEndDate=2025-08-22`)
    })

    it('B3: an HTTP error in CSV or JSON mode is one line on stderr and exit 1, with nothing on stdout', async () => {
      for (const mode of ['CSV', 'JSON']) {
        const result = await list(['-mode', mode])
        assert.equal(result.code, 1)
        assert.equal(result.stdout, '')
        assert.equal(result.stderr, `A node or stream ID is required. (HTTP 422 from GET ${session.url}${DATUM})\n`)
      }
      const reading = await list(['-node', '101', '-read', 'Difference', '-mode', 'CSV'])
      assert.deepEqual([reading.code, reading.stdout], [1, ''])
      assert.match(reading.stderr, /^A date range is required\. \(HTTP 422/)
    })

    it('B4: PRETTY puts every value under its own column, whatever mix of streams', async () => {
      const result = await list([
        '-node',
        '101',
        '-source',
        'con/1,switch/1',
        '-min',
        '2025-08-21',
        '-max',
        '2025-08-22',
        '-prop',
        'watts,val,wattHours',
      ])
      const rule = '+--------------------------+-----------+-----------+-------+-----+-----------+'
      assert.equal(
        result.stdout,
        table(
          rule,
          '| Timestamp                | Object ID | Source ID | watts | val | wattHours |',
          rule,
          '| 2025-08-21T00:00:12.345Z | 101       | con/1     |  1158 |     |   8223839 |',
          rule,
          '| 2025-08-21T00:01:12Z     | 101       | con/1     |  1421 |     |   8223848 |',
          rule,
          '| 2025-08-21T00:00:00Z     | 101       | switch/1  |       | on  |           |',
          rule,
        ),
      )
    })

    it('B5: one-character source IDs in -ident work; the pairs become node and source sets', async () => {
      await list(['-ident', '102:Meter/2,101:con/1,101:ab,102:meter/10,101:x', '-mode', 'JSON'])
      assert.equal(lastQuery(), `${DATUM}?nodeIds=101,102&sourceIds=ab,con/1,x,Meter/2,meter/10`)
      const bad = await list(['-ident', '101'])
      assert.equal(bad.code, 2)
      assert.match(bad.stderr, /^Invalid value for option '--stream-ident': '101' is not objectId:sourceId/)
    })

    it('B8: an empty 200 answer is a clear message and exit 1, in every mode', async () => {
      // node 202 is another user's: the service ends the answer before writing anything (§3.5)
      for (const mode of ['PRETTY', 'CSV', 'JSON']) {
        const result = await list(['-node', '202', '-mode', mode])
        assert.equal(result.code, 1, mode)
        assert.equal(result.stdout, '')
        assert.match(
          result.stderr,
          /^The service sent an empty answer to GET \/solarquery\/api\/v1\/sec\/datum\/stream\/datum: the token may not read/,
        )
        assert.equal(result.stderr.split('\n').length, 2)
      }
    })

    it('usage errors: before any request', async () => {
      for (const [argv, message] of [
        [['-node', '1', '-loc', '2'], /mutually exclusive/],
        [['-stream', 'abc'], /^Invalid value for option '--stream-id': cannot convert 'abc' to UUID/],
        [['-agg', 'hourly'], /^Invalid value for option '--aggregation': expected one of None, Minute, .* but was 'hourly'/],
        [['-read', 'diff'], /^Invalid value for option '--reading'/],
        [['-tol', '7D'], /^Invalid value for option '--tolerance'/],
        [['-M', 'x'], /^Invalid value for option '--max': 'x' is not an integer/],
        [['--stream-ident-kind', 'x'], /^Invalid value for option '--stream-ident-kind'/],
        [['-ident', '101:a', '-node', '101'], /^--stream-ident names the nodes and sources itself/],
      ] as const) {
        const result = await list([...argv])
        assert.equal(result.code, 2, String(argv))
        assert.match(result.stderr, message)
      }
      assert.deepEqual(session.emulator.requests, [])
    })

    it('options: UUIDs as Java reads them, -M and -O, -recent, -pagg, --stream-ident-kind', async () => {
      await list([
        '-stream',
        '1-1-1-1-1,03C6BD01-9241-4771-AD3C-A1D5EB06B68A',
        '-recent',
        '-pagg',
        'day',
        '-agg',
        'MONTH',
        '-M',
        '5',
        '-O',
        '2',
        '-mode',
        'CSV',
      ])
      assert.equal(
        lastQuery(),
        `${DATUM}?streamIds=00000001-0001-0001-0001-000000000001,${CON_1}&mostRecent=true&aggregation=Month&partialAggregation=Day&offset=2&max=1`,
      )
      const first = session.emulator.requests.at(-2)!
      assert.equal(new URLSearchParams(first.query).get('max'), '5')
      assert.equal(new URLSearchParams(first.query).get('offset'), '2')
      await list(['-ident', '11532079:weather', '--stream-ident-kind', 'l', '-M', '-1', '-O', '0', '-mode', 'JSON'])
      assert.equal(lastQuery(), `${DATUM}?locationIds=11532079&sourceIds=weather`)
    })
  })

  describe('datum list: streaming', () => {
    it('a failure part way through CSV: whole rows only, then one line saying how many were written, exit 1', async () => {
      session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = 5000
      const whole = await list(['-stream', BULK_STREAM, '-mode', 'CSV'])
      assert.equal(whole.code, 0, whole.stderr)
      session.emulator.datum.fault = {afterRows: 1234, action: 'reset'}
      const result = await list(['-stream', BULK_STREAM, '-mode', 'CSV'])
      assert.equal(result.code, 1)
      // a connection that breaks may lose what was in flight, so the rows written are at most those sent
      const said =
        /^the answer from http:\/\/127\.0\.0\.1:\d+\/solarquery\/api\/v1\/sec\/datum\/stream\/datum broke off: connection (reset|closed early); ([\d,]+) rows were written, so the output is incomplete\n$/.exec(
          result.stderr,
        )
      assert.ok(said, result.stderr)
      const written = Number(said[2].replaceAll(',', ''))
      assert.ok(written > 0 && written <= 1234, `${written} rows`)
      const records = result.stdout.split('\r\n')
      assert.equal(records.pop(), '', 'the output ends with a whole record')
      assert.equal(records.length, written + 1, 'the header and the rows said')
      assert.ok(whole.stdout.startsWith(result.stdout), 'the rows are the service rows, whole')
    })

    it('a failure part way through JSON: a prefix of the service JSON, and the row count', async () => {
      session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = 5000
      const whole = await list(['-stream', BULK_STREAM, '-mode', 'JSON'])
      assert.equal(whole.code, 0, whole.stderr)
      session.emulator.datum.fault = {afterRows: 700, action: 'reset'}
      const result = await list(['-stream', BULK_STREAM, '-mode', 'JSON'])
      assert.equal(result.code, 1)
      const said = /broke off: connection (reset|closed early); ([\d,]+) rows were written, so the output is incomplete\n$/.exec(result.stderr)
      assert.ok(said, result.stderr)
      const written = Number(said[2].replaceAll(',', ''))
      assert.ok(written > 0 && written <= 700, `${written} rows`)
      assert.ok(result.stdout.startsWith('{"success":true,"meta":[{"streamId":"99999999-0000-4000-8000-000000000001"'))
      assert.ok(whole.stdout.startsWith(result.stdout), "a prefix of the service's JSON text")
      // that prefix holds the rows said, whole; the text may end inside the next row, wherever the break fell
      assert.equal(result.stdout.match(/\[0,\d{13},[^[\]]*\]/g)?.length, written)
    })

    it('an answer that goes quiet: the idle limit (response-timeout) ends it', async () => {
      writeFileSync(
        join(session.home.path, '.s10k', 'config'),
        `[service-urls]\nsolaruser = "${session.url}"\nsolarquery = "${session.url}"\n[http]\nresponse-timeout = 0.5\n`,
      )
      session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = 2000
      session.emulator.datum.pace = {rows: 500, ms: 200}
      session.emulator.datum.fault = {afterRows: 1500, action: 'stall'}
      const result = await list(['-stream', BULK_STREAM, '-mode', 'CSV'])
      assert.equal(result.code, 1)
      // paced chunks 0.2 s apart are within the idle limit; only the stall ends the run (no total deadline)
      assert.equal(
        result.stderr,
        `no data from ${session.url}${DATUM} for 0.5 s (response-timeout under [http] in ~/.s10k/config); 1,500 rows were written, so the output is incomplete\n`,
      )
      assert.equal(result.stdout.split('\r\n').length, 1502)
    })

    it('progress on stderr at a terminal when stdout is not one, gone at the end; never on stdout', async () => {
      session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = 1500
      session.emulator.datum.pace = {rows: 100, ms: 100}
      const result = await list(['-stream', BULK_STREAM, '-mode', 'CSV'], {stderrIsTerminal: true})
      assert.equal(result.code, 0, result.stderr)
      // eslint-disable-next-line no-control-regex -- the progress line ends with an erase-line sequence
      assert.match(result.stderr, /^\r\d{1,3}(,\d{3})? rows, \d+\.\d MB, \d+ s, [\d,]+ rows\/s\u001b\[K/)
      assert.ok(result.stderr.endsWith('\r\u001b[K'), 'the progress line is removed at the end')
      assert.ok(!result.stdout.includes('\u001b'), 'stdout holds only the data')
      assert.equal(result.stdout.split('\r\n').length, 1502)
      const quiet = await list(['-stream', BULK_STREAM, '-mode', 'CSV'])
      assert.equal(quiet.stderr, '', 'no progress when stderr is not a terminal')
    })

    it('PRETTY stops above its row limit with a hint, having closed the request', async () => {
      // one row over the limit, then silence: only counting the rows ends the run (no timing involved)
      session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = PRETTY_MAX_ROWS + 2
      session.emulator.datum.fault = {afterRows: PRETTY_MAX_ROWS + 1, action: 'stall'}
      // should s10k miss the limit, the silence ends the run, with a different message
      writeFileSync(
        join(session.home.path, '.s10k', 'config'),
        `[service-urls]\nsolaruser = "${session.url}"\nsolarquery = "${session.url}"\n[http]\nresponse-timeout = 20\n`,
      )
      const result = await list(['-stream', BULK_STREAM])
      assert.equal(result.code, 1)
      assert.equal(result.stdout, '')
      assert.match(
        result.stderr,
        /^The answer is larger than PRETTY shows \(64 MB and 100,000 rows\): limit the rows with -M \(and -O\), or use -mode CSV or -mode JSON/,
      )
      const answer = session.emulator.datum.lastAnswer
      assert.deepEqual([answer?.rows, answer?.complete], [PRETTY_MAX_ROWS + 1, false])
      // the connection is closed, not left to the service: by the time the run ends, or soon after
      let timer: NodeJS.Timeout | undefined
      const closed = await Promise.race([
        answer?.closed.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(resolve, 10_000, false))),
      ])
      clearTimeout(timer)
      assert.ok(closed, 'the request was closed')
    })
  })

  describe('datum stream list and ids: the handbook examples', () => {
    const RULE1 =
      '+--------------------------------------+------+-----+-------------+------------------+---------------------------------+--------------+--------+'
    it('stream list: PRETTY, CSV and JSON', async () => {
      order(SWITCH_1, POWER_LIMIT, GEN_1)
      const one = await datum('stream list', ['--node-id', '101', '-stream', `${SWITCH_1},${POWER_LIMIT},${GEN_1}`])
      assert.equal(
        one.stdout,
        table(
          RULE1,
          '| Stream ID                            | Kind | ID  | Source ID   | Time Zone        | Instantaneous                   | Accumulating | Status |',
          RULE1,
          '| f68e81cd-2ac3-4760-b449-16ebce64c15a | Node | 101 | switch/1    | Pacific/Auckland |                                 |              | val    |',
          RULE1,
          '| 6718cc51-e5fb-43a9-a33f-344bc34916f2 | Node | 101 | power/limit | Pacific/Auckland | v                               |              | val    |',
          RULE1,
          '| cc114908-cc0f-4680-a92e-718690742ba9 | Node | 101 | gen/1       | Pacific/Auckland | current,frequency,voltage,watts | wattHours    |        |',
          RULE1,
        ),
      )
      const oneCsv = await datum('stream list', ['-node', '101', '-stream', `${SWITCH_1},${POWER_LIMIT},${GEN_1}`, '-mode', 'CSV'])
      assert.equal(
        oneCsv.stdout,
        csv(
          'Stream ID,Kind,ID,Source ID,Time Zone,Instantaneous,Accumulating,Status',
          'f68e81cd-2ac3-4760-b449-16ebce64c15a,Node,101,switch/1,Pacific/Auckland,,,val',
          '6718cc51-e5fb-43a9-a33f-344bc34916f2,Node,101,power/limit,Pacific/Auckland,v,,val',
          'cc114908-cc0f-4680-a92e-718690742ba9,Node,101,gen/1,Pacific/Auckland,"current,frequency,voltage,watts",wattHours,',
        ),
      )
      const terminal = await datum('stream list', ['-node', '101', '-stream', `${SWITCH_1},${POWER_LIMIT},${GEN_1}`, '-mode', 'JSON'], {
        stdinIsTerminal: true,
        stdoutIsTerminal: true,
      })
      assert.equal(
        terminal.stdout,
        '[\n{\n  "streamId" : "f68e81cd-2ac3-4760-b449-16ebce64c15a",\n  "zone" : "Pacific/Auckland",\n  "kind" : "n",\n  "objectId" : 101,\n' +
          '  "sourceId" : "switch/1",\n  "s" :   [ "val" ]\n},\n{\n  "streamId" : "6718cc51-e5fb-43a9-a33f-344bc34916f2",\n  "zone" : "Pacific/Auckland",\n' +
          '  "kind" : "n",\n  "objectId" : 101,\n  "sourceId" : "power/limit",\n  "i" :   [ "v" ],\n  "s" :   [ "val" ]\n},\n{\n' +
          '  "streamId" : "cc114908-cc0f-4680-a92e-718690742ba9",\n  "zone" : "Pacific/Auckland",\n  "kind" : "n",\n  "objectId" : 101,\n' +
          '  "sourceId" : "gen/1",\n  "i" :   [ "watts", "current", "voltage", "frequency" ],\n  "a" :   [ "wattHours" ]\n}\n]\n',
      )
      const compact = await datum('stream list', ['-node', '101', '-stream', `${SWITCH_1},${POWER_LIMIT},${GEN_1}`, '-mode', 'JSON'])
      assert.equal(
        compact.stdout,
        '[{"streamId":"f68e81cd-2ac3-4760-b449-16ebce64c15a","zone":"Pacific/Auckland","kind":"n","objectId":101,"sourceId":"switch/1","s":["val"]},' +
          '{"streamId":"6718cc51-e5fb-43a9-a33f-344bc34916f2","zone":"Pacific/Auckland","kind":"n","objectId":101,"sourceId":"power/limit","i":["v"],"s":["val"]},' +
          '{"streamId":"cc114908-cc0f-4680-a92e-718690742ba9","zone":"Pacific/Auckland","kind":"n","objectId":101,"sourceId":"gen/1","i":["watts","current","voltage","frequency"],"a":["wattHours"]}]\n',
      )

      order(GEN_1, CON_PCM, CON_1)
      const two = await datum('stream list', ['--node-id', '101', '--property', 'watts'])
      const rule2 =
        '+--------------------------------------+------+-----+-----------+------------------+------------------------------------------+--------------+--------+'
      assert.equal(
        two.stdout,
        table(
          rule2,
          '| Stream ID                            | Kind | ID  | Source ID | Time Zone        | Instantaneous                            | Accumulating | Status |',
          rule2,
          '| cc114908-cc0f-4680-a92e-718690742ba9 | Node | 101 | gen/1     | Pacific/Auckland | current,frequency,voltage,watts          | wattHours    |        |',
          rule2,
          '| 0c0fc45d-1e96-40cb-8aa0-07619b3158fd | Node | 101 | con/pcm   | Pacific/Auckland | current,frequency,pcmLimit,voltage,watts | wattHours    |        |',
          rule2,
          '| 03c6bd01-9241-4771-ad3c-a1d5eb06b68a | Node | 101 | con/1     | Pacific/Auckland | current,frequency,pcmLimit,voltage,watts | wattHours    |        |',
          rule2,
        ),
      )
      assert.equal(lastQuery(), '/solarquery/api/v1/sec/datum/stream/meta/node?nodeIds=101&propertyNames=watts')
      assert.equal(
        (await datum('stream list', ['--node-id', '101', '--property', 'watts', '-mode', 'CSV'])).stdout,
        csv(
          'Stream ID,Kind,ID,Source ID,Time Zone,Instantaneous,Accumulating,Status',
          'cc114908-cc0f-4680-a92e-718690742ba9,Node,101,gen/1,Pacific/Auckland,"current,frequency,voltage,watts",wattHours,',
          '0c0fc45d-1e96-40cb-8aa0-07619b3158fd,Node,101,con/pcm,Pacific/Auckland,"current,frequency,pcmLimit,voltage,watts",wattHours,',
          '03c6bd01-9241-4771-ad3c-a1d5eb06b68a,Node,101,con/1,Pacific/Auckland,"current,frequency,pcmLimit,voltage,watts",wattHours,',
        ),
      )
    })

    it('stream list: the wide table wraps at 78 characters; -U keeps stored order', async () => {
      const three = await datum('stream list', ['-i', 'voltage', '-a', 'wattHours'])
      const rule =
        '+--------------------------------------+------+-----+-----------+------------------+--------------------------------------------------------------------------------+-------------------+--------+'
      assert.equal(
        three.stdout,
        table(
          rule,
          '| Stream ID                            | Kind | ID  | Source ID | Time Zone        | Instantaneous                                                                  | Accumulating      | Status |',
          rule,
          '| 2e16deac-bd95-4d4b-9668-4441f48aea17 | Node |  64 | /meter/1  | Pacific/Auckland | apparentPower,current,frequency,phaseVoltage,powerFactor,reactivePower,realPow | wattHours         |        |',
          '|                                      |      |     |           |                  | er,voltage,watts                                                               |                   |        |',
          rule,
          '| a73f4797-d9aa-4496-b96c-04ad934b1550 | Node |  64 | /meter/2  | Pacific/Auckland | apparentPower,current,frequency,phaseVoltage,powerFactor,reactivePower,realPow | wattHours         |        |',
          '|                                      |      |     |           |                  | er,voltage,watts                                                               |                   |        |',
          rule,
          '| 2d19d690-2472-480d-afc0-240f830d4cd5 | Node |  70 | meter/1   | Pacific/Auckland | current,frequency,voltage,watts                                                | wattHours,wh_half |        |',
          rule,
          '| 03c6bd01-9241-4771-ad3c-a1d5eb06b68a | Node | 101 | con/1     | Pacific/Auckland | current,frequency,pcmLimit,voltage,watts                                       | wattHours         |        |',
          rule,
          '| 0c0fc45d-1e96-40cb-8aa0-07619b3158fd | Node | 101 | con/pcm   | Pacific/Auckland | current,frequency,pcmLimit,voltage,watts                                       | wattHours         |        |',
          rule,
          '| cc114908-cc0f-4680-a92e-718690742ba9 | Node | 101 | gen/1     | Pacific/Auckland | current,frequency,voltage,watts                                                | wattHours         |        |',
          rule,
        ),
      )
      assert.equal(
        (await datum('stream list', ['-i', 'voltage', '-a', 'wattHours', '-mode', 'CSV'])).stdout,
        csv(
          'Stream ID,Kind,ID,Source ID,Time Zone,Instantaneous,Accumulating,Status',
          '2e16deac-bd95-4d4b-9668-4441f48aea17,Node,64,/meter/1,Pacific/Auckland,"apparentPower,current,frequency,phaseVoltage,powerFactor,reactivePower,realPower,voltage,watts",wattHours,',
          'a73f4797-d9aa-4496-b96c-04ad934b1550,Node,64,/meter/2,Pacific/Auckland,"apparentPower,current,frequency,phaseVoltage,powerFactor,reactivePower,realPower,voltage,watts",wattHours,',
          '2d19d690-2472-480d-afc0-240f830d4cd5,Node,70,meter/1,Pacific/Auckland,"current,frequency,voltage,watts","wattHours,wh_half",',
          '03c6bd01-9241-4771-ad3c-a1d5eb06b68a,Node,101,con/1,Pacific/Auckland,"current,frequency,pcmLimit,voltage,watts",wattHours,',
          '0c0fc45d-1e96-40cb-8aa0-07619b3158fd,Node,101,con/pcm,Pacific/Auckland,"current,frequency,pcmLimit,voltage,watts",wattHours,',
          'cc114908-cc0f-4680-a92e-718690742ba9,Node,101,gen/1,Pacific/Auckland,"current,frequency,voltage,watts",wattHours,',
        ),
      )
      const unsorted = await datum('stream list', ['-stream', CON_PCM, '-U', '-mode', 'CSV'])
      assert.match(unsorted.stdout, /,"watts,current,voltage,pcmLimit,frequency",wattHours,\r\n$/)
      const none = await datum('stream list', ['-node', '101', '-s', 'nothing'])
      assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', 'No stream metadata matched your criteria.\n'])
    })

    it('stream ids: PRETTY, CSV and JSON', async () => {
      order(GEN_1, CON_PCM, CON_1)
      const rule = '+--------------------------------------+------+-----+-----------+'
      assert.equal(
        (await datum('stream ids', ['--node-id', '101', '--property', 'watts'])).stdout,
        table(
          rule,
          '| Stream ID                            | Kind | ID  | Source ID |',
          rule,
          '| cc114908-cc0f-4680-a92e-718690742ba9 | Node | 101 | gen/1     |',
          rule,
          '| 0c0fc45d-1e96-40cb-8aa0-07619b3158fd | Node | 101 | con/pcm   |',
          rule,
          '| 03c6bd01-9241-4771-ad3c-a1d5eb06b68a | Node | 101 | con/1     |',
          rule,
        ),
      )
      assert.equal(lastQuery(), '/solarquery/api/v1/sec/datum/stream/meta/node/ids?nodeIds=101&propertyNames=watts')
      order(
        '2e16deac-bd95-4d4b-9668-4441f48aea17',
        'a73f4797-d9aa-4496-b96c-04ad934b1550',
        '2d19d690-2472-480d-afc0-240f830d4cd5',
        CON_1,
        CON_PCM,
        GEN_1,
      )
      const three = await datum('stream ids', ['-i', 'voltage', '-a', 'wattHours', '-mode', 'CSV'])
      assert.equal(
        three.stdout,
        csv(
          'Stream ID,Kind,ID,Source ID',
          '2e16deac-bd95-4d4b-9668-4441f48aea17,Node,64,/meter/1',
          'a73f4797-d9aa-4496-b96c-04ad934b1550,Node,64,/meter/2',
          '2d19d690-2472-480d-afc0-240f830d4cd5,Node,70,meter/1',
          '03c6bd01-9241-4771-ad3c-a1d5eb06b68a,Node,101,con/1',
          '0c0fc45d-1e96-40cb-8aa0-07619b3158fd,Node,101,con/pcm',
          'cc114908-cc0f-4680-a92e-718690742ba9,Node,101,gen/1',
        ),
      )
      order(SWITCH_1, POWER_LIMIT, GEN_1)
      const json = await datum('stream ids', ['-node', '101', '-stream', `${SWITCH_1},${POWER_LIMIT},${GEN_1}`, '-mode', 'JSON', '--pretty'])
      assert.equal(
        json.stdout,
        '[\n{\n  "streamId" : "f68e81cd-2ac3-4760-b449-16ebce64c15a",\n  "kind" : "n",\n  "objectId" : 101,\n  "sourceId" : "switch/1"\n},\n' +
          '{\n  "streamId" : "6718cc51-e5fb-43a9-a33f-344bc34916f2",\n  "kind" : "n",\n  "objectId" : 101,\n  "sourceId" : "power/limit"\n},\n' +
          '{\n  "streamId" : "cc114908-cc0f-4680-a92e-718690742ba9",\n  "kind" : "n",\n  "objectId" : 101,\n  "sourceId" : "gen/1"\n}\n]\n',
      )
      const read = await datum('stream ids', ['-u', 'hNAdH.aXHaEqFossMwT8', '--secret=0dh3Q.sT9aXb_LmN2pQr4StUv', '-node', '64', '-mode', 'CSV'])
      assert.equal(
        read.stdout,
        csv(
          'Stream ID,Kind,ID,Source ID',
          '2e16deac-bd95-4d4b-9668-4441f48aea17,Node,64,/meter/1',
          'a73f4797-d9aa-4496-b96c-04ad934b1550,Node,64,/meter/2',
        ),
      )
    })
  })

  describe('datum stream view and rename', () => {
    it('view: the handbook PRETTY, and CSV and JSON as the code prints them', async () => {
      const rule = '+---------------+--------------------------------------+'
      assert.equal(
        (await datum('stream view', ['--stream-id', GEN_1])).stdout,
        table(
          rule,
          '| Property      | Value                                |',
          rule,
          '| Stream ID     | cc114908-cc0f-4680-a92e-718690742ba9 |',
          rule,
          '| Kind          | Node                                 |',
          rule,
          '| ID            | 101                                  |',
          rule,
          '| Source ID     | gen/1                                |',
          rule,
          '| Time Zone     | Pacific/Auckland                     |',
          rule,
          '| Instantaneous | watts,current,voltage,frequency      |',
          rule,
          '| Accumulating  | wattHours                            |',
          rule,
          '| Status        |                                      |',
          rule,
        ),
      )
      assert.equal(
        (await datum('stream view', ['-stream', GEN_1, '-mode', 'CSV'])).stdout,
        csv(
          'Property,Value',
          'Stream ID,cc114908-cc0f-4680-a92e-718690742ba9',
          'Kind,Node',
          'ID,101',
          'Source ID,gen/1',
          'Time Zone,Pacific/Auckland',
          'Instantaneous,"watts,current,voltage,frequency"',
          'Accumulating,wattHours',
          'Status,',
        ),
      )
      assert.equal(
        (await datum('stream view', ['-stream', GEN_1, '-mode', 'JSON', '--pretty'])).stdout,
        '[ [ "Stream ID", "cc114908-cc0f-4680-a92e-718690742ba9" ], [ "Kind", "Node" ], [ "ID", 101 ], [ "Source ID", "gen/1" ], [ "Time Zone", "Pacific/Auckland" ], [ "Instantaneous", "watts,current,voltage,frequency" ], [ "Accumulating", "wattHours" ], [ "Status", "" ] ]\n',
      )
      assert.equal(
        (await datum('stream view', ['-stream', GEN_1, '-mode', 'JSON'])).stdout,
        '[["Stream ID","cc114908-cc0f-4680-a92e-718690742ba9"],["Kind","Node"],["ID",101],["Source ID","gen/1"],["Time Zone","Pacific/Auckland"],["Instantaneous","watts,current,voltage,frequency"],["Accumulating","wattHours"],["Status",""]]\n',
      )
    })

    it('B6: view of an unknown stream says it is not available, without asking a path that does not exist', async () => {
      const result = await datum('stream view', ['-stream', '1-1-1-1-1'])
      assert.deepEqual([result.code, result.stdout, result.stderr], [1, '', 'Datum stream not available.\n'])
      assert.deepEqual(
        session.emulator.requests.map((r) => r.path),
        ['/solaruser/api/v1/sec/datum/stream/meta/node/00000001-0001-0001-0001-000000000001'],
      )
      const missing = await datum('stream view', [])
      assert.equal(missing.code, 2)
    })

    it('rename: the handbook CSV examples and the code PRETTY; JSON at a terminal', async () => {
      const first = await datum('stream rename', ['--stream-id', SWITCH_1, '--source-id', 'RELAY/1', '-mode', 'CSV'])
      assert.equal(
        first.stdout,
        csv(
          'Stream ID,Kind,ID,Source ID,Time Zone,Instantaneous,Accumulating,Status',
          'f68e81cd-2ac3-4760-b449-16ebce64c15a,Node,101,RELAY/1,Pacific/Auckland,,,val',
        ),
      )
      const posted = session.emulator.requests.at(-1)!
      assert.equal(posted.method, 'POST')
      assert.deepEqual(posted.form, [['sourceId', 'RELAY/1']])
      const second = await datum('stream rename', ['-stream', GEN_1, '-i', 'watts,amps,voltage,hertz'])
      const rule =
        '+--------------------------------------+------+-----+-----------+------------------+--------------------------+--------------+--------+'
      assert.equal(
        second.stdout,
        table(
          rule,
          '| Stream ID                            | Kind | ID  | Source ID | Time Zone        | Instantaneous            | Accumulating | Status |',
          rule,
          '| cc114908-cc0f-4680-a92e-718690742ba9 | Node | 101 | gen/1     | Pacific/Auckland | watts,amps,voltage,hertz | wattHours    |        |',
          rule,
        ),
      )
      const json = await datum('stream rename', ['-stream', SWITCH_1, '-s', 'val', '-mode', 'JSON', '--pretty'])
      assert.equal(
        json.stdout,
        '{\n  "streamId" : "f68e81cd-2ac3-4760-b449-16ebce64c15a",\n  "zone" : "Pacific/Auckland",\n  "kind" : "n",\n  "objectId" : 101,\n  "sourceId" : "RELAY/1",\n  "s" : [ "val" ]\n}\n',
      )
    })

    it('rename honours --dry-run: the request is shown, nothing is sent', async () => {
      const result = await datum('stream rename', ['--dry-run', '-stream', SWITCH_1, '-node', '70', '-source', 'RELAY/1', '-s', 'a,b'])
      assert.equal(result.code, 0, result.stderr)
      assert.equal(
        result.stdout,
        `POST ${session.url}/solaruser/api/v1/sec/datum/stream/meta/node/${SWITCH_1}\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\n\nnodeId=70&sourceId=RELAY%2F1&s=a%2Cb\n`,
      )
      assert.equal(result.stderr, 'Dry run: nothing was changed; the requests shown above were not sent.\n')
      assert.deepEqual(session.emulator.requests, [])
      assert.equal(session.emulator.datum.streams.find((s) => s.streamId === SWITCH_1)?.sourceId, 'switch/1')
    })

    it('B7: a rename that changes nothing says so; nothing to update is exit 3 before any request', async () => {
      const shorter = await datum('stream rename', ['-stream', GEN_1, '-i', 'watts'])
      assert.equal(shorter.code, 1)
      assert.equal(
        shorter.stderr,
        `Datum stream ${GEN_1} was not changed: the service renamed nothing (each property name list given must be at least as long as the stream's current one)\n`,
      )
      const nothing = await datum('stream rename', ['-stream', GEN_1])
      assert.deepEqual([nothing.code, nothing.stderr], [3, 'Nothing provided to update.\n'])
      assert.equal(session.emulator.requests.length, 1)
      const other = await datum('stream rename', ['-stream', GEN_1, '-node', '202'])
      assert.equal(other.code, 1)
      assert.match(other.stderr, /^Access denied \(ACCESS_DENIED\): datum stream cc114908/)
    })
  })
})
