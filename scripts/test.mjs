#!/usr/bin/env node
// `npm test` (after `npm run build`): type-checks the tests, lints, and runs every tier of tests with node's test
// runner on each supported Node (scripts/nodes.mjs), all at once; each step's output is kept and printed whole
// when it ends, so that the Nodes' reports never mix. The tiers: test/unit and test/commands (commands run in the
// test process against the emulators, test/support/in-process.ts) share one process per Node; test/e2e runs
// bin/run.cjs, as users do, on the build `npm test` has just made, one process per file (the tarball of the
// install tests packed once for both Nodes).
// `--quick` (npm run test:quick): the unit and in-process tiers on one Node, without type-check and lint.
// Files given as arguments: just those, each in its own process (development; S10K_TEST_NODE=24 picks a Node).
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
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

/** Runs a step with its output kept; settles when it ends. */
function step(name, command, args, env = process.env) {
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']})
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

const TEST = ['--conditions=development', '--import', 'tsx', '--test', '--test-reporter=spec']

/**
 * The package as users get it, packed once for every Node's install tests (test/e2e/install.test.ts, given it as
 * S10K_TEST_TARBALL): npm pack takes seconds. Gives the pack step's result and the tarball's path.
 */
async function packOnce(dir) {
  const result = await step('npm pack (for the install tests)', 'npm', ['pack', '--ignore-scripts', '--pack-destination', dir])
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))
  return {result, tarball: join(dir, tarball ?? 'npm-pack-failed.tgz')}
}

const IN_PROCESS_GROUPS = 3

/** The files in `n` groups of about the same size (the largest first, each to the smallest group so far). */
function groups(files, n) {
  const sized = files.map((file) => ({file, size: statSync(file).size})).sort((a, b) => b.size - a.size || (a.file < b.file ? -1 : 1))
  const out = Array.from({length: n}, () => ({files: [], size: 0}))
  for (const {file, size} of sized) {
    const smallest = out.reduce((a, b) => (b.size < a.size ? b : a))
    smallest.files.push(file)
    smallest.size += size
  }
  return out.map((g) => g.files.sort()).filter((g) => g.length > 0)
}

/** One Node's test steps: the in-process tiers together in one process, the spawned tier a few files at a time. */
function nodeSteps(node, version, {quick, packed}) {
  const env = envFor(node)
  // the option's name before Node 23.6 (which both Nodes take)
  const shared = [...TEST, '--experimental-test-isolation=none']
  const inProcess = [...testFiles(join('test', 'unit')), ...testFiles(join('test', 'commands'))]
  // in a few processes, so that one's waits (timeouts, paced answers) overlap another's work on the other core
  const steps = groups(inProcess, IN_PROCESS_GROUPS).map((files, i) =>
    step(`Node ${version}: unit and in-process tests (${i + 1} of ${IN_PROCESS_GROUPS})`, node.bin, [...shared, ...files], env),
  )
  if (!quick) {
    // the spawned tests mostly wait for child processes, so a few files run at once even on two cores
    const spawned = [...TEST, '--test-concurrency=3', ...testFiles(join('test', 'e2e'))]
    steps.push(packed.then(({tarball}) => step(`Node ${version}: spawned tests`, node.bin, spawned, {...env, S10K_TEST_TARBALL: tarball})))
  }
  return steps
}

const args = process.argv.slice(2)
const quick = args[0] === '--quick'
const only = quick ? [] : args
// S10K_TEST_NODE=24 runs on that one only (development); --quick on the newest unless one is named
let nodes = supportedNodes().filter((n) => !process.env.S10K_TEST_NODE || String(n.major) === process.env.S10K_TEST_NODE)
if (nodes.length === 0) throw new Error(`S10K_TEST_NODE=${process.env.S10K_TEST_NODE} is not a supported Node`)
if (quick) nodes = nodes.slice(-1)

const start = performance.now()
const steps = []
let packDir
let packed
if (only.length === 0 && !quick) {
  packDir = mkdtempSync(join(tmpdir(), 's10k-pack-'))
  steps.push(step('type-check of the tests', 'npx', ['tsc', '-p', 'tsconfig.test.json']))
  steps.push(step('lint', 'npm', ['run', '--silent', 'lint']))
  packed = packOnce(packDir)
  steps.push(packed.then(({result}) => result))
}
for (const node of nodes) {
  const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
  if (only.length > 0) steps.push(step(`Node ${version}: ${only.join(' ')}`, node.bin, [...TEST, '--test-concurrency=3', ...only], envFor(node)))
  else steps.push(...nodeSteps(node, version, {quick, packed}))
}
const results = await Promise.all(steps)
if (packDir) rmSync(packDir, {recursive: true, force: true})
console.log()
for (const r of results) console.log(`${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(1).padStart(5)} s: ${r.name}`)
console.log(`all in ${((performance.now() - start) / 1000).toFixed(1)} s`)
process.exit(results.every((r) => r.status === 0) ? 0 : 1)
