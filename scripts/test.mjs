#!/usr/bin/env node
// `npm test`: builds (incrementally), type-checks the tests, lints, and runs every tier of tests with node's test
// runner on the newest supported Node (scripts/nodes.mjs), all at once; each step's output is kept and printed
// whole when it ends, so that reports never mix. The tiers: test/unit and test/commands (commands run in the test
// process against the emulators, test/support/in-process.ts) in three processes; test/e2e runs bin/run.cjs, as
// users do, on the build `npm test` has just made, in two (the install tests' tarball packed once).
// `--node 22` (npm run test:node22, which CI runs after npm test): every tier on that Node; type-check and lint
// are the same on every Node and are left to npm test.
// `--quick` (npm run test:quick): the unit and in-process tiers on the newest Node, without type-check and lint.
// Files given as arguments: just those, each in its own process (development; S10K_TEST_NODE=22 picks a Node).
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'

import {envFor, supportedNodes} from './nodes.mjs'

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return name === 'support' || name === 'fixtures' ? [] : testFiles(path)
      return name.endsWith('.test.ts') ? [path] : []
    })
    .sort()
}

/**
 * Runs a step with its output kept; settles when it ends. A step `behind` others runs at a lower priority (nice
 * +5): type-check and lint are one long single-threaded job each, which would otherwise get a share of a core
 * among the test processes and end last; ahead of them, they end early and the tests then have every core.
 */
function step(name, command, args, env = process.env, {behind = false} = {}) {
  const start = performance.now()
  return new Promise((resolve) => {
    const [file, argv] = behind && process.platform !== 'win32' ? ['nice', ['-n', '5', command, ...args]] : [command, args]
    const child = spawn(file, argv, {env, stdio: ['ignore', 'pipe', 'pipe']})
    const chunks = []
    child.stdout.on('data', (d) => chunks.push(d))
    child.stderr.on('data', (d) => chunks.push(d))
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code) => {
      const result = {name, status: code ?? 1, output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - start) / 1000}
      // printed as soon as it ends, whole
      process.stdout.write(`\n# ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s\n\n${result.output}`)
      resolve(result)
    })
  })
}

const TEST = ['--conditions=development', '--import', 'tsx', '--test']

/**
 * The package as users get it, packed once for the install tests (test/e2e/install.test.ts, given it as
 * S10K_TEST_TARBALL), once the build has passed: npm pack takes seconds. Gives the pack step's result, with the
 * tarball's path as its `tarball`.
 */
async function packOnce(dir, built) {
  const result = await after(built, 'npm pack (for the install tests)', () =>
    step('npm pack (for the install tests)', 'npm', ['pack', '--ignore-scripts', '--pack-destination', dir]),
  )
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))
  return {...result, tarball: join(dir, tarball ?? 'npm-pack-failed.tgz')}
}

/** A step that runs once `before` has passed; when it failed, one that did not run. */
async function after(before, name, run) {
  const first = await before
  return first.status === 0 ? run() : {name, status: 1, output: '', seconds: 0, notRun: first.name}
}

const IN_PROCESS_GROUPS = 3

/**
 * Each test file's time on the last run that ran it (ms, by path from the root; scripts/test-durations.mjs), kept
 * in node_modules/.cache/s10k; before a first run, the times committed in scripts/test-durations.json (a copy of
 * that cache). They only decide which files share a process, never what runs.
 */
const DURATIONS = join('node_modules', '.cache', 's10k', 'test-durations.json')
const SEED_DURATIONS = join('scripts', 'test-durations.json')
const durationsDir = mkdtempSync(join(tmpdir(), 's10k-durations-'))

/** A record of times, or undefined when there is none (or it cannot be read). */
function readDurations(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}
const lastDurations = readDurations(DURATIONS) ?? readDurations(SEED_DURATIONS) ?? {}

let reporterFiles = 0

