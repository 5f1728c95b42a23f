#!/usr/bin/env node
// Runs every test file with node's test runner (Node 20 takes no globs, so the files are listed here).
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

if (!existsSync('dist/index.js') || !existsSync('plugins/sec-tokens/dist/commands/sec-tokens/update.js')) {
  console.error('s10k is not built: run `npm run build` first.')
  process.exit(1)
}

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return name === 'support' || name === 'fixtures' ? [] : testFiles(path)
      return name.endsWith('.test.ts') ? [path] : []
    })
    .sort()
}

const only = process.argv.slice(2)
const files = only.length > 0 ? only : testFiles('test')
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {stdio: 'inherit'})
process.exit(result.status ?? 1)
