import {parseCsv} from '../plugins/nodes/src/csv-parse.js'
import {metadataFromPathRows, metadataJson, parseMetadata} from '../plugins/nodes/src/metadata.js'
import {compactJson, prettyJson} from 's10k'
import {createHash} from 'node:crypto'
const KEYS = Number(process.argv[2] ?? 2700000)
const mode = process.argv[3] ?? 'save'
const parts: string[] = []
for (let i = 0; i < KEYS; i++) parts.push(i % 2 === 0 ? `"k${i}":${i}` : `"k${i}":"v${i}"`)
let json: string | undefined = `{"m":{${parts.join(',')}}}`
parts.length = 0
const rows = ['Path,Value']
for (let i = 0; i < KEYS; i++) rows.push(`/m/k${i},${i % 2 === 0 ? i : `v${i}`}`)
let csv: string | undefined = rows.join('\r\n') + '\r\n'
rows.length = 0
global.gc?.()
const base = process.memoryUsage().rss
const t = <T>(name: string, f: () => T): T => { const s = performance.now(); const r = f(); console.log(name.padEnd(20), (performance.now() - s).toFixed(0).padStart(6), 'ms', 'rss+', ((process.memoryUsage().rss - base) / 1e6).toFixed(0), 'MB'); return r }
if (mode === 'bare') { t('bare', () => JSON.stringify(JSON.parse(json!)).length) }
if (mode === 'save') {
  const md = t('parseMetadata', () => parseMetadata(json!))
  const body = t('compactJson', () => compactJson(metadataJson(md)))
  t('sha256', () => createHash('sha256').update(body).digest('hex'))
  t('prettyJson', () => prettyJson(metadataJson(md)).length)
}
if (mode === 'csv') {
  const table = t('parseCsv', () => parseCsv(csv!))
  const md = t('fromRows', () => metadataFromPathRows(table))
  const body = t('compactJson', () => compactJson(metadataJson(md)))
  t('sha256', () => createHash('sha256').update(body).digest('hex'))
}
console.log('peak rss', (process.resourceUsage().maxRSS / 1024).toFixed(0), 'MB')
