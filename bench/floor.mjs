#!/usr/bin/env node
// The least a Node program can do for `s10k sec-tokens update -id X -n NAME`: sign two SNWS2 requests with
// node:crypto, send them with node:http (POST /info, then GET /find), and print the token.
// Usage: node bench/floor.mjs BASE_URL TOKEN_ID SECRET TARGET_ID NAME
import {createHash, createHmac} from 'node:crypto'
import {request} from 'node:http'

const [baseUrl, tokenId, secret, targetId, name] = process.argv.slice(2)
const base = new URL(baseUrl)
const now = new Date()
const day = now.toISOString().slice(0, 10).replaceAll('-', '')
const key = createHmac(
  'sha256',
  createHmac('sha256', 'SNWS2' + secret)
    .update(day)
    .digest(),
)
  .update('snws2_request')
  .digest()
const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
const sha = (v) => createHash('sha256').update(v).digest('hex')

function send(method, path, params, form) {
  const date = now.toUTCString()
  const headers = {host: base.host, 'x-sn-date': date}
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8'
  const names = Object.keys(headers).sort()
  const query = [...params]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&')
  const canonical = `${method}\n${path}\n${query}\n${names.map((n) => `${n}:${headers[n]}\n`).join('')}${names.join(';')}\n${sha('')}`
  const toSign = `SNWS2-HMAC-SHA256\n${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z/, 'Z')}\n${sha(canonical)}`
  headers.authorization = `SNWS2 Credential=${tokenId},SignedHeaders=${names.join(';')},Signature=${createHmac('sha256', key).update(toSign).digest('hex')}`
  const body = form ? new URLSearchParams(params).toString() : undefined
  const url = form ? path : `${path}?${new URLSearchParams(params)}`
  return new Promise((resolve, reject) => {
    const req = request({host: base.hostname, port: base.port, method, path: url, headers}, (res) => {
      let text = ''
      res
        .setEncoding('utf8')
        .on('data', (d) => (text += d))
        .on('end', () => resolve(JSON.parse(text)))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const api = '/solaruser/api/v1/sec/user/auth-tokens'
await send(
  'POST',
  `${api}/info`,
  [
    ['name', name],
    ['tokenId', targetId],
  ],
  true,
)
const found = await send('GET', `${api}/find`, [['identifiers', targetId]], false)
process.stdout.write(JSON.stringify(found.data.results[0]) + '\n')
