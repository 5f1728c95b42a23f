#!/usr/bin/env node
// `npm run mutate`: shows that `npm test` fails when a security-relevant module is broken. For each mutant below,
// a temporary git worktree of HEAD (with a hard-linked copy of this checkout's node_modules) gets one exact text replacement,
// which must match exactly once, and runs `npm test`; a mutant is KILLED when `npm test` fails, SURVIVED when it
// passes. Exit 1 if any survives (or a replacement does not match). Not part of `npm test`: it runs it once per mutant.
// `--quick` runs `npm run test:quick` first (the unit and in-process tiers on one Node, which `npm test` also runs):
// a mutant that fails it fails `npm test` too; only one that passes it gets the whole `npm test`.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** [name, file, text, replacement]: each replacement still compiles, so that only the tests (or lint) can kill it */
const MUTANTS = [
  [
    'secrets redaction: nothing redacted',
    'src/auth/secrets.ts',
    'out = out.replaceAll(secret, REDACTED)',
    // still compiles and lints: only the tests can tell
    'out = out.replaceAll(secret, secret)',
  ],
  ['secrets redaction: --secret=X not learned', 'src/auth/secrets.ts', 'if (attached) found.push(attached[1])', 'if (attached) found.length = 0'],
  ['trace: signature shown', 'src/http/trace.ts', "value.replace(/Signature=[0-9a-fA-F]+/, 'Signature=<redacted>')", 'value'],
  [
    'trace: new secret shown',
    'src/http/trace.ts',
    '`${name}${colon}"<redacted>"`',
    // the member as it came, still using every parameter, so that only the tests can tell
    '`${name}${colon}${member.slice(name.length + colon.length)}`',
  ],
  [
    'printable: controls not escaped',
    'src/text/printable.ts',
    'const escape = (c: string): string => unicodeEscape(c)',
    'const escape = (c: string): string => c',
  ],
  ['printable: line feeds kept in one-line values', 'src/text/printable.ts', ".replaceAll('\\n', '\\\\u000a')", ''],
  [
    'signer: key not derived from the secret',
    'src/auth/signer.ts',
    "createHmac('sha256', 'SNWS2' + secret)",
    "createHmac('sha256', 'SNWS2' + secret.slice(0, 0))",
  ],
  [
    'signer: headers not in order',
    'src/auth/signer.ts',
    'const names = Object.keys(request.headers).sort()',
    'const names = Object.keys(request.headers).reverse()',
  ],
  [
    'progress: applied changes not named after a failure',
    'src/command/progress.ts',
    'if (!(error instanceof S10kError) || this.applied === 0) return error',
    'if (!(error instanceof S10kError) || this.applied >= 0) return error',
  ],
  [
    'progress: a lost answer not called maybe applied',
    'src/command/progress.ts',
    'error instanceof RequestError && error.maybeApplied',
    'error instanceof RequestError && !error.maybeApplied',
  ],
  [
    'envelope: inherited members read as the answer',
    'src/http/errors.ts',
    'return Object.assign(Object.create(null) as Envelope, value)',
    'return value as Envelope',
  ],
  [
    'command: any answer confirms a deletion',
    'src/command/command.ts',
    'if (answer.trim() !== expected)',
    'if (answer.length < expected.length - answer.length - expected.length)',
  ],
  [
    'command: a delivery (a new secret) dropped on failure',
    'src/command/command.ts',
    'this.io.writeErr(`${this.delivery.note}\\n${this.delivery.text}`)',
    '',
  ],
]

function run(command, args, cwd) {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  return {status: result.status ?? 1, output: `${result.stdout}${result.stderr}`}
}

const quick = process.argv[2] === '--quick'
const only = process.argv.slice(quick ? 3 : 2)
const results = []
for (const [name, file, text, replacement] of MUTANTS) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue
  const dir = mkdtempSync(join(tmpdir(), 's10k-mutant-'))
  const tree = join(dir, 'tree')
  try {
    if (run('git', ['worktree', 'add', '--detach', tree, 'HEAD'], ROOT).status !== 0) throw new Error('git worktree add failed')
    // hard links: its links (s10k -> .., @s10k/plugin-* -> ../../plugins/*) are relative, so they point into the copy
    if (run('cp', ['-al', join(ROOT, 'node_modules'), join(tree, 'node_modules')]).status !== 0) throw new Error('cp -al node_modules failed')
    // but not the caches of npm test (type-check, Prettier, test times), which the copy would write into in place
    rmSync(join(tree, 'node_modules', '.cache'), {recursive: true, force: true})
    const path = join(tree, file)
    const source = readFileSync(path, 'utf8')
    const count = source.split(text).length - 1
    if (count !== 1) {
      results.push({name, verdict: `NO MATCH (${count} matches of the text in ${file})`})
      continue
    }
    writeFileSync(
      path,
      source.replace(text, () => replacement),
    )
    const started = Date.now()
    let tier = quick ? 'test:quick' : 'test'
    let test = run('npm', ['run', tier], tree)
    if (quick && test.status === 0) test = run('npm', ['run', (tier = 'test')], tree)
    const verdict = test.status === 0 ? 'SURVIVED' : 'KILLED'
    const failing = [...test.output.matchAll(/^(?:test at .*\n)?✖ (.*)$/gm)].map((m) => m[1]).slice(0, 3)
    // killed without a failing test (the build, type-check or lint): say which step failed
    if (test.status !== 0 && failing.length === 0) failing.push(...[...test.output.matchAll(/^# (.*): FAILED/gm)].map((m) => m[1]), 'no test failed')
    const seconds = ((Date.now() - started) / 1000).toFixed(0)
    results.push({name, verdict, detail: `npm run ${tier}, ${seconds} s${failing.length ? `; fails: ${failing.join(' | ')}` : ''}`})
    console.log(`${verdict}: ${name} (${results.at(-1).detail})`)
  } finally {
    run('git', ['worktree', 'remove', '--force', tree], ROOT)
    rmSync(dir, {recursive: true, force: true})
  }
}
console.log()
for (const r of results) console.log(`${r.verdict.padEnd(8)} ${r.name}`)
process.exit(results.every((r) => r.verdict === 'KILLED') ? 0 : 1)
