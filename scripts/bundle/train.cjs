'use strict'
// Build step, once per Node the build trains for: runs a bundle through the runs below (output captured; requests
// go to a local server only), so that the functions every run needs are compiled, then writes the V8 code caches
// of its chunks next to them, which then hold them too. Fails when a run does not give its expected output, or
// when V8 would not accept a cache. Also trains the bench's minimal oclif CLI (bench/floor-cli.mjs), built the same way.
const {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} = require('node:fs')
const {createServer} = require('node:http')
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

/**
 * s10k's run that trains the cache of its axios chunk (compile.cjs): an update (a signed GET, then a POST), against
 * a local server whose every answer is this one token.
 */
const S10K_REQUEST_RUNS = [{args: ['sec-tokens', 'update', '-id', 'training', '-n', 'Training'], expect: /^\| training +\| /m}]
const TRAINING_ANSWER = JSON.stringify({success: true, data: {results: [{id: 'training', userId: 1, status: 'Active', type: 'User'}]}})

/** Runs `args` through the CLI as bin/run.cjs does, its standard output captured; fails unless it matches `expect`. */
async function trainingRun(cli, launcher, {args, expect}) {
  const write = process.stdout.write
  let out = ''
  process.stdout.write = (chunk, encoding, callback) => {
    out += String(chunk)
    if (typeof encoding === 'function') encoding()
    else if (typeof callback === 'function') callback()
    return true
  }
  try {
    // s10k's main, or oclif's execute for a CLI without one
    await (cli.main ? cli.main(args, pathToFileURL(launcher).href) : cli.execute({args, dir: launcher}))
  } finally {
    process.stdout.write = write
  }
  if (!expect.test(out) || process.exitCode) throw new Error(`training run "${args.join(' ')}" did not give its expected output:\n${out}`)
}

/** Writes the trained cache of `chunk` next to it, and checks that V8 takes it. */
function writeCache({cacheFiles, compile, loaded, saveCache}, chunk) {
  const script = loaded.get(chunk)
  if (!script) throw new Error(`the training runs did not load ${chunk}`)
  const [cacheFile] = cacheFiles(chunk)
  if (saveCache(script, [cacheFile]) !== cacheFile) throw new Error(`could not write ${cacheFile}`)
  if (compile(readFileSync(cacheFile), chunk).cachedDataRejected) throw new Error(`V8 rejected the code cache it just wrote for ${chunk}`)
}

/**
 * Trains the caches of the bundle in `bundleDir` (its loader s10k.cjs and compile.cjs), for a CLI whose root is two
 * folders up: the main chunk's on `runs`, then, when given, the axios chunk's on `requestRuns`, against a local
 * server (the main cache is written before those, so it holds only what `runs` compiled).
 */
async function train(bundleDir, runs, requestRuns = []) {
  const compiler = require(join(bundleDir, 'compile.cjs'))
  const cli = require(join(bundleDir, 's10k.cjs'))
  const launcher = join(bundleDir, '..', '..', 'bin', 'run.cjs')
  const server = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(200, {'content-type': 'application/json'}).end(TRAINING_ANSWER))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const home = mkdtempSync(join(tmpdir(), 's10k-cache-'))
  const config = join(home, '.s10k')
  mkdirSync(config)
  writeFileSync(join(config, 'config'), `[service-urls]\nsolaruser = "http://127.0.0.1:${server.address().port}"\n`)
  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_CACHE_HOME: home,
    SN_TOKEN_ID: 'training',
    // not a word of training's own messages, which s10k would redact from stderr as the secret
    SN_TOKEN_SECRET: 'code-cache-training-secret',
  })
  try {
    for (const run of runs) await trainingRun(cli, launcher, run)
    writeCache(compiler, 's10k-code')
    for (const run of requestRuns) await trainingRun(cli, launcher, run)
    if (requestRuns.length > 0) writeCache(compiler, 's10k-axios')
  } finally {
    server.close()
    rmSync(home, {recursive: true, force: true})
  }
  // the caches are written above, as trained: not again by the loader at exit (none was there when it loaded)
  process.removeAllListeners('exit')
}

module.exports = {train}

if (require.main === module) {
  const [bundleDir = join(process.cwd(), 'dist', 'bundle'), runs] = process.argv.slice(2)
  const parsed = runs ? JSON.parse(runs).map((r) => ({args: r.args, expect: new RegExp(r.expect, 'm')})) : S10K_RUNS
  train(bundleDir, parsed, runs ? [] : S10K_REQUEST_RUNS).catch((error) => {
    console.error(`Code cache training failed: ${error.message}`)
    process.exit(1)
  })
}
