import assert from 'node:assert/strict'
import {chmodSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {makeHome} from '../support/cli.js'
import {SolarUserEmulator} from '../support/emulator.js'
import {CALLER, exampleTokens} from '../support/fixtures.js'
import {runS10k} from '../support/in-process.js'

const HN = 'hNAdH.aXHaEqFossMwT8'
const UPDATE = ['sec-tokens', 'update', '-id', HN, '-a', '-mode', 'JSON']

/** Which token signed the last request the emulator received. */
function lastCaller(emulator: SolarUserEmulator): string {
  const last = emulator.requests.at(-1)
  assert.ok(last, 'no request received')
  return last.auth.ok ? last.auth.tokenId : `rejected: ${last.auth.reason}`
}

describe('credentials and config', () => {
  const emulator = new SolarUserEmulator([
    ...exampleTokens(),
    {id: 'envTokenEnvTokenEnv1', secret: 'envSecretEnvSecretEnv123', userId: 123, created: '2025-01-01 00:00:00Z', status: 'Active', type: 'User'},
    {id: 'homeProfileToken0001', secret: 'homeSecretHomeSecret1234', userId: 123, created: '2025-01-01 00:00:00Z', status: 'Active', type: 'User'},
    {id: 'zeroSecretToken00001', secret: '0leadingZeroSecret123456', userId: 123, created: '2025-01-01 00:00:00Z', status: 'Active', type: 'User'},
  ])
  let url: string
  before(async () => {
    url = await emulator.start()
  })
  after(async () => {
    await emulator.stop()
  })

  const files = () => ({
    config: `[service-urls]\nsolaruser = "${url}"\n\n[profile.home.service-urls]\nsolaruser = "${url}"\n`,
    credentials:
      `sn_token_id = "${CALLER.tokenId}"\nsn_token_secret = "${CALLER.secret}"\n\n` +
      `[home]\nsn_token_id = "homeProfileToken0001"\nsn_token_secret = "homeSecretHomeSecret1234"\n`,
  })
  const ENV = {SN_TOKEN_ID: 'envTokenEnvTokenEnv1', SN_TOKEN_SECRET: 'envSecretEnvSecretEnv123'}

  it('uses the default profile, then the environment over it, then flags over both', async () => {
    const home = makeHome(files())
    try {
      assert.equal((await runS10k(UPDATE, {home: home.path})).code, 0)
      assert.equal(lastCaller(emulator), CALLER.tokenId)
      assert.equal((await runS10k(UPDATE, {home: home.path, env: ENV})).code, 0)
      assert.equal(lastCaller(emulator), 'envTokenEnvTokenEnv1')
      const flags = await runS10k(['-u', 'homeProfileToken0001', '-p=homeSecretHomeSecret1234', ...UPDATE], {home: home.path, env: ENV})
      assert.equal(flags.code, 0, flags.stderr)
      assert.equal(lastCaller(emulator), 'homeProfileToken0001')
      assert.match(flags.stderr, /^Warning: --secret on the command line can end up in shell history/)
    } finally {
      home.remove()
    }
  })

  it('lets a named profile win over everything, before or after the command', async () => {
    const home = makeHome(files())
    try {
      assert.equal((await runS10k(['-P', 'home', ...UPDATE], {home: home.path, env: ENV})).code, 0)
      assert.equal(lastCaller(emulator), 'homeProfileToken0001')
      assert.equal((await runS10k([...UPDATE, '--profile=home'], {home: home.path})).code, 0)
      assert.equal(lastCaller(emulator), 'homeProfileToken0001')
    } finally {
      home.remove()
    }
  })

  it("uses a named profile's service URLs from [profile.NAME.service-urls]", async () => {
    const home = makeHome({
      config: `[service-urls]\nsolaruser = "http://127.0.0.1:9"\n\n[profile.home.service-urls]\nsolaruser = "${url}"\n`,
      credentials: files().credentials,
    })
    try {
      const root = await runS10k(UPDATE, {home: home.path})
      assert.equal(root.code, 1)
      assert.match(root.stderr, /^Cannot reach http:\/\/127\.0\.0\.1:9\//)
      const named = await runS10k(['-P', 'home', ...UPDATE], {home: home.path})
      assert.equal(named.code, 0, named.stderr)
      assert.equal(lastCaller(emulator), 'homeProfileToken0001')
    } finally {
      home.remove()
    }
  })

  it('reads the secret from standard input for a bare -p', async () => {
    const home = makeHome({config: files().config})
    try {
      const result = await runS10k(['-u', CALLER.tokenId, '-p', ...UPDATE], {home: home.path, input: `${CALLER.secret}\n`})
      assert.equal(result.code, 0, result.stderr)
      assert.equal(lastCaller(emulator), CALLER.tokenId)
      const after = await runS10k([...UPDATE, '-u', CALLER.tokenId, '-p'], {home: home.path, input: CALLER.secret})
      assert.equal(after.code, 0, after.stderr)
    } finally {
      home.remove()
    }
  })

  it('accepts a secret that starts with 0 (the Java tool rejects it)', async () => {
    const home = makeHome({config: files().config})
    try {
      const result = await runS10k(UPDATE, {home: home.path, env: {SN_TOKEN_ID: 'zeroSecretToken00001', SN_TOKEN_SECRET: '0leadingZeroSecret123456'}})
      assert.equal(result.code, 0, result.stderr)
      assert.equal(lastCaller(emulator), 'zeroSecretToken00001')
    } finally {
      home.remove()
    }
  })

  it('exits 4 with advice when there are no credentials, sending nothing', async () => {
    const home = makeHome({config: files().config})
    try {
      const count = emulator.requests.length
      const result = await runS10k(UPDATE, {home: home.path})
      assert.equal(result.code, 4)
      assert.equal(
        result.stderr,
        'No credentials: pass --token and -p (prompt), set SN_TOKEN_ID/SN_TOKEN_SECRET, or add a profile to ~/.s10k/credentials\n',
      )
      const missing = await runS10k(['-P', 'nope', ...UPDATE], {home: home.path})
      assert.equal(missing.code, 4)
      assert.match(missing.stderr, /^No profile "nope" with sn_token_id and sn_token_secret in .*\.s10k\/credentials\n$/)
      assert.equal(emulator.requests.length, count)
    } finally {
      home.remove()
    }
  })

  it('exits 4 when the service rejects the credentials, without showing the secret', async () => {
    const home = makeHome({config: files().config})
    try {
      const result = await runS10k(UPDATE, {home: home.path, env: {SN_TOKEN_ID: CALLER.tokenId, SN_TOKEN_SECRET: 'wrongSecretWrongSecret12'}})
      assert.equal(result.code, 4)
      assert.match(result.stderr, /^Credentials rejected by POST .*\/status: Bad credentials \(check the token ID and secret\)\n$/)
      assert.ok(!result.stderr.includes('wrongSecretWrongSecret12'))
    } finally {
      home.remove()
    }
  })

  it('warns when the credentials file is readable by others', async () => {
    const home = makeHome(files())
    try {
      const path = join(home.path, '.s10k', 'credentials')
      chmodSync(path, 0o644)
      const result = await runS10k(UPDATE, {home: home.path})
      assert.equal(result.code, 0)
      assert.equal(result.stderr, `Warning: ${path} can be read by other users; fix it with: chmod 600 ${path}\n`)
    } finally {
      home.remove()
    }
  })

  it('uses the default base URL and a base path prefix from the config', async () => {
    const home = makeHome({credentials: files().credentials})
    try {
      const dry = await runS10k(['-n', ...UPDATE], {home: home.path})
      assert.equal(dry.code, 0, dry.stderr)
      assert.match(dry.stdout, /^POST https:\/\/data\.solarnetwork\.net\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status\n/)
      writeFileSync(join(home.path, '.s10k', 'config'), 'service-urls = { solaruser = "https://example.com/proxy/" }\n')
      const prefixed = await runS10k(['-n', ...UPDATE], {home: home.path})
      assert.match(prefixed.stdout, /^POST https:\/\/example\.com\/proxy\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status\n/)
    } finally {
      home.remove()
    }
  })

  it('reports a broken config or credentials file in one line, exit 2', async () => {
    const home = makeHome({config: 'service-urls = [\n', credentials: files().credentials})
    try {
      const result = await runS10k(UPDATE, {home: home.path})
      assert.equal(result.code, 2)
      assert.match(result.stderr, /^Invalid TOML in .*\.s10k\/config: /)
      assert.equal(result.stderr.split('\n').length, 2)
      writeFileSync(join(home.path, '.s10k', 'config'), '[service-urls]\nsolaruser = "ftp://x"\n')
      const url = await runS10k(UPDATE, {home: home.path})
      assert.equal(url.code, 2)
      assert.match(url.stderr, /service-urls\.solaruser must be an http or https URL: ftp:\/\/x/)
    } finally {
      home.remove()
    }
  })
})
