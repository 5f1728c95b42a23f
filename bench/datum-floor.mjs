#!/usr/bin/env node
// The least a Node program can do for `s10k datum list -mode CSV`: the same signed GET (SNWS2 with s10k's own
// signer, the same Accept and Accept-Encoding headers) with node:http, the body decoded as s10k decodes it
// (node:zlib) and piped to stdout. Usage: node bench/datum-floor.mjs BASE_URL TOKEN_ID SECRET STREAM_ID
import {request} from 'node:http'
import {pipeline} from 'node:stream/promises'
import {createGunzip} from 'node:zlib'

import {EMPTY_SHA256_HEX, authorizationHeader, httpDate, signingKey} from '../dist/auth/signer.js'

const [baseUrl, tokenId, secret, streamId] = process.argv.slice(2)
const base = new URL(baseUrl)
const path = '/solarquery/api/v1/sec/datum/stream/datum'
const parameters = [['streamIds', streamId]]
const date = new Date()
const headers = {host: base.host, 'x-sn-date': httpDate(date)}
const authorization = authorizationHeader(tokenId, signingKey(secret, date), {
  method: 'GET',
  path,
  parameters,
  headers,
  bodySha256Hex: EMPTY_SHA256_HEX,
  date,
})
const response = await new Promise((resolve, reject) => {
  request(
    {
      host: base.hostname,
      port: base.port,
      path: `${path}?${new URLSearchParams(parameters)}`,
      headers: {...headers, authorization, accept: 'text/csv', 'accept-encoding': 'gzip, compress, deflate, br'},
    },
    resolve,
  )
    .on('error', reject)
    .end()
})
if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`)
const body = response.headers['content-encoding'] === 'gzip' ? response.pipe(createGunzip()) : response
await pipeline(body, process.stdout)