/** The reporters of a step: spec on stdout, and each file's time into a file of its own for the next run. */
function reporters() {
  const out = join(durationsDir, `${reporterFiles++}.json`)
  return [
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${resolve('scripts', 'test-durations.mjs')}`,
    `--test-reporter-destination=${out}`,
  ]
}

/** Merges the times this run measured into the record of the last ones. */
function saveDurations() {
  const all = {...lastDurations}
  for (const name of readdirSync(durationsDir)) {
    try {
      for (const [file, ms] of Object.entries(JSON.parse(readFileSync(join(durationsDir, name), 'utf8')))) all[relative('.', file)] = ms
    } catch {
      // a step that ended before writing its times
    }
  }
  mkdirSync(join('node_modules', '.cache', 's10k'), {recursive: true})
  writeFileSync(DURATIONS, JSON.stringify(all))
  rmSync(durationsDir, {recursive: true, force: true})
}

/**
 * The files in `n` groups of about the same time (the longest first, each to the shortest group so far): each
 * file's time on the last run, the median of those for a file without one, or their sizes when none has a time.
 */
function groups(files, n) {
  const times = files.map((file) => lastDurations[file]).filter((ms) => typeof ms === 'number')
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
  const weight = (file) => (times.length === 0 ? statSync(file).size : (lastDurations[file] ?? median))
  const weighed = files.map((file) => ({file, weight: weight(file)})).sort((a, b) => b.weight - a.weight || (a.file < b.file ? -1 : 1))
  const out = Array.from({length: n}, () => ({files: [], weight: 0}))
  for (const {file, weight} of weighed) {
    const lightest = out.reduce((a, b) => (b.weight < a.weight ? b : a))
    lightest.files.push(file)
    lightest.weight += weight
  }
  return out.map((g) => g.files.sort()).filter((g) => g.length > 0)
}

const SPAWNED_GROUPS = 2

/**
 * One Node's test steps, each tier in a few processes that each load the sources once (isolation none), so that
 * one's waits (timeouts, paced answers, child processes) overlap another's work on the other core.
 */
function nodeSteps(node, version, {quick, built, packed}) {
  const env = envFor(node)
  // the option's name before Node 23.6 (which both Nodes take)
  const shared = [...TEST, '--experimental-test-isolation=none']
  const inProcess = [...testFiles(join('test', 'unit')), ...testFiles(join('test', 'commands'))]
  const steps = groups(inProcess, IN_PROCESS_GROUPS).map((files, i) => {
    const name = `Node ${version}: unit and in-process tests (${i + 1} of ${IN_PROCESS_GROUPS})`
    return after(built, name, () => step(name, node.bin, [...shared, ...reporters(), ...files], env, {behind: true}))
  })
  if (!quick) {
    for (const [i, files] of groups(testFiles(join('test', 'e2e')), SPAWNED_GROUPS).entries()) {
      const name = `Node ${version}: spawned tests (${i + 1} of ${SPAWNED_GROUPS})`
      const run = (extra = {}) => step(name, node.bin, [...shared, ...reporters(), ...files], {...env, ...extra}, {behind: true})
      // the install tests take the tarball packed once
      if (files.some((f) => f.endsWith('install.test.ts'))) {
        steps.push(after(packed, name, async () => run({S10K_TEST_TARBALL: (await packed).tarball})))
      } else steps.push(after(built, name, () => run()))
    }
  }
  return steps
}

const args = process.argv.slice(2)
const quick = args[0] === '--quick'
const named = args[0] === '--node' ? args[1] : process.env.S10K_TEST_NODE
const only = quick || args[0] === '--node' ? [] : args
// one Node: the one named, else the newest
const supported = supportedNodes()
const nodes = named ? supported.filter((n) => String(n.major) === named) : supported.slice(-1)
if (nodes.length === 0) throw new Error(`Node ${named} is not a supported Node (${supported.map((n) => n.major).join(', ')})`)

const start = performance.now()
const steps = []
let packDir
let packed
// the build (incremental) for every tier; type-check and lint, which read the sources only, run beside it
const built = only.length === 0 ? step('build (npm run build)', 'npm', ['run', '--silent', 'build']) : undefined
if (built) steps.push(built)
if (only.length === 0 && !quick) {
  packDir = mkdtempSync(join(tmpdir(), 's10k-pack-'))
  if (args[0] !== '--node') {
    // incremental (its record in node_modules/.cache): what an edit did not touch is not checked again
    steps.push(step('type-check of the tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']))
    steps.push(step('lint', 'npm', ['run', '--silent', 'lint']))
  }
  packed = packOnce(packDir, built)
  steps.push(packed)
}
for (const node of nodes) {
  const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
  const name = `Node ${version}: ${only.join(' ')}`
  if (only.length > 0) steps.push(step(name, node.bin, [...TEST, ...reporters(), '--test-concurrency=3', ...only], envFor(node)))
  else steps.push(...nodeSteps(node, version, {quick, built, packed}))
}
const results = await Promise.all(steps)
saveDurations()
if (packDir) rmSync(packDir, {recursive: true, force: true})
console.log()
for (const r of results) {
  if (r.notRun) console.log(`NOT RUN (${r.notRun} failed): ${r.name}`)
  else console.log(`${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(1).padStart(5)} s: ${r.name}`)
}
console.log(`all in ${((performance.now() - start) / 1000).toFixed(1)} s`)
process.exit(results.every((r) => r.status === 0) ? 0 : 1)
