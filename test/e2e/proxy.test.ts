import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {ROOT} from '../support/cli.js'

/**
 * A proxy on another address, in a private network namespace (`unshare -rn`) so that nothing leaves this
 * machine even if s10k got it wrong. Without unshare (util-linux) or user namespaces the test fails, saying so.
 */
function inNamespace(args: string[]): {code: number; stdout: string; stderr: string; proxyConnections: number; requests: number} {
  const script = `ip link set lo up && ip addr add 10.200.0.1/32 dev lo && exec "$0" --import tsx ${join(ROOT, 'test/support/proxy-case.ts')} "$@"`
  const run = spawnSync('unshare', ['-rn', 'sh', '-c', script, process.execPath, ...args], {cwd: ROOT, encoding: 'utf8'})
  if (run.error || run.status !== 0) {
    throw new Error(`this test needs a private network namespace (util-linux unshare -rn and iproute2 ip): ${run.error?.message ?? run.stderr}`)
  }
  return JSON.parse(run.stdout) as ReturnType<typeof inNamespace>
}

describe('proxies', () => {
  it('never send a plain-http request for this machine through a proxy elsewhere (the proxy is bypassed)', () => {
    const result = inNamespace(['sec-tokens', 'list', '-mode', 'CSV'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.proxyConnections, 0)
    assert.equal(result.requests, 1)
    assert.match(result.stdout, /^Token ID,Created,/)
  })
})
