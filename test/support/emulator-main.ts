/**
 * Runs the SolarUser emulator as its own process: `tsx test/support/emulator-main.ts [--port N] [--tokens N]
 * [--datum-rows N]`. Prints `EMULATOR_URL=<url>` once it listens, then serves until it is stopped. `--tokens N`
 * adds N extra ReadNodeData tokens for list benchmarks; `--datum-rows N` gives the generated stream bulk/1 of
 * node 70 N rows.
 */
import {parseArgs} from 'node:util'

import {SolarUserEmulator, type StoredToken, serviceTimestamp} from './emulator.js'
import {exampleStreams} from './datum-fixtures.js'
import {exampleTokens} from './fixtures.js'
import {exampleNodes} from './nodes-fixtures.js'

const {values} = parseArgs({
  options: {port: {type: 'string', default: '0'}, tokens: {type: 'string', default: '0'}, 'datum-rows': {type: 'string', default: '0'}},
})

export function bulkTokens(count: number): StoredToken[] {
  return Array.from({length: count}, (_, i) => ({
    id: `bulk${String(i).padStart(16, '0')}`,
    userId: 123,
    created: serviceTimestamp(Date.UTC(2025, 0, 1) + i * 1000, i % 1000),
    name: `Bulk token ${i}`,
    description: i % 3 === 0 ? `Generated for benchmarks, number ${i}` : undefined,
    status: i % 7 === 0 ? 'Disabled' : 'Active',
    type: 'ReadNodeData',
    policy: i % 2 === 0 ? {nodeIds: [i % 500, 1000 + (i % 97)], sourceIds: ['/bench/**']} : undefined,
  }))
}

const emulator = new SolarUserEmulator(
  [...exampleTokens(), ...bulkTokens(Number(values.tokens))],
  exampleNodes(),
  exampleStreams(Number(values['datum-rows'])),
)
const url = await emulator.start(Number(values.port))
process.stdout.write(`EMULATOR_URL=${url}\n`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void emulator.stop().then(() => process.exit(0))
  })
}
