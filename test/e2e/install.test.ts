import assert from 'node:assert/strict'
import {execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {type CliResult, ROOT, cliEnv} from '../support/cli.js'
import {type Session, openSession} from '../support/session.js'

const KF = 'kF67p6g30eUXQICUgzQf'

/** Runs the installed s10k (not this checkout's bin/run.cjs) from `cwd`. */
function runInstalled(bin: string, args: readonly string[], options: {home: string; cwd: string; env?: Record<string, string>}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {cwd: options.cwd, env: {...cliEnv(options.home), ...options.env}})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({code: code ?? -1, stdout, stderr})
    })
    child.stdin.end()
  })
}

/** `npm pack` of the build into `dir`; gives the tarball's path. */
function packBuild(dir: string): string {
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], {cwd: ROOT, stdio: 'ignore'})
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')) ?? 'missing.tgz')
}

/**
 * `npm pack` at the root, then `npm install -g --prefix` of the tarball into an empty folder, as a user
 * installs a release: the installed s10k works on its own, first-party plugin included.
 */
describe('the package', () => {
  let work: string
  let prefix: string
  let tarball: string
  let session: Session
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 's10k-install-'))
    prefix = join(work, 'prefix')
    // npm test has just built and packed it once for every Node (scripts/test.mjs); run alone, the test packs the build
    tarball = process.env.S10K_TEST_TARBALL ?? packBuild(work)
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {cwd: work, stdio: 'ignore'})
    session = await openSession()
  })
  after(async () => {
    await session.close()
    rmSync(work, {recursive: true, force: true})
  })

  it('is one tarball with the plugins, LICENSE and README, and no build leftovers', () => {
    const files = execFileSync('tar', ['tzf', tarball], {encoding: 'utf8'}).split('\n')
    for (const file of ['package/LICENSE', 'package/README.md', 'package/SECURITY.md', 'package/bin/run.cjs', 'package/dist/bundle/s10k.cjs']) {
      assert.ok(files.includes(file), file)
    }
    assert.ok(files.includes('package/node_modules/@s10k/plugin-sec-tokens/dist/commands/sec-tokens/update.js'))
    assert.ok(files.includes('package/node_modules/@s10k/plugin-sec-tokens/oclif.manifest.json'))
    assert.ok(files.includes('package/node_modules/@s10k/plugin-nodes/dist/commands/nodes/meta/save.js'))
    assert.ok(files.includes('package/node_modules/@s10k/plugin-nodes/oclif.manifest.json'))
    assert.ok(files.includes('package/node_modules/@s10k/plugin-datum/dist/commands.cjs'))
    assert.ok(files.includes('package/node_modules/@s10k/plugin-datum/oclif.manifest.json'))
    assert.deepEqual(
      files.filter((f) => /tsbuildinfo|\/src\/|\/test\/|\.ts$/.test(f) && !f.endsWith('.d.ts')),
      [],
    )
  })

  it('installs into an empty prefix and works without the checkout: version, help, update against a service', async () => {
    const bin = join(prefix, 'bin', 's10k')
    const version = await runInstalled(bin, ['version'], {home: session.home.path, cwd: work})
    assert.deepEqual([version.code, version.stdout], [0, '0.1.0\n'])
    const help = await runInstalled(bin, ['sec-tokens', 'update', '--help'], {home: session.home.path, cwd: work})
    assert.match(help.stdout, /^Update a security token\.\n\nUSAGE\n {2}\$ s10k sec-tokens update \[-rR\] -id=tokenId/)
    const update = await runInstalled(bin, ['sec-tokens', 'update', '-id', KF, '-n', 'Installed', '-mode', 'CSV'], {
      home: session.home.path,
      cwd: work,
    })
    assert.equal(update.code, 0, update.stderr)
    assert.match(update.stdout, new RegExp(`\\r\\n${KF},.*,Installed,Allow access to region 1 for reporting team\\.,`))
    const ids = await runInstalled(bin, ['nodes', 'ids', '-mode', 'JSON'], {home: session.home.path, cwd: work})
    assert.deepEqual([ids.code, ids.stdout], [0, '[64,70,101]\n'])
    const streams = await runInstalled(bin, ['datum', 'stream', 'ids', '-node', '64', '-mode', 'CSV'], {home: session.home.path, cwd: work})
    assert.deepEqual(
      [streams.code, streams.stdout],
      [
        0,
        'Stream ID,Kind,ID,Source ID\r\n2e16deac-bd95-4d4b-9668-4441f48aea17,Node,64,/meter/1\r\na73f4797-d9aa-4496-b96c-04ad934b1550,Node,64,/meter/2\r\n',
      ],
    )
    assert.deepEqual(session.received()[0], `GET /solaruser/api/v1/sec/user/auth-tokens/find?identifiers=${KF}`)
  })

  it('starts from the plugin configuration recorded at build time, which matches the installed layout', async () => {
    const recorded = join(prefix, 'lib', 'node_modules', 's10k', 'dist', 'bundle', 'plugins.json')
    const original = readFileSync(recorded, 'utf8')
    const plugins = JSON.parse(original) as {root: string; manifest: {commands: Record<string, {summary?: string}>}}[]
    plugins[0].manifest.commands.version.summary = 'As recorded.'
    writeFileSync(recorded, JSON.stringify(plugins))
    try {
      const help = await runInstalled(join(prefix, 'bin', 's10k'), ['--help'], {home: session.home.path, cwd: work})
      assert.match(help.stdout, /^ {2}version +As recorded\.$/m)
    } finally {
      writeFileSync(recorded, original)
    }
  })

  it('installs a plugin from a relative path, which then imports the installed s10k', async () => {
    const bin = join(prefix, 'bin', 's10k')
    execFileSync('npm', ['pack', '--pack-destination', work, join(ROOT, 'examples', 'plugin-markdown')], {cwd: work, stdio: 'ignore'})
    const env = {S10K_DATA_DIR: join(work, 'data')}
    const install = await runInstalled(bin, ['plugins', 'install', './s10k-plugin-markdown-1.0.0.tgz'], {home: session.home.path, cwd: work, env})
    assert.equal(install.code, 0, install.stderr)
    const whoami = await runInstalled(bin, ['whoami', '-mode', 'markdown'], {home: session.home.path, cwd: work, env})
    assert.equal(whoami.code, 0, whoami.stderr)
    assert.match(whoami.stdout, /^\| Token ID \| User ID \|/)
  })
})
