#!/usr/bin/env node
// `npm run docs`: writes docs/commands/<command>.md for every s10k command, in the structure of the seed page
// (title, summary, usage, options, output, examples), and the command reference in README.md, all from the
// commands' own metadata. test/unit/docs.test.ts fails when the committed files differ from what this writes.
import {mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {handbookOrder, shortNames} from 's10k'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BIN = 's10k'
const WIDTH = 80
const START = '<!-- commands -->'
const STOP = '<!-- commandsstop -->'

/** The commands s10k itself ships (oclif's own plugins document themselves). */
async function loadCommands() {
  // an empty data dir, so that plugins of the user running this never end up in the docs
  const data = mkdtempSync(join(tmpdir(), 's10k-docs-'))
  process.env.S10K_DATA_DIR = data
  try {
    const {Config} = await import('@oclif/core')
    const config = await Config.load(ROOT)
    // oclif lists each alias as a command of its own; an alias lists itself among its aliases
    const ours = config.commands.filter((c) => !c.hidden && !c.pluginName.startsWith('@oclif/') && !(c.aliases ?? []).includes(c.id))
    const commands = await Promise.all(ours.map(async (c) => ({manifest: c, output: (await c.load()).output})))
    return commands.sort((a, b) => a.manifest.id.localeCompare(b.manifest.id))
  } finally {
    rmSync(data, {recursive: true, force: true})
  }
}

const words = (id) => id.split(':').join(' ')
const title = (id) =>
  id
    .split(':')
    .map((w) =>
      w
        .split('-')
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join('-'),
    )
    .join(' ')
const render = (text, id) => text.replaceAll('<%= config.bin %>', BIN).replaceAll('<%= command.id %>', words(id))

/** Splits a synopsis into its top-level words and bracketed groups. */
function synopsisParts(text) {
  const parts = []
  let depth = 0
  let current = ''
  for (const c of text) {
    if (c === ' ' && depth === 0) {
      if (current) parts.push(current)
      current = ''
      continue
    }
    if (c === '[') depth++
    if (c === ']') depth--
    current += c
  }
  if (current) parts.push(current)
  return parts
}

/** The option a synopsis part starts with (`[-D=<description>]` → `-D`, `[-a | -d]` → `-a`). */
const partOption = (part) => /^\[?(-[^\s=|\]]+)/.exec(part)?.[1]

/**
 * The synopsis wrapped like the handbook's picocli synopses: continuation lines aligned two columns after the
 * command, lines filled up to 80 columns, long groups split at ` | ` with the alternatives indented four more.
 * The handbook's line breaks are an author's layout rather than a width rule (it starts a new line before
 * `[-D=<description>]` where it would still fit), so a command may name the options that start a line
 * (`breakBefore`, the options as the synopsis shows them, e.g. `-D`).
 */
export function wrapSynopsis(command, synopsis, breakBefore = []) {
  const indent = ' '.repeat(command.length + 2)
  const lines = [command]
  const add = (piece, pad, fresh) => {
    const last = lines.at(-1)
    if (!fresh && last.trim() !== '' && last.length + 1 + piece.length <= WIDTH) lines[lines.length - 1] = `${last} ${piece}`
    else lines.push(`${pad}${piece}`)
  }
  for (const part of synopsisParts(synopsis)) {
    const fresh = breakBefore.includes(partOption(part))
    if (indent.length + part.length <= WIDTH || !part.includes(' | ')) {
      add(part, indent, fresh)
      continue
    }
    const [first, ...rest] = part.split(' | ')
    lines.push(`${indent}${first} |`)
    rest.forEach((alt, i) => lines.push(`${indent}    ${alt}${i < rest.length - 1 ? ' |' : ''}`))
  }
  return lines.join('\n')
}

/** The options a command's `synopsisBreaks` (flag names) name, as its synopsis shows them. */
function synopsisBreaks(manifest) {
  return (manifest.synopsisBreaks ?? []).map((name) => {
    const flag = manifest.flags[name]
    if (!flag) throw new Error(`${manifest.id}: synopsisBreaks names ${name}, which is not one of its flags`)
    return `-${shortNames(flag)[0] ?? `-${name}`}`
  })
}

function optionRows(flags) {
  const rows = handbookOrder(Object.entries(flags).filter(([, f]) => !f.hidden)).map(([, f]) => {
    const eq = f.type === 'option' ? '=' : ''
    return {
      option: shortNames(f)
        .map((s) => `\`-${s}${eq}\``)
        .join(', '),
      long: `\`--${f.name}${eq}\``,
      description: f.summary ?? f.description ?? '',
    }
  })
  if (rows.length === 0) return 'No options of its own.'
  return [
    '| Option | Long Version | Description |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.option} | ${r.long} | ${r.description.replaceAll('|', '\\|')} |`),
  ].join('\n')
}

function partition(flags) {
  const own = {}
  const global = {}
  for (const [name, flag] of Object.entries(flags)) (flag.helpGroup === 'GLOBAL' ? global : own)[name] = flag
  return {own, global}
}

/** A long example command over several lines, one option each, as on the seed page. */
function exampleLines(command) {
  if (command.length <= 60) return command
  const [first, ...options] = command.split(' --')
  if (options.length === 0) return command
  return [`${first} --${options[0]}`, ...options.slice(1).map((o) => `    --${o}`)].join(' \\\n')
}

function examples(manifest) {
  return (manifest.examples ?? [])
    .map((e) => (typeof e === 'string' ? {description: '', command: e} : e))
    .map(
      (e) => `${e.description ? render(e.description, manifest.id) + '\n\n' : ''}\`\`\`sh\n${exampleLines(render(e.command, manifest.id))}\n\`\`\``,
    )
    .join('\n\n')
}

function usage(manifest) {
  const text = render([manifest.usage].flat()[0] ?? words(manifest.id), manifest.id)
  const command = `${BIN} ${words(manifest.id)}`
  const synopsis = text.startsWith(words(manifest.id)) ? text.slice(words(manifest.id).length).trim() : text
  return wrapSynopsis(command, synopsis, synopsisBreaks(manifest))
}

function aliasLine(manifest) {
  const aliases = (manifest.aliases ?? []).map((a) => `\`${BIN} ${words(a)}\``)
  return aliases.length > 0 ? `Also available as ${aliases.join(', ')}.` : ''
}

export function commandPage({manifest, output}) {
  const {own, global} = partition(manifest.flags)
  return (
    [
      `# ${title(manifest.id)}`,
      manifest.summary,
      manifest.description,
      '## Usage',
      '```\n' + usage(manifest) + '\n```',
      aliasLine(manifest),
      '## Options',
      optionRows(own),
      // a command without the global options (`version`) has no section for them
      ...(Object.keys(global).length > 0
        ? [
            '## Global options',
            'These may also be written before the command (`s10k -P home -n ' + words(manifest.id) + ' ...`), as in the Java tool.',
            optionRows(global),
          ]
        : []),
      ...(output ? ['## Output', output] : []),
      '## Examples',
      examples(manifest),
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  )
}

export const pagePath = (id) => join('docs', 'commands', `${id.replaceAll(':', '-')}.md`)

export function readmeSection(commands) {
  const sections = commands.map(({manifest, output}) => {
    const {own} = partition(manifest.flags)
    return [
      `### \`${BIN} ${words(manifest.id)}\``,
      `${manifest.summary} ${manifest.description ?? ''}`.trim(),
      '```\n' + usage(manifest) + '\n```',
      optionRows(own),
      ...(output ? [`Output: ${output}`] : []),
      `See [${pagePath(manifest.id)}](${pagePath(manifest.id)}) for examples.`,
    ].join('\n\n')
  })
  return `${START}\n\n${sections.join('\n\n')}\n\n${STOP}`
}

export function replaceReadmeSection(readme, section) {
  const start = readme.indexOf(START)
  const stop = readme.indexOf(STOP)
  if (start === -1 || stop === -1) throw new Error(`README.md has no ${START} ... ${STOP} section`)
  return readme.slice(0, start) + section + readme.slice(stop + STOP.length)
}

/** Every generated file: path relative to the project root, and content. */
export async function generateDocs() {
  const commands = await loadCommands()
  const files = new Map(commands.map((c) => [pagePath(c.manifest.id), commandPage(c)]))
  files.set('README.md', replaceReadmeSection(readFileSync(join(ROOT, 'README.md'), 'utf8'), readmeSection(commands)))
  return files
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, content] of await generateDocs()) {
    mkdirSync(dirname(join(ROOT, path)), {recursive: true})
    writeFileSync(join(ROOT, path), content)
    console.log(`wrote ${path}`)
  }
}
