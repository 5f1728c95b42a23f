import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename, join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {ROOT, cliEnv, makeHome} from '../support/cli.js'
import {copyInstallation} from '../support/installation.js'

interface Compiler {
  cacheFiles(chunk?: string): string[]
  compile(cachedData?: Buffer, chunk?: string): {cachedDataRejected?: boolean}
}

/**
 * The V8 code cache for the Node that runs s10k (scripts/bundle/compile.cjs): written on the first run when
 * there is none for this Node, next to the bundle or, when the installation is read-only, in the user's cache
 * folder; a corrupt or foreign one is ignored and replaced, never fatal. Each test runs a copy of the built
 * installation, so that the checkout's own caches are left alone.
 */
describe('the code cache', () => {
  let copy: ReturnType<typeof copyInstallation>
  let root: string
  let bundle: string
  let compiler: Compiler
  let cacheName: string
  let expectedHelp: string
  const home = makeHome()

  before(() => {
    copy = copyInstallation()
    root = copy.root
    bundle = copy.bundle
    compiler = createRequire(import.meta.url)(join(bundle, 'compile.cjs')) as Compiler
    cacheName = compiler.cacheFiles()[0].split('/').at(-1) ?? ''
    expectedHelp = help().stdout
  })
  after(() => {
    copy.remove()
    home.remove()
  })

  function help(options: {readOnly?: boolean; env?: Record<string, string>} = {}) {
    const env = {...cliEnv(home.path), ...options.env}
    const run = options.readOnly
      ? spawnSync(
          'unshare',
          [
            '-rm',
            'sh',
            '-c',
            'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && shift && exec "$@"',
            root,
            process.execPath,
            join(root, 'bin', 'run.cjs'),
            '--help',
          ],
          {env, encoding: 'utf8'},
        )
      : spawnSync(process.execPath, [join(root, 'bin', 'run.cjs'), '--help'], {env, encoding: 'utf8'})
    assert.deepEqual([run.status, run.stderr], [0, ''])
    assert.match(run.stdout, /^Command line tool for the SolarNetwork API\n/)
    return run
  }

  /** V8 takes the cache at `path` for this Node and this bundle. */
  function assertAccepted(path: string) {
    assert.equal(compiler.compile(readFileSync(path)).cachedDataRejected, false, `${path} was rejected`)
  }

  const userCache = () => join(home.path, '.cache', 's10k', 'code-cache', cacheName)

  it('is written next to the bundle on the first run of a Node without one, and read by the next run', () => {
    rmSync(join(bundle, cacheName), {force: true})
    help()
    const cache = join(bundle, cacheName)
    assertAccepted(cache)
    const written = statSync(cache)
    assert.equal(help().stdout, expectedHelp)
    // read and accepted: not written again
    assert.equal(statSync(cache).ino, written.ino)
    assert.equal(readdirSync(bundle).filter((f) => f.endsWith('.tmp')).length, 0)
  })

  for (const [kind, bytes] of [
    ['garbage', () => Buffer.from('not a V8 code cache at all, but some bytes '.repeat(100))],
    ['an empty file', () => Buffer.alloc(0)],
    ['a truncated cache', () => readFileSync(join(bundle, cacheName)).subarray(0, 4096)],
    ['the cache of another Node version', () => readFileSync(join(ROOT, 'dist', 'bundle', otherNodeCache()))],
  ] as const) {
    it(`is ignored and replaced when it is ${kind}`, () => {
      help()
      writeFileSync(join(bundle, cacheName), bytes())
      assert.equal(help().stdout, expectedHelp)
      assertAccepted(join(bundle, cacheName))
    })
  }

  /** A cache the build trained for a Node other than this one (the build trains one per supported Node). */
  function otherNodeCache(): string {
    const other = readdirSync(join(ROOT, 'dist', 'bundle')).find((f) => f.endsWith('.cache') && !f.includes(`node-${process.version}-`))
    assert.ok(other, 'the build trains caches for more than one Node')
    return other
  }

  it('goes to the user cache folder when the installation is read-only, and is read from there', () => {
    rmSync(join(bundle, cacheName), {force: true})
    rmSync(userCache(), {force: true})
    assert.equal(help({readOnly: true}).stdout, expectedHelp)
    assert.equal(existsSync(join(bundle, cacheName)), false)
    assertAccepted(userCache())
    const written = statSync(userCache())
    assert.equal(help({readOnly: true}).stdout, expectedHelp)
    assert.equal(statSync(userCache()).ino, written.ino)
  })

  it('of axios, a chunk of its own that help never loads, is written by the first process that loads it, read by the next, replaced when corrupt', () => {
    const [axiosCache] = compiler.cacheFiles('s10k-axios')
    assert.match(basename(axiosCache), /^s10k-axios\./)
    rmSync(axiosCache, {force: true})
    help()
    assert.equal(existsSync(axiosCache), false)
    // what the bundle's import('axios') does on the first request (a plugin's requests, in this copy, would go
    // through the checkout's s10k, which plugins resolve)
    const loadAxios = () => {
      const script = `const axios = require(${JSON.stringify(join(bundle, 'compile.cjs'))}).load('s10k-axios', {exports: {}}, require)
        process.stdout.write(typeof axios.create + ' ' + typeof axios.get)`
      const run = spawnSync(process.execPath, ['-e', script], {env: cliEnv(home.path), encoding: 'utf8'})
      assert.deepEqual([run.status, run.stderr, run.stdout], [0, '', 'function function'])
    }
    loadAxios()
    assert.equal(compiler.compile(readFileSync(axiosCache), 's10k-axios').cachedDataRejected, false)
    const written = statSync(axiosCache)
    loadAxios()
    // read and accepted: not written again
    assert.equal(statSync(axiosCache).ino, written.ino)
    writeFileSync(axiosCache, 'not a V8 code cache at all')
    loadAxios()
    assert.equal(compiler.compile(readFileSync(axiosCache), 's10k-axios').cachedDataRejected, false)
  })

  it('is not needed: a run where no cache can be written works the same', () => {
    rmSync(join(bundle, cacheName), {force: true})
    const blocked = join(home.path, 'not-a-folder')
    writeFileSync(blocked, '')
    assert.equal(help({readOnly: true, env: {S10K_CACHE_DIR: blocked}}).stdout, expectedHelp)
    assert.equal(existsSync(join(bundle, cacheName)), false)
  })
})
