import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {CALLER} from '../support/fixtures.js'
import {useSession} from '../support/session.js'

const META = '/solaruser/api/v1/sec/nodes/meta'
const RULE = '+---------+-----------------------------+-------------------+\n'
const SCHEDULE_CSV = 'Month,Day,Weekday,Time,cpdPeriodActive\n"Jan-Apr,Oct-Dec",,,,0\nMay-Sep,,,,1\n'

/** The handbook pages of the nodes commands (solarnetwork-nodes.md §3), as goldens. */
describe('nodes', () => {
  const session = useSession()
  const stored = (id: number) => session.emulator.nodes.nodes.get(id)?.metadata?.meta

  it('nodes list: the handbook page in PRETTY, CSV and JSON', async () => {
    const pretty = await session.run(['nodes', 'list'])
    assert.equal(
      pretty.stdout,
      '+---------+-----------------------------+--------+---------+------------------+\n' +
        '| Node ID | Created                     | Public | Country | Time Zone        |\n' +
        '+---------+-----------------------------+--------+---------+------------------+\n' +
        '|      64 | 2023-04-27T23:15:58.795135Z | true   | NZ      | Pacific/Auckland |\n' +
        '+---------+-----------------------------+--------+---------+------------------+\n' +
        '|      70 | 2024-05-16T19:02:54.174785Z | true   | NZ      | Pacific/Auckland |\n' +
        '+---------+-----------------------------+--------+---------+------------------+\n' +
        '|     101 | 2025-07-08T02:21:37.083163Z | true   | NZ      | Pacific/Auckland |\n' +
        '+---------+-----------------------------+--------+---------+------------------+\n',
    )
    const csv = await session.run(['nodes', 'list', '-mode', 'CSV'])
    assert.equal(
      csv.stdout,
      'Node ID,Created,Public,Country,Time Zone\r\n64,2023-04-27T23:15:58.795135Z,true,NZ,Pacific/Auckland\r\n' +
        '70,2024-05-16T19:02:54.174785Z,true,NZ,Pacific/Auckland\r\n101,2025-07-08T02:21:37.083163Z,true,NZ,Pacific/Auckland\r\n',
    )
    const json = await session.run(['nodes', 'list', '-mode=JSON', '--pretty'])
    assert.equal(
      json.stdout,
      '[\n  [ 64, "2023-04-27 23:15:58.795135Z", true, "NZ", "Pacific/Auckland" ],\n' +
        '  [ 70, "2024-05-16 19:02:54.174785Z", true, "NZ", "Pacific/Auckland" ],\n' +
        '  [ 101, "2025-07-08 02:21:37.083163Z", true, "NZ", "Pacific/Auckland" ]\n]\n',
    )
    const compact = await session.run(['nodes', 'list', '--display-mode', 'json'])
    assert.match(compact.stdout, /^\[\[64,"2023-04-27 23:15:58.795135Z",true,"NZ","Pacific\/Auckland"\],\[70,/)
    assert.deepEqual(session.received().at(-1), 'GET /solaruser/api/v1/sec/nodes')
  })

  it('nodes ids: the handbook page; a ReadNodeData token may use it, but not nodes list', async () => {
    const pretty = await session.run(['nodes', 'ids'])
    assert.equal(
      pretty.stdout,
      '+---------+\n| Node ID |\n+---------+\n|      64 |\n+---------+\n|      70 |\n+---------+\n|     101 |\n+---------+\n',
    )
    assert.equal((await session.run(['nodes', 'ids', '-mode', 'CSV'])).stdout, 'Node ID\r\n64\r\n70\r\n101\r\n')
    assert.equal((await session.run(['nodes', 'ids', '-mode', 'JSON', '--pretty'])).stdout, '[\n64,\n70,\n101\n]\n')
    const env = {SN_TOKEN_ID: 'hNAdH.aXHaEqFossMwT8', SN_TOKEN_SECRET: '0dh3Q.sT9aXb_LmN2pQr4StUv'}
    const read = await session.run(['-u', 'hNAdH.aXHaEqFossMwT8', '--secret=0dh3Q.sT9aXb_LmN2pQr4StUv', 'nodes', 'ids', '-mode', 'JSON'])
    assert.equal(read.stdout, '[64,70,101]\n', read.stderr)
    const list = await session.run(['nodes', 'list', '-u', env.SN_TOKEN_ID, `--secret=${env.SN_TOKEN_SECRET}`])
    assert.equal(list.code, 1)
    assert.match(list.stderr, /Access denied \(ACCESS_DENIED\)/)
  })

  it('nodes sources: the handbook page; --min-date and --max-date are each sent as their own end', async () => {
    const pretty = await session.run(['nodes', 'sources'])
    // the handbook page, verbatim
    assert.equal(
      pretty.stdout,
      `+---------+---------------+
| Node ID | Source ID     |
+---------+---------------+
|      64 | /meter/1      |
+---------+---------------+
|      64 | /meter/2      |
+---------+---------------+
|      64 | /test/solcast |
+---------+---------------+
|      70 | meter/1       |
+---------+---------------+
|     101 | con/1         |
+---------+---------------+
|     101 | con/pcm       |
+---------+---------------+
|     101 | dnp3/client/a |
+---------+---------------+
|     101 | gen/1         |
+---------+---------------+
|     101 | pcm/limit     |
+---------+---------------+
|     101 | power/limit   |
+---------+---------------+
|     101 | switch/1      |
+---------+---------------+
`,
    )
    const csv = await session.run(['nodes', 'sources', '-mode', 'CSV'])
    assert.equal(
      csv.stdout,
      'Node ID,Source ID\r\n64,/meter/1\r\n64,/meter/2\r\n64,/test/solcast\r\n70,meter/1\r\n101,con/1\r\n101,con/pcm\r\n101,dnp3/client/a\r\n' +
        '101,gen/1\r\n101,pcm/limit\r\n101,power/limit\r\n101,switch/1\r\n',
    )
    const json = await session.run(['nodes', 'sources', '-node', '64', '-mode', 'JSON', '--pretty'])
    assert.ok(json.stdout.startsWith('[\n{\n  "kind" : "n",\n  "objectId" : 64,\n  "sourceId" : "/meter/1"\n},\n{\n  "kind" : "n",'))
    const dated = await session.run([
      'nodes',
      'sources',
      '--min-date',
      '2025-08-01',
      '--max-date',
      '2025-08-03T12:00',
      '-tz',
      'UTC',
      '-i',
      'watts',
      '-a',
      'wattHours',
      '-mode',
      'CSV',
    ])
    assert.equal(dated.stdout, 'Node ID,Source ID\r\n64,/meter/1\r\n64,/meter/2\r\n')
    assert.equal(
      session.received().at(-1),
      'GET /solarquery/api/v1/sec/nodes/sources?startDate=2025-08-01&endDate=2025-08-03T12%3A00&instantaneousPropertyNames=watts&accumulatingPropertyNames=wattHours',
    )
    const local = await session.run(['nodes', 'sources', '-node=101', '-min', '2025-08-03T21:00', '-local', '-mode', 'CSV'])
    assert.equal(local.stdout.split('\r\n').length, 9)
    assert.match(session.received().at(-1) ?? '', /\?nodeIds=101&localStartDate=2025-08-03T21%3A00$/)
    // T24:00 rolls over to the next day of the year as written: 0050, not 1950
    const ancient = await session.run(['nodes', 'sources', '-min', '0050-06-01T24:00', '-tz', 'UTC', '-mode', 'CSV'])
    assert.equal(ancient.code, 0, ancient.stderr)
    assert.match(session.received().at(-1) ?? '', /\?startDate=0050-06-02$/)
  })

  it('nodes meta list: the handbook page, the filter example, CSV and JSON', async () => {
    const one = await session.run(['nodes', 'meta', 'list', '--node-id', '101'])
    const cell101 =
      '|     101 | 2025-08-30T03:36:06.277076Z | {                 |\n|         |                             |   "m" : {         |\n' +
      '|         |                             |     "limit" : 123 |\n|         |                             |   }               |\n' +
      '|         |                             | }                 |\n'
    const cell102 = cell101.replace('101 |', '102 |').replace('123', '234')
    const header = `${RULE}| Node ID | Updated                     | Metadata          |\n${RULE}`
    assert.equal(one.stdout, `${header}${cell101}${RULE}`)
    const two = await session.run(['nodes', 'meta', 'list', '--node-id', '101,102'])
    assert.equal(two.stdout, `${header}${cell101}${RULE}${cell102}${RULE}`)
    const filtered = await session.run(['nodes', 'meta', 'list', '--node-id', '101,102', '--filter', '(m/limit>200)'])
    assert.equal(filtered.stdout, `${header}${cell102}${RULE}`)
    const csv = await session.run(['nodes', 'meta', 'list', '-node=101', '-mode', 'CSV'])
    assert.equal(csv.stdout, 'Node ID,Updated,Metadata\r\n101,2025-08-30T03:36:06.277076Z,"{\n  ""m"" : {\n    ""limit"" : 123\n  }\n}"\r\n')
    const json = await session.run(['nodes', 'meta', 'list', '-node', '101', '-node', '102', '-mode', 'JSON', '--pretty'])
    assert.equal(json.stdout, '[\n{\n  "m" : {\n    "limit" : 123\n  }\n},\n{\n  "m" : {\n    "limit" : 234\n  }\n}\n]\n')
    const compact = await session.run(['nodes', 'meta', 'list', '-node', '101,102', '-mode', 'JSON'])
    assert.equal(compact.stdout, '[{"m":{"limit":123}},{"m":{"limit":234}}]\n')
  })

  it('nodes meta save merges (POST) and replaces (PUT) exactly as the service does', async () => {
    const save = await session.run(['nodes', 'meta', 'save', '--node-id', '101', '{"m":{"limit":123}}'])
    assert.deepEqual([save.code, save.stdout, save.stderr], [0, 'Node metadata added:\n{\n  "m" : {\n    "limit" : 123\n  }\n}\n', ''])
    const full = '{"m":{"limit":10000,"group":"alpha"},"pm":{"os":{"arch":"aarch64","name":"Linux"}},"t":["west","red"]}'
    await session.run(['nodes', 'meta', 'save', '-node', '101', full])
    await session.run([
      'nodes',
      'meta',
      'save',
      '-node',
      '101',
      '{"m":{"group":"beta"},"pm":{"os":{"version":"6.1"},"cpd":{"a":1}},"t":["red","blue"]}',
    ])
    assert.deepEqual(stored(101), {
      m: {limit: 10000, group: 'beta'},
      pm: {os: {arch: 'aarch64', name: 'Linux', version: '6.1'}, cpd: {a: 1}},
      t: ['west', 'red', 'blue'],
    })
    const replaced = await session.run(['nodes', 'meta', 'save', '-r', '-node', '101', '{"t":["only"]}'])
    assert.equal(replaced.stdout, 'Node metadata replaced:\n{\n  "t" : [ "only" ]\n}\n')
    assert.deepEqual(stored(101), {t: ['only']})
    assert.deepEqual(session.received().slice(-1), [`PUT ${META}/101 {"t":["only"]}`])
  })

  it('nodes meta save reads @@file and standard input, keeps numbers as written, and orders members m, pm, t', async () => {
    const file = join(session.home.path, 'meta.json')
    writeFileSync(file, '{"t":["a","a"],"m":{"x":1.50,"e":1e3,"n":null},"pm":{"p":{"q":[1,null]}}}')
    const fromFile = await session.run(['nodes', 'meta', 'save', '-node', '101', `@@${file}`])
    assert.equal(fromFile.code, 0, fromFile.stderr)
    assert.deepEqual(session.received().slice(-1), [`POST ${META}/101 {"m":{"x":1.50,"e":1E+3},"pm":{"p":{"q":[1,null]}},"t":["a"]}`])
    const fromStdin = await session.run(['nodes', 'meta', 'save', '-node', '101'], {input: '{"m":{"limit":5}}'})
    assert.equal(fromStdin.code, 0, fromStdin.stderr)
    assert.deepEqual(session.received().slice(-1), [`POST ${META}/101 {"m":{"limit":5}}`])
  })

  it('nodes meta delete asks, or takes --yes, and says so', async () => {
    const refused = await session.run(['nodes', 'meta', 'delete', '-node', '101'])
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /^Not deleting without confirmation: pass --yes/)
    const deleted = await session.run(['nodes', 'meta', 'delete', '--node-id', '101', '--yes'])
    assert.deepEqual([deleted.code, deleted.stdout], [0, 'Node metadata deleted.\n'])
    assert.equal(stored(101), undefined)
    assert.deepEqual(session.received(), [`DELETE ${META}/101`])
  })

  it('nodes meta csv-set and csv-get: the handbook pages', async () => {
    const file = join(session.home.path, 'schedule.csv')
    writeFileSync(file, SCHEDULE_CSV)
    const set = await session.run(['nodes', 'meta', 'csv-set', '--node-id', '101', '--path', '/pm/cpd/schedule', `@@${file}`])
    assert.deepEqual([set.code, set.stdout], [0, 'CSV saved to path [/pm/cpd/schedule].\n'])
    assert.deepEqual(session.received().slice(-1), [
      `POST ${META}/101 {"pm":{"cpd":{"schedule":[["Month","Day","Weekday","Time","cpdPeriodActive"],["Jan-Apr,Oct-Dec","","","","0"],["May-Sep","","","","1"]]}}}`,
    ])
    const get = await session.run(['nodes', 'meta', 'csv-get', '--node-id', '101', '--path', '/pm/cpd/schedule'])
    assert.equal(
      get.stdout,
      '+-----------------+-----+---------+------+-----------------+\n|           Month | Day | Weekday | Time | cpdPeriodActive |\n' +
        '+-----------------+-----+---------+------+-----------------+\n| Jan-Apr,Oct-Dec |     |         |      |               0 |\n' +
        '+-----------------+-----+---------+------+-----------------+\n|         May-Sep |     |         |      |               1 |\n' +
        '+-----------------+-----+---------+------+-----------------+\n',
    )
    const csv = await session.run(['nodes', 'meta', 'csv', '-node', '101', '-path', '/pm/cpd/schedule', '-mode', 'CSV'])
    assert.equal(csv.stdout, 'Month,Day,Weekday,Time,cpdPeriodActive\r\n"Jan-Apr,Oct-Dec",,,,0\r\nMay-Sep,,,,1\r\n')
    const json = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-path', '/pm/cpd/schedule', '-mode', 'JSON', '--pretty'])
    assert.equal(
      json.stdout,
      '[ [ "Month", "Day", "Weekday", "Time", "cpdPeriodActive" ], [ "Jan-Apr,Oct-Dec", "", "", "", "0" ], [ "May-Sep", "", "", "", "1" ] ]\n',
    )
    const text = await session.run(['nodes', 'meta', 'csv-set', '-s', '-node', '101', '-path', '/pm/cpd/text'], {
      input: SCHEDULE_CSV.replaceAll('\n', '\r\n'),
    })
    assert.equal(text.code, 0, text.stderr)
    assert.deepEqual(session.received().slice(-1), [
      `POST ${META}/101 {"pm":{"cpd":{"text":"Month,Day,Weekday,Time,cpdPeriodActive\\r\\n\\"Jan-Apr,Oct-Dec\\",,,,0\\r\\nMay-Sep,,,,1"}}}`,
    ])
  })

  it('csv-get without --path writes every value by key path, and csv-set without --path reads it back', async () => {
    await session.run([
      'nodes',
      'meta',
      'save',
      '-node',
      '101',
      '{"m":{"group":"alpha","on":true},"pm":{"os":{"arch":"aarch64","v":[1,2]}},"t":["west"]}',
    ])
    const get = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-mode', 'CSV'])
    assert.equal(get.stdout, 'Path,Value\r\n/m/on,true\r\n/m/group,alpha\r\n/m/limit,123\r\n/pm/os/v,"[1,2]"\r\n/pm/os/arch,aarch64\r\n/t,west\r\n')
    const before = stored(101)
    session.emulator.nodes.nodes.get(102)!.userId = 123
    const set = await session.run(['nodes', 'meta', 'csv-set', '-node', '102'], {input: get.stdout})
    assert.deepEqual([set.code, set.stdout], [0, 'Metadata saved from 6 key path rows.\n'])
    assert.deepEqual(stored(102), {m: {limit: 123, group: 'alpha', on: true}, pm: {os: {v: [1, 2], arch: 'aarch64'}}, t: ['west']})
    assert.deepEqual(before, stored(101))
  })

  it('csv-set shows the rows it saved after the message when --display-mode is given; -v only prints the requests', async () => {
    const shown = await session.run(['nodes', 'meta', 'csv-set', '-node', '101', '-path', '/pm/t/rows', '-mode', 'CSV', 'a,b\n"c,d"'])
    assert.deepEqual([shown.code, shown.stdout], [0, 'CSV saved to path [/pm/t/rows].\na,b\r\n"c,d"\r\n'])
    const verbose = await session.run(['-v', 'nodes', 'meta', 'csv-set', '-node', '101', '-path', '/pm/t/rows', 'a,b'])
    assert.deepEqual([verbose.code, verbose.stdout], [0, 'CSV saved to path [/pm/t/rows].\n'])
    assert.match(verbose.stderr, /^POST \S+\/meta\/101 -> 200 \(\d+ ms\)$/m)
    const keyPaths = await session.run(['nodes', 'meta', 'csv-set', '-node', '101', '-mode', 'JSON'], {input: '/m/x,1\n'})
    assert.deepEqual([keyPaths.code, keyPaths.stdout], [0, 'Metadata saved from 1 key path rows.\n[["/m/x","1"]]\n'])
  })

  it('says why content given as @file (an argument file) fails, and that @@file was meant', async () => {
    const file = join(session.home.path, 'meta.json')
    writeFileSync(file, '{\n  "m" : { "a" : 1 }\n}\n')
    const result = await session.run(['nodes', 'meta', 'save', '-node', '101', `@${file}`])
    assert.equal(result.code, 2)
    assert.equal(
      result.stderr,
      `Unexpected arguments: {, m, :, :, a, 1, }, }; @${file} was read as an argument file (its words became arguments): ` +
        `to give a file as the content, write @@${file} (see: s10k nodes meta save --help)\n`,
    )
    assert.deepEqual(session.received(), [])
  })

  it('csv-set echoes --path escaped, like every message', async () => {
    const set = await session.run(['nodes', 'meta', 'csv-set', '-node', '101', '--path', '/pm/a/\u001b[2J\u202Ered', 'a,b'])
    assert.deepEqual([set.code, set.stdout], [0, 'CSV saved to path [/pm/a/\\u001b[2J\\u202ered].\n'])
    assert.deepEqual(stored(101)?.pm, {a: {'\u001b[2J\u202Ered': [['a', 'b']]}})
  })

  it('csv-set -s sends valid JSON for every text: a number as Java prints it, every digit kept', async () => {
    for (const [input, sent] of [
      ['-0012.50\n', '-12.50'],
      ['007', '7'],
      ['-0', '0'],
      ['12345678901234567890.10', '12345678901234567890.10'],
      ['1e3', '"1e3"'],
      ['+5', '"+5"'],
    ]) {
      const result = await session.run(['nodes', 'meta', 'csv-set', '-s', '-node', '101', '-path', '/m/n'], {input})
      assert.equal(result.code, 0, result.stderr)
      assert.deepEqual(session.received().slice(-1), [`POST ${META}/101 {"m":{"n":${sent}}}`], input)
    }
  })

  it('csv-get without --path -> csv-set without --path is exact: strings stay strings, every digit, spaces and control characters', async () => {
    const meta =
      '{"m":{"s":"123","b":"true","sp":" x ","tab":"a\\tb","nl":"l1\\r\\nl2","q":"\\"q\\"","big":12345678901234567890,"dec":1.50,' +
      '"arr":[1.50,12345678901234567890,"1",{"k":null}],"obj":{},"e":""},"pm":{"p":{"ünï cödé, key!":"v"}},"t":["123"," t ","a\\u0007b"]}'
    const save = await session.run(['nodes', 'meta', 'save', '-r', '-node', '101', meta])
    assert.equal(save.code, 0, save.stderr)
    const get = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-mode', 'CSV'])
    assert.equal(get.code, 0, get.stderr)
    assert.ok(get.stdout.includes('/m/arr,"[1.50,12345678901234567890,""1"",{}]"\r\n'), get.stdout)
    assert.ok(get.stdout.includes('/m/s,"""123"""\r\n'), get.stdout)
    const json = (id: number) => session.run(['nodes', 'meta', 'list', '-node', String(id), '-mode', 'JSON'])
    session.emulator.nodes.nodes.get(102)!.userId = 123
    delete session.emulator.nodes.nodes.get(102)!.metadata
    const set = await session.run(['nodes', 'meta', 'csv-set', '-node', '102'], {input: get.stdout})
    assert.equal(set.code, 0, set.stderr)
    assert.equal((await json(102)).stdout, (await json(101)).stdout)
    assert.match((await json(101)).stdout, /"dec":1\.50,/)
  })

  it('csv-get names a key that cannot be written as a key path, and exits 1', async () => {
    session.emulator.nodes.nodes.get(101)!.metadata = {created: '2025-08-30 03:36:06Z', updated: '2025-08-30 03:36:06Z', meta: {m: {'a/b': 1, ok: 2}}}
    const get = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-mode', 'CSV'])
    assert.equal(get.code, 1)
    assert.equal(get.stdout, 'Path,Value\r\n/m/ok,2\r\n')
    assert.match(get.stderr, /^1 key\(s\) cannot be written as a key path \(empty, or holding '\/'\), so they are not in the rows: \/m key "a\/b"\n$/)
  })

  it('a JSON string of 8 MB in meta save or in a service answer is read, never a stack overflow', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024)
    const save = await session.run(['nodes', 'meta', 'save', '-node', '101', '-r'], {input: `{"m":{"big":"${big}"}}`})
    assert.equal(save.code, 0, save.stderr.slice(0, 300))
    assert.equal((session.emulator.nodes.nodes.get(101)?.metadata?.meta as {m: {big: string}}).m.big.length, big.length)
    const get = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-mode', 'CSV'])
    assert.equal(get.code, 0, get.stderr.slice(0, 300))
    assert.equal(get.stdout, `Path,Value\r\n/m/big,${big}\r\n`)
  })

  it('PRETTY refuses a 16 KB ragged table in one line instead of drawing 128 MB; CSV writes it', async () => {
    const table = `${','.repeat(3999)}\n${'a\n'.repeat(4000)}`
    session.emulator.nodes.nodes.get(101)!.metadata = {created: '2025-08-30 03:36:06Z', updated: '2025-08-30 03:36:06Z', meta: {m: {table}}}
    const pretty = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-path', '/m/table'])
    assert.equal(pretty.code, 2)
    assert.equal(pretty.stdout, '')
    assert.match(pretty.stderr, /^The table is too large to draw in PRETTY mode: .* use -mode CSV or -mode JSON\n$/)
    const csv = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-path', '/m/table', '-mode', 'CSV'])
    assert.equal(csv.stdout, `${','.repeat(3999)}\r\n${'a\r\n'.repeat(4000)}`)
  })

  it('csv-get reads ragged CSV text as FastCSV does', async () => {
    session.emulator.nodes.nodes.get(101)!.metadata = {
      created: '2025-08-30 03:36:06Z',
      updated: '2025-08-30 03:36:06Z',
      meta: {m: {table: '# comment\n  Key , Value \n\nA,B\n "x y" ,"multi\nline"\nshort\nC,D,E\n'}},
    }
    const get = await session.run(['nodes', 'meta', 'csv-get', '-node', '101', '-path', '/m/table'])
    assert.equal(
      get.stdout,
      '+-------+-------+---+\n|   Key | Value |   |\n+-------+-------+---+\n|     A |     B |   |\n+-------+-------+---+\n' +
        '| "x y" | multi |   |\n|       |  line |   |\n+-------+-------+---+\n| short |       |   |\n+-------+-------+---+\n' +
        '|     C |     D | E |\n+-------+-------+---+\n',
    )
  })

  it('empty results follow sec-tokens list: a message on stderr, exit 0, [] in JSON', async () => {
    session.emulator.tokens.get(CALLER.tokenId)!.policy = {nodeIds: [5]}
    for (const [args, message] of [
      [['nodes', 'list'], 'No nodes available.\n'],
      [['nodes', 'ids'], 'No node IDs matched your criteria.\n'],
      [['nodes', 'sources'], 'No sources matched your criteria.\n'],
    ] as const) {
      const result = await session.run(args)
      assert.deepEqual([result.code, result.stdout, result.stderr], [0, '', message], args.join(' '))
      assert.equal((await session.run([...args, '-mode', 'JSON'])).stdout, '[]\n')
    }
    session.emulator.tokens.get(CALLER.tokenId)!.policy = undefined
    const meta = await session.run(['nodes', 'meta', 'list', '-node', '64'])
    assert.deepEqual([meta.code, meta.stdout, meta.stderr], [0, '', 'No metadata matched your criteria.\n'])
  })

  for (const [args, message] of [
    [['nodes', 'meta', 'list', '-node', 'abc'], /^Invalid value for option '--node-id': 'abc' is not an integer/],
    [['nodes', 'meta', 'save', '-node', '101', '{"m":'], /^the metadata is not valid JSON: unexpected end of input/],
    [
      ['nodes', 'meta', 'save', '-node', '101', '{"m":{"a":1},"x":{"y":1},"t":["q"]}'],
      /unknown member "x": node metadata has only "m", "pm" and "t"/,
    ],
    [['nodes', 'meta', 'save', '-node', '101', '{"pm":{"a":1}}'], /"pm"\."a" must be an object, not a number/],
    [['nodes', 'meta', 'save', '{"m":{}}'], /^Missing required option: --node-id \(-node\)/],
    [['nodes', 'meta', 'save', '-node', '101', '@@/nonexistent/meta.json'], /^Cannot read the metadata file \/nonexistent\/meta\.json: ENOENT/],
    [['nodes', 'meta', 'save', '-node', '101,102', '{}'], /--node-id': one node ID, but '101,102' is a list/],

    [['nodes', 'meta', 'csv-set', '-node', '101', '-path', '/pm/cpd', 'a,b'], /'\/pm\/cpd' stores nothing/],
  ] as const) {
    it(`refuses bad input in one line, exit 2, sending nothing: ${args.slice(1).join(' ')}`, async () => {
      const result = await session.run(args)
      assert.equal(result.code, 2, result.stderr)
      assert.match(result.stderr, message)
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr)
      assert.deepEqual(session.received(), [])
    })
  }

  it('says what the service refused about which node', async () => {
    const unknown = await session.run(['nodes', 'meta', 'save', '-node', '999', '{"m":{"a":1}}'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /^Not found \(UNKNOWN_OBJECT\): node 999 does not exist or is not yours \(HTTP 403 from POST /)
    const foreign = await session.run(['nodes', 'meta', 'delete', '-node', '202', '--yes'])
    assert.match(foreign.stderr, /^Access denied \(ACCESS_DENIED\): node 202 belongs to another user/)
  })

  it('--dry-run shows the changes and sends none', async () => {
    for (const args of [
      ['nodes', 'meta', 'save', '-node', '101', '{"m":{"a":1}}'],
      ['nodes', 'meta', 'delete', '-node', '101'],
      ['nodes', 'meta', 'csv-set', '-node', '101', '-path', '/m/t', 'a,b'],
    ]) {
      const result = await session.run(['-n', ...args])
      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /^(POST|DELETE) http:\/\/127\.0\.0\.1:\d+\/solaruser\/api\/v1\/sec\/nodes\/meta\/101\n/)
      assert.equal(result.stderr, 'Dry run: nothing was changed; the requests shown above were not sent.\n')
    }
    assert.deepEqual(session.received(), [])
    assert.deepEqual(stored(101), {m: {limit: 123}})
  })

  it('s10k nodes alone lists its commands', async () => {
    const result = await session.run(['nodes'])
    assert.equal(result.code, 0)
    for (const command of ['nodes ids', 'nodes list', 'nodes sources', 'nodes meta']) assert.ok(result.stdout.includes(command), command)
  })
})
