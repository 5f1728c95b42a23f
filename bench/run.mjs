#!/usr/bin/env node
// `npm run bench`: whole-process wall time and peak memory of s10k against the SolarUser emulator (each in its
// own process), compared with the least a Node program can do and with a minimal oclif CLI built the same way,
// on each supported Node (scripts/nodes.mjs), from the checkout and from the installed tarball. Prints medians,
// ratios and the targets; exits non-zero when one is missed.
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'

import {CALLER, cliEnv as testEnv, emulatorHome, startEmulator} from '../scripts/emulator.mjs'
import {envFor, supportedNodes} from '../scripts/nodes.mjs'
import {buildFloorCli} from './floor-cli.mjs'
import {benchMetadata} from './metadata.mjs'
import {datumBench} from './datum.mjs'

const {values: opts} = parseArgs({
  options: {runs: {type: 'string', default: '15'}, quick: {type: 'boolean', default: false}, node: {type: 'string'}},
})
const RUNS = Math.max(11, Number(opts.runs))
const TARGET = 'hNAdH.aXHaEqFossMwT8'
const work = mkdtempSync(join(tmpdir(), 's10k-bench-'))
const rssFile = join(work, 'rss')

/** Runs `node argv` (the Node running the bench unless given) and returns its wall time in ms. */
function run(argv, env, node = process.execPath) {
  const start = performance.now()
  const result = spawnSync(node, argv, {env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

function peakRss(argv, env, node = process.execPath) {
  writeFileSync(rssFile, '')
  run(['--require', join(import.meta.dirname, 'max-rss.cjs'), ...argv], {...env, S10K_BENCH_RSS_FILE: rssFile}, node)
  return Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024
}

/**
 * Processes run in a clean environment (PATH and a test HOME, as `env -i` gives): what s10k costs a user, not
 * what the developer's shell adds. NODE_EXTRA_CA_CERTS, for one, makes every Node process load a certificate
 * bundle first (about 40 ms, `node -e 0` included), which inflates the baseline and hides the ratios.
 */
const cliEnv = (home) => ({...testEnv(home)})

/** The inherited environment: the shell's, with the test HOME; reported beside the clean figures when it differs. */
const inheritedEnv = (home) => ({...process.env, ...testEnv(home), SN_TOKEN_ID: '', SN_TOKEN_SECRET: ''})
const inheritedNodeVars = Object.keys(process.env).filter((k) => k.startsWith('NODE_') || k === 'UV_THREADPOOL_SIZE')

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${ms.toFixed(1)} ms`

/** Alternates the commands run by run, after one warm-up each, so drift affects them alike. */
function alternate(commands, node) {
  for (const c of commands) run(c.argv, c.env, node)
  const times = commands.map(() => [])
  for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => times[j].push(run(c.argv, c.env, node)))
  return commands.map((c, j) => ({...c, median: median(times[j]), rss: peakRss(c.argv, c.env, node)}))
}

/** The start-up targets (issue 18), checked in one environment for s10k's launcher `bin` on one Node. */
function startup({bin, env, emulator, node, floorCli}) {
  const commands = alternate(
    [
      {name: 's10k sec-tokens update -id X -n NAME', argv: [bin, 'sec-tokens', 'update', '-id', TARGET, '-n', 'Bench'], env},
      {name: 'floor (node:crypto + node:http)', argv: ['bench/floor.mjs', emulator.url, CALLER.tokenId, CALLER.secret, TARGET, 'Bench'], env},
      {name: 's10k --help', argv: [bin, '--help'], env},
      {name: 'minimal oclif CLI --help', argv: [floorCli, '--help'], env},
      {name: 's10k sec-tokens update --help', argv: [bin, 'sec-tokens', 'update', '--help'], env},
      {name: 'node -e 0', argv: ['-e', '0'], env},
    ],
    node,
  )
  const [update, floor, help, oclifHelp, commandHelp, bare] = commands
  const checks = [
    ['update / floor', update.median / floor.median, 1.4],
    ['s10k --help / node -e 0', help.median / bare.median, 1.65],
    ['s10k --help / minimal oclif CLI --help', help.median / oclifHelp.median, 1.1],
    ['minimal oclif CLI --help / node -e 0 (no target)', oclifHelp.median / bare.median, Infinity],
    ['s10k sec-tokens update --help / node -e 0', commandHelp.median / bare.median, 1.75],
    ['update peak RSS (MB)', update.rss, 80],
  ]
  return {commands, checks}
}

function report({commands, checks}, heading, judge) {
  console.log(`${heading}\n`)
  for (const c of commands) console.log(`${c.name.padEnd(44)} ${fmt(c.median).padStart(10)} ${`${c.rss.toFixed(1)} MB`.padStart(10)}`)
  console.log()
  for (const [name, value, limit] of checks) {
    const ok = value <= limit
    if (judge) failed ||= !ok
    const target = limit === Infinity ? '' : `   target <= ${limit}${judge ? `  ${ok ? 'met' : 'NOT MET'}` : ''}`
    console.log(`${name.padEnd(44)} ${value.toFixed(2).padStart(10)}${target}`)
  }
}

/** `npm pack` of this checkout's build, installed globally into a prefix as a user would; its launcher. */
function installTarball() {
  const prefix = join(work, 'prefix')
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], {stdio: 'ignore'})
  const tarball = join(
    work,
    readdirSync(work).find((f) => f.endsWith('.tgz')),
  )
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {cwd: work, stdio: 'ignore'})
  return join(prefix, 'lib', 'node_modules', 's10k', 'bin', 'run.cjs')
}

/** How `sec-tokens list` scales with the number of tokens, and an update of 10,000 node IDs from an @file. */
async function scaling(node) {
  console.log('\nScaling: sec-tokens list of N tokens (median of 3), and an update of 10,000 node IDs from an @file\n')
  const perMode = {}
  for (const count of [1000, 10000]) {
    const big = await startEmulator({tokens: count})
    const bigHome = emulatorHome(big.url)
    try {
      for (const mode of ['PRETTY', 'CSV', 'JSON']) {
        const argv = ['bin/run.cjs', 'sec-tokens', 'list', '-t', 'ReadNodeData', '-mode', mode]
        run(argv, cliEnv(bigHome.path), node.bin)
        const ms = median([0, 1, 2].map(() => run(argv, cliEnv(bigHome.path), node.bin)))
        const rss = peakRss(argv, cliEnv(bigHome.path), node.bin)
        ;(perMode[mode] ??= []).push({count, ms, rss})
      }
    } finally {
      big.stop()
      bigHome.remove()
    }
  }
  for (const [mode, rows] of Object.entries(perMode)) {
    const text = rows.map((r) => `${r.count} tokens ${fmt(r.ms)} (${(r.ms / (r.count / 1000)).toFixed(1)} ms per 1,000), ${r.rss.toFixed(0)} MB`)
    const [small, large] = rows
    const per = (large.count - small.count) / 1000
    const growth = `growth per 1,000 tokens: ${((large.ms - small.ms) / per).toFixed(1)} ms, ${((large.rss - small.rss) / per).toFixed(1)} MB`
    console.log(`list ${mode.padEnd(7)} ${text.join('; ')}; ${growth}`)
  }
  const pretty10k = perMode.PRETTY.at(-1).ms
  console.log(`list PRETTY of 10,000 tokens under 1 s: ${pretty10k < 1000 ? 'met' : 'NOT MET'}`)
  failed ||= pretty10k >= 1000

  const again = await startEmulator()
  const againHome = emulatorHome(again.url)
  try {
    const file = join(work, 'nodes.args')
    writeFileSync(file, `-id kF67p6g30eUXQICUgzQf -R -node ${Array.from({length: 10_000}, (_, i) => i + 1).join(',')}\n`)
    const argv = ['bin/run.cjs', 'sec-tokens', 'update', `@${file}`, '-mode', 'JSON']
    const ms = run(argv, cliEnv(againHome.path), node.bin)
    console.log(`update with 10,000 node IDs from an @file: ${fmt(ms)}, ${peakRss(argv, cliEnv(againHome.path), node.bin).toFixed(0)} MB`)
  } finally {
    again.stop()
    againHome.remove()
  }
}

const nodes = supportedNodes().filter((n) => !opts.node || String(n.major) === opts.node)
let failed = false
const floorCli = await buildFloorCli(join(work, 'floor-cli'))
const installed = installTarball()
const emulator = await startEmulator()
const {path: home, remove} = emulatorHome(emulator.url)
try {
  console.log(`Whole-process wall time, median of ${RUNS} alternating runs after a warm-up; peak RSS of one run.`)
  for (const node of nodes) {
    const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
    console.log(`\n## Node ${version}\n`)
    const env = envFor(node, cliEnv(home))
    report(startup({bin: 'bin/run.cjs', env, emulator, node: node.bin, floorCli}), 'Clean environment (PATH and a test HOME only): the targets', true)
    console.log()
    report(
      startup({bin: installed, env, emulator, node: node.bin, floorCli}),
      'The installed tarball (npm install -g --prefix), from its second run on, clean environment',
      true,
    )
    if (inheritedNodeVars.length > 0) {
      console.log()
      report(
        startup({bin: 'bin/run.cjs', env: envFor(node, inheritedEnv(home)), emulator, node: node.bin, floorCli}),
        `Inherited environment, for comparison only: it sets ${inheritedNodeVars.join(', ')}, which every Node process\n` +
          'pays for at start (NODE_EXTRA_CA_CERTS: about 40 ms), bare node included, so its ratios look better than they are',
        false,
      )
    }
    if (!opts.quick) await scaling(node)
  }
} finally {
  emulator.stop()
  remove()
  rmSync(work, {recursive: true, force: true})
}
// large node metadata through meta save and csv-set (bench/metadata.mjs)
// (not `failed ||= ...`, which would skip it once a start-up target is missed)
if (!opts.quick) failed = !(await benchMetadata()) || failed
// datum streamed from the emulator (bench/datum.mjs)
if (!opts.quick) failed = (await datumBench({nodes})).failed || failed
process.exit(failed ? 1 : 0)
