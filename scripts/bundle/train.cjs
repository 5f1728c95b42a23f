'use strict'
// Build step, once per Node the build trains for: runs the bundle through `--help` and a dry-run update (no network, output captured), so that the
// functions every run needs are compiled, then writes the V8 code cache, which then holds them too. Fails the
// build when either run does not give its expected output, or when V8 would not accept the cache.
const {mkdtempSync, rmSync, writeFileSync} = require('node:fs')
const {tmpdir} = require('node:os')
const {join} = require('node:path')

const {cacheFiles, compile, run, saveCache} = require(join(process.cwd(), 'dist', 'bundle', 'compile.cjs'))

// the build's own cache, next to the bundle, for the Node running this
const [cacheFile] = cacheFiles()

const RUNS = [
  {args: ['--help'], expect: /^USAGE$/m},
  {
    args: ['sec-tokens', 'update', '-id', 'x', '-n', 'a', '-D', 'b', '-a', '-node', '1', '--dry-run'],
    expect: /^PATCH http:\/\/127\.0\.0\.1:9\/solaruser\//m,
  },
]

async function train() {
  const script = compile(undefined)
  const bundle = {exports: {}}
  run(script, bundle, require)
  const s10k = bundle.exports
  const home = mkdtempSync(join(tmpdir(), 's10k-cache-'))
  const config = join(home, '.s10k')
  require('node:fs').mkdirSync(config)
  writeFileSync(join(config, 'config'), '[service-urls]\nsolaruser = "http://127.0.0.1:9"\n')
  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_CACHE_HOME: home,
    SN_TOKEN_ID: 'training',
    SN_TOKEN_SECRET: 'training',
  })
  const write = process.stdout.write
  try {
    for (const {args, expect} of RUNS) {
      let out = ''
      process.stdout.write = (chunk, encoding, callback) => {
        out += String(chunk)
        if (typeof encoding === 'function') encoding()
        else if (typeof callback === 'function') callback()
        return true
      }
      await s10k.execute({args: s10k.prepareArgv(args), dir: join(process.cwd(), 'bin', 'run.cjs')})
      process.stdout.write = write
      if (!expect.test(out) || process.exitCode) throw new Error(`training run "s10k ${args.join(' ')}" did not give its expected output:\n${out}`)
    }
  } finally {
    process.stdout.write = write
    rmSync(home, {recursive: true, force: true})
  }
  if (saveCache(script, [cacheFile]) !== cacheFile) throw new Error(`could not write ${cacheFile}`)
}

train().then(
  () => {
    const check = compile(require('node:fs').readFileSync(cacheFile))
    if (check.cachedDataRejected) throw new Error('V8 rejected the code cache it just wrote')
  },
  (error) => {
    console.error(`Code cache training failed: ${error.message}`)
    process.exit(1)
  },
)
