import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'node:test'

import {ROOT, makeHome, runCli} from '../support/cli.js'
import {CALLER} from '../support/fixtures.js'
import {type Session, openSession} from '../support/session.js'

const EXAMPLE = join(ROOT, 'examples', 'plugin-markdown')
const KF = 'kF67p6g30eUXQICUgzQf'

describe('plugins', () => {
  let session: Session
  let dataDir: string
  let env: Record<string, string>
  beforeEach(async () => {
    session = await openSession()
    dataDir = mkdtempSync(join(tmpdir(), 's10k-data-'))
    env = {S10K_DATA_DIR: dataDir}
  })
  afterEach(async () => {
    await session.close()
    rmSync(dataDir, {recursive: true, force: true})
  })

  const gitStatus = () => execFileSync('git', ['status', '--porcelain'], {cwd: ROOT, encoding: 'utf8'})

  it('links the example plugin: its command, its display mode everywhere, then uninstalls it', async () => {
    const before = gitStatus()
    assert.equal((await session.spawn(['plugins'], {env})).stdout, 'No plugins installed.\n')
    const link = await session.spawn(['plugins', 'link', EXAMPLE, '--no-install'], {env})
    assert.equal(link.code, 0, link.stderr)
    assert.doesNotMatch(link.stderr, /Warning/)
    assert.equal((await session.spawn(['plugins'], {env})).stdout, `s10k-plugin-markdown 1.0.0 (link) ${EXAMPLE}\n`)

    const whoami = await session.spawn(['whoami', '-mode', 'markdown'], {env})
    assert.equal(whoami.code, 0, whoami.stderr)
    assert.equal(
      whoami.stdout,
      `| Token ID | User ID | Type | Status | Name |\n| --- | ---: | --- | --- | --- |\n| ${CALLER.tokenId} | 123 | User | Active | Admin |\n`,
    )

    const update = await session.spawn(
      ['sec-tokens', 'update', '-id', KF, '-R', '-node', '107,164', '-source', '/REGION2/**', '--display-mode=MARKDOWN'],
      {env},
    )
    assert.equal(update.code, 0, update.stderr)
    assert.equal(
      update.stdout,
      '| Token ID | Created | User ID | Type | Status | Name | Description | Policy |\n' +
        '| --- | --- | ---: | --- | --- | --- | --- | --- |\n' +
        `| ${KF} | 2025-09-29T04:23:20.302917Z | 123 | User | Active | Reporting: region 1 | Allow access to region 1 for reporting team. | ` +
        '{<br>  "nodeIds" : [ 107, 164 ],<br>  "sourceIds" : [ "/REGION2/**" ]<br>} |\n',
    )

    const help = await session.spawn(['sec-tokens', 'update', '--help'], {env})
    assert.match(help.stdout.replace(/\s+/g, ' '), /the format to display the data as, one of CSV, JSON, MARKDOWN, or PRETTY; defaults to PRETTY/)
    const bad = await session.spawn(['sec-tokens', 'list', '-mode', 'html'], {env})
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /expected one of CSV, JSON, MARKDOWN, PRETTY \(case-insensitive\) but was 'html'/)

    const uninstall = await session.spawn(['plugins', 'uninstall', 's10k-plugin-markdown'], {env})
    assert.equal(uninstall.code, 0, uninstall.stderr)
    assert.equal((await session.spawn(['plugins'], {env})).stdout, 'No plugins installed.\n')
    assert.equal((await session.spawn(['whoami'], {env})).code, 2)
    assert.equal((await session.spawn(['sec-tokens', 'list', '-mode', 'markdown'], {env})).code, 2)
    assert.equal(gitStatus(), before, 'the project folder was changed')
  })

  it('takes credentials from a plugin when no built-in source has any, after all of them', async () => {
    // a named profile uses its own section's service URLs only
    const home = makeHome({config: `[service-urls]\nsolaruser = "${session.url}"\n[profile.home.service-urls]\nsolaruser = "${session.url}"\n`})
    try {
      assert.equal((await runCli(['plugins', 'link', EXAMPLE, '--no-install'], {home: home.path, env})).code, 0)
      const none = await runCli(['whoami'], {home: home.path, env})
      assert.equal(none.code, 4)
      assert.match(none.stderr, /^No credentials: /)
      const keychain = join(home.path, '.s10k', 'example-keychain.json')
      writeFileSync(keychain, JSON.stringify({default: CALLER, home: {tokenId: KF, secret: 'kF6secretkF6secretkF6secr'}}), {mode: 0o600})
      const found = await runCli(['whoami', '-mode', 'CSV'], {home: home.path, env})
      assert.equal(found.code, 0, found.stderr)
      assert.match(found.stdout, new RegExp(`\r\n${CALLER.tokenId},123,User,Active,Admin\r\n$`))
      const profile = await runCli(['-P', 'home', 'whoami', '-mode', 'CSV'], {home: home.path, env})
      assert.match(profile.stdout, new RegExp(`\r\n${KF},123,User,Active,Reporting: region 1\r\n$`))
      const env2 = {...env, SN_TOKEN_ID: 'hNAdH.aXHaEqFossMwT8', SN_TOKEN_SECRET: '0dh3Q.sT9aXb_LmN2pQr4StUv'}
      const fromEnv = await runCli(['whoami', '-mode', 'CSV'], {home: home.path, env: env2})
      assert.equal(fromEnv.code, 1, 'a ReadNodeData token may not use the token API')
      assert.deepEqual(session.emulator.requests.at(-1)?.auth, {ok: true, tokenId: 'hNAdH.aXHaEqFossMwT8'})
      unlinkSync(keychain)
    } finally {
      home.remove()
    }
  })

  // one real install: every form of the path (./NAME.tgz, file:./NAME.tgz, ~/, absolute) reaches npm as the same
  // file:/absolute spec (test/unit/argv/passes.test.ts), and install.test.ts installs ./NAME.tgz into the installed s10k
  it('installs a plugin from a package file given as file:./NAME.tgz, in seconds, without the registry', async () => {
    const pack = mkdtempSync(join(tmpdir(), 's10k-pack-'))
    try {
      execFileSync('npm', ['pack', '--pack-destination', pack], {cwd: EXAMPLE, stdio: 'ignore'})
      const install = await runCli(['plugins', 'install', `file:./${readdirSync(pack)[0]}`], {home: session.home.path, env, cwd: pack})
      assert.equal(install.code, 0, install.stderr)
      assert.doesNotMatch(install.stderr, /Warning/)
      assert.equal((await session.spawn(['plugins'], {env})).stdout, 's10k-plugin-markdown 1.0.0\n')
      // s10k is given to plugins by s10k itself, never fetched as the peer dependency
      assert.match(readFileSync(join(dataDir, '.npmrc'), 'utf8'), /^legacy-peer-deps=true$/m)
      const whoami = await session.spawn(['whoami', '-mode', 'markdown'], {env})
      assert.equal(whoami.code, 0, whoami.stderr)
      assert.match(whoami.stdout, /^\| Token ID \|/)
      assert.equal((await session.spawn(['plugins', 'uninstall', 's10k-plugin-markdown'], {env})).code, 0)
      assert.equal((await session.spawn(['plugins'], {env})).stdout, 'No plugins installed.\n')
    } finally {
      rmSync(pack, {recursive: true, force: true})
    }
  })

  it('gives s10k to a plugin linked from outside this folder, and says in one line when a plugin cannot load', async () => {
    const outside = mkdtempSync(join(tmpdir(), 's10k-outside-'))
    try {
      mkdirSync(join(outside, 'commands'))
      writeFileSync(
        join(outside, 'package.json'),
        JSON.stringify({name: 'outside-plugin', version: '1.0.0', type: 'module', oclif: {commands: './commands'}}),
      )
      writeFileSync(
        join(outside, 'commands', 'hello.js'),
        "import {S10kCommand} from 's10k'\nexport default class Hello extends S10kCommand {\n  static summary = 'Say hello.'\n  async run() {\n    return {message: 'hello from outside'}\n  }\n}\n",
      )
      const link = await session.spawn(['plugins', 'link', outside, '--no-install'], {env})
      assert.equal(link.code, 0, link.stderr)
      assert.equal(link.stderr.includes('Warning'), false, link.stderr)
      const hello = await session.spawn(['hello'], {env})
      assert.deepEqual([hello.code, hello.stdout, hello.stderr], [0, 'hello from outside\n', ''])

      writeFileSync(join(outside, 'commands', 'broken.js'), 'this is not JavaScript(\n')
      const list = await session.spawn(['sec-tokens', 'list', '-mode', 'CSV'], {env})
      assert.equal(list.code, 0, list.stderr)
      assert.match(list.stderr, /^Warning: plugin outside-plugin could not be loaded \(.+\); see: s10k plugins inspect outside-plugin\n$/)
    } finally {
      rmSync(outside, {recursive: true, force: true})
    }
  })

  it('keeps user plugins under XDG_DATA_HOME when S10K_DATA_DIR is not set', async () => {
    const xdg = join(dataDir, 'xdg')
    const link = await session.spawn(['plugins', 'link', EXAMPLE, '--no-install'], {env: {XDG_DATA_HOME: xdg}})
    assert.equal(link.code, 0, link.stderr)
    assert.ok(existsSync(join(xdg, 's10k', 'package.json')))
  })
})

describe('autocomplete', () => {
  it('prints setup for bash and zsh, and completes sec-tokens commands and flags', async () => {
    const home = makeHome()
    try {
      const bash = await runCli(['autocomplete', 'bash'], {home: home.path})
      assert.equal(bash.code, 0, bash.stderr)
      assert.match(bash.stdout, /printf "\$\(s10k autocomplete script bash\)" >> ~\/\.bashrc/)
      const zsh = await runCli(['autocomplete', 'zsh'], {home: home.path})
      assert.match(zsh.stdout, /printf "\$\(s10k autocomplete script zsh\)" >> ~\/\.zshrc/)
      const functions = join(home.path, '.cache', 's10k', 'autocomplete', 'functions')
      const bashScript = readFileSync(join(functions, 'bash', 's10k.bash'), 'utf8')
      for (const id of ['sec-tokens:list', 'sec-tokens:create', 'sec-tokens:update', 'sec-tokens:delete']) assert.ok(bashScript.includes(id), id)
      assert.match(bashScript, /--node-id/)
      const zshScript = readFileSync(join(functions, 'zsh', '_s10k'), 'utf8')
      assert.match(zshScript, /--min-aggregation/)
    } finally {
      home.remove()
    }
  })
})
