// `npm run bench` (bench/run.mjs) calls this: peak memory and time of a 50 MB node metadata file of about 2.7
// million keys through `nodes meta save` and `nodes meta csv-set`, each in its own process against the emulator,
// side by side with bare JSON.parse + JSON.stringify of the same file in the same Node, on each supported Node.
// Target: at most 2x, in s10k's own CPU time (user + system) and in peak RSS. Run alone: node --import tsx bench/metadata.mjs
import {spawnSync} from 'node:child_process'
import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

import {cliEnv, emulatorHome, startEmulator} from '../scripts/emulator.mjs'
import {envFor, supportedNodes} from '../scripts/nodes.mjs'

const KEYS = 2_700_000
/** Rounds, alternating the three processes: the median of each is reported. */
const ROUNDS = 3
const TARGET = 2

/** The metadata: `m` with KEYS keys, numbers and strings alternating (about 50 MB of JSON). */
function metadataText() {
  const parts = []
  for (let i = 0; i < KEYS; i++) parts.push(i % 2 === 0 ? `"k${i}":${i}` : `"k${i}":"v${i}"`)
  return `{"m":{${parts.join(',')}}}`
}

/** The same metadata as csv-get without --path writes it: key path and value rows. */
function pathRowsText() {
  const rows = ['Path,Value']
  for (let i = 0; i < KEYS; i++) rows.push(`/m/k${i},${i % 2 === 0 ? i : `v${i}`}`)
  return rows.join('\r\n') + '\r\n'
}

/** Preloaded into each measured process: its peak RSS (KiB) and CPU time (µs, user + system) at exit. */
const USAGE = `const file = process.env.S10K_BENCH_USAGE_FILE
process.on('exit', () => {
  const u = process.resourceUsage()
  require('node:fs').writeFileSync(file, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime))
})
`

/**
 * Runs one process with `input` on standard input: its wall time (ms), CPU time (ms) and peak RSS (MB). Wall time
 * includes the emulator's own work on the 50 MB (s10k waits for its answer); CPU time is s10k's alone.
 */
function measure(node, argv, env, input, work) {
  const usageFile = join(work, 'usage')
  const preload = join(work, 'usage.cjs')
  writeFileSync(preload, USAGE)
  writeFileSync(usageFile, '')
  const start = performance.now()
  const result = spawnSync(node.bin, ['--require', preload, ...argv], {
    env: {...env, S10K_BENCH_USAGE_FILE: usageFile},
    input,
    maxBuffer: 1024 * 1024 * 1024,
  })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`)
  const [rss, cpu] = readFileSync(usageFile, 'utf8').trim().split(' ').map(Number)
  return {ms, cpu: cpu / 1000, mb: rss / 1024}
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Runs the measurement on each supported Node (or those given), prints it, and gives back whether every target was met. */
export async function benchMetadata(nodes = supportedNodes()) {
  const work = mkdtempSync(join(tmpdir(), 's10k-bench-meta-'))
  const emulator = await startEmulator()
  const home = emulatorHome(emulator.url)
  try {
    const json = Buffer.from(metadataText())
    const csv = Buffer.from(pathRowsText())
    // the emulator takes its time over 50 MB on a busy machine; s10k's own time is what is measured
    appendFileSync(join(home.path, '.s10k', 'config'), '[http]\nresponse-timeout = 900\n')
    let met = true
    for (const node of nodes) met = benchOn(node, envFor(node, cliEnv(home.path)), json, csv, work) && met
    return met
  } finally {
    emulator.stop()
    home.remove()
    rmSync(work, {recursive: true, force: true})
  }
}

/** The three processes on one Node, alternating: prints the medians and the ratios, gives back whether the targets were met. */
function benchOn(node, env, json, csv, work) {
  const commands = [
    {
      name: 'bare JSON.parse + JSON.stringify',
      argv: ['-e', 'process.stdout.write(String(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8"))).length))'],
      input: json,
    },
    {name: 'nodes meta save', argv: ['bin/run.cjs', 'nodes', 'meta', 'save', '-node', '101'], input: json},
    {name: 'nodes meta csv-set', argv: ['bin/run.cjs', 'nodes', 'meta', 'csv-set', '-node', '101'], input: csv},
  ]
  const runs = commands.map(() => [])
  // each save starts from a node without metadata, so that the emulator's merge stays out of the figures
  const clear = () => spawnSync(node.bin, ['bin/run.cjs', 'nodes', 'meta', 'delete', '-node', '101', '-y'], {env})
  for (let round = 0; round < ROUNDS; round++) {
    commands.forEach((c, i) => {
      clear()
      runs[i].push(measure(node, c.argv, env, c.input, work))
    })
  }
  const middle = (i, key) => median(runs[i].map((r) => r[key]))
  const results = commands.map((c, i) => ({...c, ms: middle(i, 'ms'), cpu: middle(i, 'cpu'), mb: middle(i, 'mb')}))
  const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
  console.log(
    `\nNode ${version}: node metadata of ${KEYS.toLocaleString('en')} keys (${(json.length / 1e6).toFixed(1)} MB of JSON, ${(csv.length / 1e6).toFixed(1)} MB as path rows), median of ${ROUNDS}: wall time, CPU time, peak RSS\n`,
  )
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(10)
  for (const r of results) console.log(`${r.name.padEnd(44)} ${seconds(r.ms)} ${seconds(r.cpu)} ${`${r.mb.toFixed(0)} MB`.padStart(10)}`)
  const [bare, ...s10k] = results
  let met = true
  for (const r of s10k) {
    // the target is on s10k's own CPU time; wall time also counts the emulator reading 50 MB, shown for information
    console.log(`${`${r.name} wall time / bare`.padEnd(44)} ${(r.ms / bare.ms).toFixed(2).padStart(10)}   (includes the emulator's work)`)
    for (const [what, ratio] of [
      ['CPU time', r.cpu / bare.cpu],
      ['peak RSS', r.mb / bare.mb],
    ]) {
      const ok = ratio <= TARGET
      met &&= ok
      console.log(`${`${r.name} ${what} / bare`.padEnd(44)} ${ratio.toFixed(2).padStart(10)}   target <= ${TARGET}  ${ok ? 'met' : 'NOT MET'}`)
    }
  }
  return met
}

// run alone: `node --import tsx bench/metadata.mjs [major]`, on every supported Node or only the one given
if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2]
  process.exit((await benchMetadata(supportedNodes().filter((n) => !only || String(n.major) === only))) ? 0 : 1)
}
