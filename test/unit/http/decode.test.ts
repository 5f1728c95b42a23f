import assert from 'node:assert/strict'
import {Readable} from 'node:stream'
import {describe, it} from 'node:test'
import * as zlib from 'node:zlib'

import {decodedBody} from '../../../src/http/decode.js'

const TEXT = Buffer.from('ts,streamId,sourceId,watts\r\n' + '2025-01-01T00:00:00Z,abc,bulk/1,4999.9\r\n'.repeat(5000))

async function decode(encoded: Buffer, encoding?: string): Promise<{text: Buffer; headers: Record<string, unknown>; chunks: number[]}> {
  const headers: Record<string, unknown> = encoding === undefined ? {} : {'content-encoding': encoding}
  // the body arrives in pieces, as from a socket
  const pieces = Array.from({length: Math.ceil(encoded.length / 1000)}, (_, i) => encoded.subarray(i * 1000, (i + 1) * 1000))
  const chunks: number[] = []
  const out: Buffer[] = []
  for await (const chunk of decodedBody(Readable.from(pieces), headers)) {
    chunks.push((chunk as Buffer).length)
    out.push(chunk as Buffer)
  }
  return {text: Buffer.concat(out), headers, chunks}
}

describe('the decoding of a streamed answer (as axios decodes, in 4 KiB chunks)', () => {
  for (const [encoding, encode] of [
    ['gzip', zlib.gzipSync],
    ['x-gzip', zlib.gzipSync],
    ['GZIP', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    it(`${encoding}: decoded, Content-Encoding removed, chunks of at most 4 KiB`, async () => {
      const {text, headers, chunks} = await decode(encode(TEXT), encoding)
      assert.ok(text.equals(TEXT))
      assert.equal(headers['content-encoding'], undefined)
      assert.ok(Math.max(...chunks) <= 4096, String(Math.max(...chunks)))
    })
  }

  it('deflate sent without its zlib header (raw) is decoded too', async () => {
    const {text} = await decode(zlib.deflateRawSync(TEXT), 'deflate')
    assert.ok(text.equals(TEXT))
  })

  it('an unknown encoding or none is passed on as it is, its header kept', async () => {
    const plain = await decode(TEXT)
    assert.ok(plain.text.equals(TEXT))
    const other = await decode(TEXT, 'identity')
    assert.ok(other.text.equals(TEXT))
    assert.equal(other.headers['content-encoding'], 'identity')
  })

  it('a corrupt gzip body is an error of the decoded body (Z_DATA_ERROR)', async () => {
    const bad = Buffer.concat([zlib.gzipSync(TEXT).subarray(0, 10), Buffer.from('not deflate data at all')])
    await assert.rejects(decode(bad, 'gzip'), {code: 'Z_DATA_ERROR'})
  })
})
