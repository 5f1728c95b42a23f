import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {CALLER} from '../support/fixtures.js'
import {useSession} from '../support/session.js'

const DRY_RUN = 'Dry run: nothing was changed; the requests shown above were not sent.\n'
const API = '/solaruser/api/v1/sec/user/auth-tokens'
const HN = 'hNAdH.aXHaEqFossMwT8'
const KF = 'kF67p6g30eUXQICUgzQf'

describe('sec-tokens update', () => {
  const session = useSession()

  it('accepts every option in picocli short form and sends one policy in policy order', async () => {
    const result = await session.run([
      'sec-tokens',
      'update',
      '-id=' + KF,
      '-R',
      '-node',
      '3,1',
      '-node=2',
      '-source',
      '/a/**',
      '-N',
      '/pm/**',
      '-U=/um/**',
      '-A',
      '/api/**',
      '-agg=fiveminute',
      '-loc',
      'block',
      '-exp',
      '2099-10-30T12:45',
      '-tz=Pacific/Auckland',
      '-r',
      '-mode=JSON',
    ])
    assert.equal(result.stderr, '')
    assert.equal(result.code, 0)
    assert.deepEqual(session.received(), [
      `PUT ${API}/policy?tokenId=${KF} {"nodeIds":[1,2,3],"sourceIds":["/a/**"],"minAggregation":"FiveMinute","minLocationPrecision":"Block",` +
        `"nodeMetadataPaths":["/pm/**"],"userMetadataPaths":["/um/**"],"apiPaths":["/api/**"],"notAfter":4097000700000,"refreshAllowed":true}`,
    ])
    assert.match(result.stdout, /"policy":\{"nodeIds":\[1,2,3\],.*"notAfter":4097000700000,"refreshAllowed":true\}\}\n$/)
  })

  it('accepts the long forms with = and the colon command id', async () => {
    const result = await session.run([
      'sec-tokens:update',
      `--identifier=${KF}`,
      '--aggregation=day,Month',
      '--aggregation',
      'day',
      '--location-precision',
      'Street',
      '--display-mode=csv',
      '--active',
    ])
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(session.received(), [
      `POST ${API}/status tokenId=${KF}&status=Active`,
      `PATCH ${API}/policy?tokenId=${KF} {"aggregations":["Day","Month"],"locationPrecisions":["Street"]}`,
    ])
    assert.match(result.stdout, /^Token ID,Created,User ID,Type,Status,Name,Description,Policy\r\n/)
  })

  it('keeps the description when only the name is given (and the name for the description)', async () => {
    const named = await session.run(['sec-tokens', 'update', '-id', KF, '-n', 'Region one'])
    assert.equal(named.code, 0, named.stderr)
    const description = await session.run(['sec-tokens', 'update', '-id', KF, '-D', 'New words', '-mode', 'json'])
    assert.equal(description.code, 0, description.stderr)
    assert.deepEqual(session.received(), [
      `GET ${API}/find?identifiers=${KF}`,
      `POST ${API}/info name=Region+one&description=Allow+access+to+region+1+for+reporting+team.&tokenId=${KF}`,
      `GET ${API}/find?identifiers=${KF}`,
      `GET ${API}/find?identifiers=${KF}`,
      `POST ${API}/info name=Region+one&description=New+words&tokenId=${KF}`,
      `GET ${API}/find?identifiers=${KF}`,
    ])
    assert.match(description.stdout, /"name":"Region one","description":"New words"/)
  })

  it('takes -m as the name, as the Java tool does, and disables with -d', async () => {
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-m', 'M', '-D', 'D', '-d', '-mode', 'CSV'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`\r\n${HN.replaceAll('.', '\\.')},2025-09-29T03:52:43.281061Z,123,ReadNodeData,Disabled,M,D,\r\n$`))
    assert.equal(session.emulator.tokens.get(HN)?.status, 'Disabled')
  })

  it('refuses a token of another type and changes nothing', async () => {
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-t', 'user', '-n', 'x', '-node', '1'])
    assert.equal(result.code, 1)
    assert.equal(result.stdout, '')
    assert.equal(result.stderr, `Security token ${HN} is a ReadNodeData token, not User; nothing was changed.\n`)
    assert.deepEqual(session.received(), [`GET ${API}/find?identifiers=${HN}`])
    const ok = await session.run(['sec-tokens', 'update', '-id', HN, '--type=READNODEDATA', '-a'])
    assert.equal(ok.code, 0, ok.stderr)
  })

  it('takes values that start with a dash when they are attached with =', async () => {
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '--name=-n', '-D=-a note, --with dashes', '-mode', 'JSON'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /"name":"-n","description":"-a note, --with dashes"/)
  })

  it('exits 3 when there is nothing to update, sending nothing', async () => {
    for (const extra of [[], ['-R'], ['-tz', 'UTC'], ['-mode', 'JSON']]) {
      const result = await session.run(['sec-tokens', 'update', '-id', HN, ...extra])
      assert.equal(result.code, 3)
      assert.equal(result.stderr, 'No update options provided.\n')
    }
    assert.deepEqual(session.received(), [])
  })

  const badInputs: Array<[string[], RegExp]> = [
    [['-node', '1'], /^Missing required option: --identifier \(-id\)/],
    [['-id', HN, '-node', '1,x'], /^Invalid value for option '--node-id': 'x' is not an integer/],
    [
      ['-id', HN, '-agg', 'weekly'],
      /^Invalid value for option '--min-aggregation': expected one of None, .*RunningTotal \(case-insensitive\) but was 'weekly'/,
    ],
    [['-id', HN, '--aggregation', 'Day,Often'], /^Invalid value for option '--aggregation': expected one of .* but was 'Often'/],
    [['-id', HN, '-loc', 'Planet'], /^Invalid value for option '--min-location-precision': expected one of LatLong, .*Country/],
    [['-id', HN, '-mode', 'XML'], /^Invalid value for option '--display-mode': expected one of CSV, JSON, PRETTY/],
    [['-id', HN, '-t', 'Admin', '-a'], /^Invalid value for option '--type': expected one of ReadNodeData, User/],
    [['-id', HN, '-exp', '30/10/2020'], /^Invalid value for option '--expiration-date': cannot convert '30\/10\/2020'/],
    [['-id', HN, '-exp', '2020-10-30', '-tz', 'Mars/Olympus'], /^Invalid value for option '--time-zone': unknown time zone 'Mars\/Olympus'/],
    [['-id', HN, '-a', '-d'], /^--active \(-a\) and --disabled \(-d\) are mutually exclusive/],
    [['-id', HN, '-agg', 'Hour', '--aggregation', 'Day'], /^--aggregation and --min-aggregation \(-agg\) are mutually exclusive/],
    [
      ['-id', HN, '-loc', 'Block', '--location-precision', 'Street'],
      /^--location-precision and --min-location-precision \(-loc\) are mutually exclusive/,
    ],
    [['-id', HN, '-x', '-a'], /^Unknown option: '-x'/],
    [['-id', HN, '--frobnicate', '-a'], /^Unknown option: '--frobnicate'/],
    [['-id', HN, '-n'], /^Missing value for option --name \(-n, -m\) \(attach a value that starts with - with =, as in --name=-x\)/],
    [['-id', HN, '--description', '-nothing'], /^Missing value for option --description \(-D\)/],
    [['-id', HN, '-id', KF, '-a'], /^Option --identifier \(-id\) can only be given once/],
    [['-id', HN, 'extra', '-a'], /^Unexpected argument: extra/],
    [['-id', HN, '-r', 'false'], /^Unexpected argument: false/],
  ]
  for (const [args, message] of badInputs) {
    it(`rejects ${args.join(' ')} with one line, exit 2 and no request`, async () => {
      const result = await session.run(['sec-tokens', 'update', ...args])
      assert.equal(result.code, 2, result.stderr)
      assert.match(result.stderr, message)
      assert.match(result.stderr, /\(see: s10k sec-tokens update --help\)\n$/)
      assert.equal(result.stderr.split('\n').length, 2, result.stderr)
      assert.equal(result.stdout, '')
      assert.deepEqual(session.emulator.requests, [])
    })
  }

  it("shows the service's message for another user's token, exit 1", async () => {
    const result = await session.run(['sec-tokens', 'update', '-id', 'ZCv5FUjlTlIQGjigLhSW', '-a'])
    assert.equal(result.code, 1)
    assert.match(
      result.stderr,
      /^Access denied \(ACCESS_DENIED\): .* \(HTTP 403 from POST http:\/\/127\.0\.0\.1:\d+\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status\)\n$/,
    )
  })

  it('says which changes were applied when a later step fails', async () => {
    session.emulator.inject({method: 'PATCH', path: '/policy', status: 500, body: '{"success":false,"message":"Database unavailable"}'})
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-n', 'N', '-D', 'D', '-a', '-node', '1'])
    assert.equal(result.code, 1)
    assert.match(
      result.stderr,
      /^Database unavailable \(HTTP 500 from PATCH .*\/policy\)\. Applied: name and description, status Active\. Not applied: policy merged\.\n$/,
    )
    assert.equal(session.emulator.tokens.get(HN)?.name, 'N')
    assert.equal(session.emulator.tokens.get(HN)?.policy, undefined)
  })

  it('reports a non-JSON answer and a success:false without message', async () => {
    session.emulator.inject({path: '/status', status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>'})
    const html = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(html.code, 1)
    assert.match(
      html.stderr,
      /^POST http:.*\/status failed: HTTP 502 Bad Gateway, with an HTML page instead of JSON\. May have been applied: status Active\.\n$/,
    )
    session.emulator.inject({path: '/status', status: 200, body: '{"success":false}'})
    const unknown = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /^Non-success response from POST .*\/status: Unknown reason\.\n$/)
  })

  it('names the URL when the connection is reset or refused, without a stack trace', async () => {
    session.emulator.inject({path: '/status', action: 'reset'})
    const reset = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(reset.code, 1)
    // the request was sent before the connection dropped: it may have been applied
    assert.match(
      reset.stderr,
      /^No answer from http:\/\/127\.0\.0\.1:\d+\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status: connection reset\. May have been applied: status Active\.\n$/,
    )
    await session.emulator.stop()
    const refused = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /^Cannot reach http:\/\/127\.0\.0\.1:\d+\/.*\/status: connection refused\n$/)
  })

  it('prints "Token not available." when the token cannot be read back', async () => {
    session.emulator.inject({path: '/find', status: 200, body: '{"success":true,"data":{"results":[]}}'})
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(result.code, 0)
    assert.equal(result.stdout, '')
    assert.equal(result.stderr, 'Token not available.\n')
  })

  it('dry run prints the requests, reads what it needs and changes nothing', async () => {
    const before = JSON.stringify([...session.emulator.tokens.values()])
    const result = await session.run(['-n', 'sec-tokens', 'update', '-id', KF, '-n', 'New name', '-d', '-node', '9', '-R'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, DRY_RUN)
    const base = `${session.url}${API}`
    assert.equal(
      result.stdout,
      `POST ${base}/info\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\n\n` +
        `name=New+name&description=Allow+access+to+region+1+for+reporting+team.&tokenId=${KF}\n` +
        `POST ${base}/status\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\n\ntokenId=${KF}&status=Disabled\n` +
        `PUT ${base}/policy?tokenId=${KF}\nContent-Type: application/json\n\n{"nodeIds":[9]}\n`,
    )
    assert.deepEqual(session.received(), [`GET ${API}/find?identifiers=${KF}`])
    assert.equal(JSON.stringify([...session.emulator.tokens.values()]), before)
    const after = await session.run(['sec-tokens', 'update', '-id', HN, '-a', '--dry-run'])
    assert.equal(after.code, 0)
    assert.match(after.stdout, /^POST .*\/status\n/)
  })

  it('reads options from argument files', async () => {
    const file = join(session.home.path, 'update.args')
    writeFileSync(file, `# student token\n-id ${HN}\n--name 'Student access' # quoted\n@${join(session.home.path, 'more.args')}\n`)
    writeFileSync(join(session.home.path, 'more.args'), '--description "Allow access to school system data."\n-mode JSON\n')
    const result = await session.run(['sec-tokens', 'update', `@${file}`])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /"name":"Student access","description":"Allow access to school system data\."/)
  })

  it('takes 10,000 node IDs from an argument file', async () => {
    const file = join(session.home.path, 'nodes.args')
    writeFileSync(file, `-id ${KF} -R -node ${Array.from({length: 10_000}, (_, i) => i + 1).join(',')}\n`)
    const result = await session.run(['sec-tokens', 'update', `@${file}`, '-mode', 'json'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {policy: {nodeIds: number[]}}).policy.nodeIds.length, 10_000)
  })

  it('shows help and version', async () => {
    const help = await session.run(['sec-tokens', 'update', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Update a security token\./)
    assert.match(help.stdout, /-id, --identifier=tokenId/)
    const version = await session.run(['-V'])
    assert.match(version.stdout, /^s10k\/\d+\.\d+\.\d+ /)
    const after = await session.run(['sec-tokens', 'update', '-V'])
    assert.match(after.stdout, /^s10k\/\d+\.\d+\.\d+ /)
  })

  it('never prints the secret, even with -v and --http-trace', async () => {
    for (const mode of ['PRETTY', 'CSV', 'JSON']) {
      const result = await session.run(['-v', '--http-trace', 'sec-tokens', 'update', '-id', KF, '-n', 'x', '-node', '1', '-mode', mode])
      assert.equal(result.code, 0, result.stderr)
      assert.ok(!result.stdout.includes(CALLER.secret) && !result.stderr.includes(CALLER.secret))
      assert.match(result.stderr, /Signature=<redacted>/)
      assert.doesNotMatch(result.stderr, /Signature=[0-9a-f]{64}/)
    }
  })
})
