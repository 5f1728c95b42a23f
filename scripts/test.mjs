#!/usr/bin/env node
// `npm test` (after `npm run build`): type-checks the tests, lints, then runs every test file with node's test
// runner. Unit tests import the sources (`s10k` resolves to src/ through the `development` condition); the
// end-to-end tests run bin/run.cjs, as users do, on the build that `npm test` has just made.
import {spawnSync} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

function step(command, args) {
  const result = spawnSync(command, args, {stdio: 'inherit'})
  if (result.status !== 0) process.exit(result.status ?? 1)
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
if (only.length === 0) {
  step('npx', ['tsc', '-p', 'tsconfig.test.json'])
  step('npm', ['run', '--silent', 'lint'])
}
const files = only.length > 0 ? only : testFiles('test')
// the end-to-end tests mostly wait for child processes, so a few files run at once even on two cores
step(process.execPath, ['--conditions=development', '--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...files])
