'use strict'
// Build step, once per Node the build trains for: runs a bundle through the runs below (no network, output
// captured), so that the functions every run needs are compiled, then writes the V8 code cache next to the
// bundle, which then holds them too. Fails when a run does not give its expected output, or when V8 would not
// accept the cache. Also trains the bench's minimal oclif CLI (bench/floor-cli.mjs), built the same way.
const {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} = require('node:fs')
const {tmpdir} = require('node:os')
const {join} = require('node:path')
const {pathToFileURL} = require('node:url')

/**
 * s10k's training runs: root help and a command's help. A cache of what help compiles is smaller, and so loads
 * faster, than one that also holds a command's run, which gains nothing from it (measured).
 */
const S10K_RUNS = [
  {args: ['--help'], expect: /^USAGE$/m},
  {args: ['sec-tokens', 'update', '--help'], expect: /^ {2}\$ s10k sec-tokens update /m},
]

/** Trains the cache of the bundle in `bundleDir` (with its compile.cjs), for a CLI whose root is two folders up. */
async function train(bundleDir, runs) {
  const {cacheFiles, compile, run, saveCache} = require(join(bundleDir, 'compile.cjs'))
  // the build's own cache, next to the bundle, for the Node running this
  const [cacheFile] = cacheFiles()
  const script = compile(undefined)
  const bundle = {exports: {}}
  run(script, bundle, require)
  const cli = bundle.exports
  const home = mkdtempSync(join(tmpdir(), 's10k-cache-'))
  const config = join(home, '.s10k')
  mkdirSync(config)
  writeFileSync(join(config, 'config'), '[service-urls]\nsolaruser = "http://127.0.0.1:9"\n')
  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_CACHE_HOME: home,
    SN_TOKEN_ID: 'training',
    // not a word of training's own messages, which s10k would redact from stderr as the secret
    SN_TOKEN_SECRET: 'code-cache-training-secret',
  })
  const write = process.stdout.write
  try {
    for (const {args, expect} of runs) {
      let out = ''
      process.stdout.write = (chunk, encoding, callback) => {
        out += String(chunk)
        if (typeof encoding === 'function') encoding()
        else if (typeof callback === 'function') callback()
        return true
      }
      // as bin/run.cjs runs it: s10k's main, or oclif's execute for a CLI without one
      const launcher = join(bundleDir, '..', '..', 'bin', 'run.cjs')
      await (cli.main ? cli.main(args, pathToFileURL(launcher).href) : cli.execute({args, dir: launcher}))
      process.stdout.write = write
      if (!expect.test(out) || process.exitCode) throw new Error(`training run "${args.join(' ')}" did not give its expected output:\n${out}`)
    }
  } finally {
    process.stdout.write = write
    rmSync(home, {recursive: true, force: true})
  }
  if (saveCache(script, [cacheFile]) !== cacheFile) throw new Error(`could not write ${cacheFile}`)
  if (compile(readFileSync(cacheFile)).cachedDataRejected) throw new Error('V8 rejected the code cache it just wrote')
}

module.exports = {train}

if (require.main === module) {
  const [bundleDir = join(process.cwd(), 'dist', 'bundle'), runs] = process.argv.slice(2)
  const parsed = runs ? JSON.parse(runs).map((r) => ({args: r.args, expect: new RegExp(r.expect, 'm')})) : S10K_RUNS
  train(bundleDir, parsed).catch((error) => {
    console.error(`Code cache training failed: ${error.message}`)
    process.exit(1)
  })
}
