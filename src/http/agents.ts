import {Agent as HttpAgent} from 'node:http'
import {Agent as HttpsAgent} from 'node:https'
import type {Duplex} from 'node:stream'

import {CONNECT_TIMEOUT} from './errors.js'

type CreateConnection = (options: object, callback?: (error: Error | null, socket: Duplex) => void) => Duplex

/** Destroys a socket that has not connected within `timeoutMs`; the response timeout is axios's. */
function withConnectTimeout<T extends HttpAgent>(agent: T, timeoutMs: number): T {
  const create = (agent as unknown as {createConnection: CreateConnection}).createConnection.bind(agent)
  ;(agent as unknown as {createConnection: CreateConnection}).createConnection = (options, callback) => {
    const socket = create(options, callback)
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error(`no connection within ${timeoutMs} ms`), {code: CONNECT_TIMEOUT}))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
    })
    socket.once('close', () => {
      clearTimeout(timer)
    })
    return socket
  }
  return agent
}

/** Keep-alive agents, so the requests of one command share a connection. */
export function createAgents(connectTimeoutMs: number): {httpAgent: HttpAgent; httpsAgent: HttpsAgent} {
  return {
    httpAgent: withConnectTimeout(new HttpAgent({keepAlive: true}), connectTimeoutMs),
    httpsAgent: withConnectTimeout(new HttpsAgent({keepAlive: true}), connectTimeoutMs),
  }
}
