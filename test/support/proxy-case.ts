/**
 * Run inside a private network namespace (test/e2e/proxy.test.ts), where 10.200.0.1 exists only on its own
 * loopback: a "proxy" listens there and counts connections, the emulator listens on 127.0.0.1, and s10k runs
 * with HTTP_PROXY and HTTPS_PROXY pointing at the proxy. Prints what happened as one JSON line.
 */
import {createServer} from 'node:net'

import {emulatorHome, runCli} from './cli.js'
import {SolarUserEmulator} from './emulator.js'
import {exampleTokens} from './fixtures.js'

const PROXY_HOST = '10.200.0.1'

let proxyConnections = 0
const proxy = createServer((socket) => {
  proxyConnections++
  socket.destroy()
})
await new Promise<void>((resolve) => proxy.listen(0, PROXY_HOST, resolve))
const address = proxy.address()
if (address === null || typeof address === 'string') throw new Error('no proxy address')
const proxyUrl = `http://${PROXY_HOST}:${address.port}`

const emulator = new SolarUserEmulator(exampleTokens())
const url = await emulator.start()
const home = emulatorHome(url)
try {
  const result = await runCli(process.argv.slice(2), {home: home.path, env: {HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, http_proxy: proxyUrl}})
  process.stdout.write(JSON.stringify({...result, proxyConnections, requests: emulator.requests.length}) + '\n')
} finally {
  home.remove()
  await emulator.stop()
  proxy.close()
}
