import assert from 'node:assert/strict'
import {createServer} from 'node:net'
import {describe, it} from 'node:test'

import NodesMetaCsvGet from '../../../plugins/nodes/src/commands/nodes/meta/csv-get.js'
import NodesMetaCsvSet from '../../../plugins/nodes/src/commands/nodes/meta/csv-set.js'
import {metadataFromPathRows, metadataJson, parseMetadata, pathRows, valueAtPath} from '../../../plugins/nodes/src/metadata.js'
import {compactJson, parseJsonExact} from 's10k'
import {cliEnv} from '../../support/cli.js'
import {runInProcess, testIO, useProcessEnv} from '../../support/in-process.js'
import {useSession} from '../../support/session.js'

/** Object.prototype as it is now: its own property names and what each holds. */
const prototypeState = (): string =>
  Object.getOwnPropertyNames(Object.prototype)
    .map((name) => `${name}:${typeof Object.getOwnPropertyDescriptor(Object.prototype, name)?.value}`)
    .join(',')

describe('keys from outside are data', () => {
  it('the exact JSON parser keeps __proto__, constructor and prototype as own keys, and writes them back', () => {
    const text = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":2}},"prototype":3}'
    const value = parseJsonExact(text) as Record<string, unknown>
    assert.equal(Object.getPrototypeOf(value), Object.prototype)
    assert.deepEqual(Object.keys(value), ['__proto__', 'constructor', 'prototype'])
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal(compactJson(value as never), text)
  })

  it('metadata from JSON and from key path rows keeps them as keys, and the rows read back', () => {
    const metadata = parseMetadata('{"m":{"__proto__":{"a":1}},"pm":{"__proto__":{"b":2},"constructor":{"c":3}},"t":["__proto__"]}')
    assert.equal(
      compactJson(metadataJson(metadata)),
      '{"m":{"__proto__":{"a":1}},"pm":{"__proto__":{"b":2},"constructor":{"c":3}},"t":["__proto__"]}',
    )
    const before = prototypeState()
    const rows = [
      ['/m/__proto__/service-urls/solaruser', 'https://collector.example'],
      ['/m/__proto__/other', '1'],
      ['/pm/constructor/prototype', '{"x":1}'],
      ['/pm/__proto__/toString', 'x'],
    ]
    const built = metadataFromPathRows(rows)
    assert.equal(prototypeState(), before)
    assert.equal(({} as Record<string, unknown>)['service-urls'], undefined)
    assert.equal(
      compactJson(metadataJson(built)),
      '{"m":{"__proto__":{"service-urls":{"solaruser":"https://collector.example"},"other":1}},"pm":{"constructor":{"prototype":{"x":1}},"__proto__":{"toString":"x"}}}',
    )
    assert.deepEqual(pathRows(built).rows, [...rows.slice(0, 2), ['/pm/constructor/prototype/x', '1'], rows[3]])
    // a key that is not there is not found on the prototype either
    assert.equal(valueAtPath(parseMetadata('{"m":{"a":1}}'), '/m/constructor'), undefined)
    assert.equal(valueAtPath(parseMetadata('{"m":{"a":1}}'), '/m/__proto__'), undefined)
    assert.equal(compactJson(valueAtPath(built, '/m/__proto__/other') ?? null), '1')
  })

  describe('hostile metadata -> csv-get -mode CSV -> csv-set (in-process)', () => {
    const session = useSession()
    useProcessEnv(() => cliEnv(session.home.path))

    it('sends the keys as data to the configured service only, and leaves Object.prototype untouched', async () => {
      // a listener standing in for collector.example: configured nowhere, it must receive nothing
      let connections = 0
      const collector = createServer((socket) => {
        connections++
        socket.destroy()
      })
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.2', resolve))
      const evil = `http://127.0.0.2:${(collector.address() as {port: number}).port}`
      try {
        const hostile = JSON.parse(
          `{"m":{"__proto__":{"service-urls":{"solaruser":"${evil}","solarquery":"${evil}"},"http":{"allow-plain-http":true}},` +
            `"constructor":{"prototype":{"polluted":"yes"}}},"pm":{"__proto__":{"toString":"x"},"prototype":{"a":"b"}},"t":["__proto__"]}`,
        ) as Record<string, unknown>
        session.emulator.nodes.nodes.get(101)!.metadata = {created: '2025-08-30 03:36:06Z', updated: '2025-08-30 03:36:06Z', meta: hostile}
        session.emulator.nodes.nodes.get(102)!.userId = 123
        delete session.emulator.nodes.nodes.get(102)!.metadata
        const before = prototypeState()
        const get = await runInProcess(NodesMetaCsvGet, ['-node', '101', '-mode', 'CSV'], testIO())
        assert.equal(get.code, 0, get.err)
        assert.ok(get.out.includes(`/m/__proto__/service-urls/solaruser,${evil}\r\n`), get.out)
        const set = await runInProcess(NodesMetaCsvSet, ['-node', '102'], testIO({input: get.out}))
        assert.deepEqual([set.code, set.out, set.err], [0, 'Metadata saved from 7 key path rows.\n', ''])
        assert.equal(prototypeState(), before)
        assert.equal(({} as Record<string, unknown>)['service-urls'], undefined)
        assert.equal(connections, 0)
        assert.deepEqual(
          session.received().map((r) => r.split(' ')[0] + ' ' + r.split(' ')[1]),
          ['GET /solaruser/api/v1/sec/nodes/meta?nodeIds=101', 'POST /solaruser/api/v1/sec/nodes/meta/102'],
        )
        const stored = session.emulator.nodes.nodes.get(102)?.metadata?.meta as Record<string, Record<string, unknown>>
        assert.deepEqual(Object.keys(stored.m), ['__proto__', 'constructor'])
        const again = await runInProcess(NodesMetaCsvGet, ['-node', '102', '-mode', 'CSV'], testIO())
        assert.equal(again.out, get.out)
      } finally {
        await new Promise((resolve) => collector.close(resolve))
      }
    })
  })
})
