/**
 * The argv pipeline: every change s10k makes to the arguments, as one ordered list of named passes. The first
 * passes run before oclif sees the arguments (bin/run.cjs -> main); the rest run for the command oclif found, with
 * its flags (S10kCommand.parse runs them all; the preparse hook runs the picocli names for plugin commands written
 * on oclif's own Command). Each pass is a function of the arguments; `learn secrets` and `refuse a value after -p`
 * only look (the second may end the run).
 */
import type {Interfaces} from '@oclif/core'

import {refuseValueAfterPrompt, registerSecret, secretsInArgv} from '../auth/secrets.js'
import {S10kError} from '../command/errors.js'
import {readFileText} from '../command/io.js'
import {expandArgumentFiles} from './argument-files.js'
import {type GlobalOption, commandStart, hoistGlobalOptions} from './global-options.js'
import {type CheckedFlag, checkOptionUses} from './parse-errors.js'
import {protectAttachedValues} from './parse-attached.js'
import {rewritePicocliOptions} from './picocli.js'
import {resolvePluginPaths} from './plugin-paths.js'

/** What the passes before the command need: the global options, and whether a word names a command or topic. */
export interface LaunchContext {
  globals: readonly GlobalOption[]
  cwd: string
  home: string
  /** Whether the first of `words` (the arguments from the command on) names a command or topic. */
  namesCommand: (words: readonly string[]) => Promise<boolean>
}

interface Pass<C> {
  name: string
  run: (argv: readonly string[], context: C) => string[] | Promise<string[]>
}

/** The argument files this run read, as written after `@`: a usage error then hints at `@@` (see `atFileHint`). */
let argumentFiles: string[] = []

/** An argument file's text, limited as standard input is; one that cannot be read is passed on literally. */
function readArgumentFile(path: string): string | undefined {
  try {
    const text = readFileText(path, `Argument file @${path}`)
    argumentFiles.push(path)
    return text
  } catch (error) {
    if (error instanceof S10kError) throw error
    return undefined
  }
}

/**
 * For a usage error of a command that takes content (`meta save`, `meta csv-set`): `@file` expands the file's words
 * into arguments, so content given as `@file` where `@@file` was meant ends in a puzzling error; this says why.
 */
export function atFileHint(): string {
  if (argumentFiles.length === 0) return ''
  const file = argumentFiles[0]
  return `; @${file} was read as an argument file (its words became arguments): to give a file as the content, write @@${file}`
}

/** The passes before oclif, in order. */
export const LAUNCH_PASSES: readonly Pass<LaunchContext>[] = [
  {name: 'expand @files', run: (argv) => expandArgumentFiles(argv, readArgumentFile)},
  {
    name: 'learn secrets',
    run: (argv) => {
      // from here on, nothing written to stderr (DEBUG output included) shows them
      for (const secret of secretsInArgv(argv)) registerSecret(secret)
      return [...argv]
    },
  },
  {
    name: 'refuse a value after -p',
    run: async (argv, {globals, namesCommand}) => {
      await refuseValueAfterPrompt(argv, commandStart(argv, globals), namesCommand)
      return [...argv]
    },
  },
  {name: 'move global options after the command', run: (argv, {globals}) => hoistGlobalOptions(argv, globals)},
  {name: 'absolute plugin paths', run: (argv, {cwd, home}) => resolvePluginPaths(argv, cwd, home)},
]

type CommandFlags = Readonly<Record<string, CheckedFlag>>

/** The passes for the command oclif found, in order, given its flags (base flags included). */
export const COMMAND_PASSES = [
  {name: 'picocli names', run: (argv: readonly string[], flags: CommandFlags) => rewritePicocliOptions(argv, flags)},
  {
    name: 'options given twice or without a value',
    run: (argv: readonly string[], flags: CommandFlags) => {
      checkOptionUses(argv, flags)
      return [...argv]
    },
  },
  {name: 'values attached with =', run: (argv: readonly string[], flags: CommandFlags) => protectAttachedValues(argv, flags)},
] as const satisfies readonly Pass<CommandFlags>[]

/** The arguments as oclif is to see them: every launch pass in order. */
export async function launchArgv(argv: readonly string[], context: LaunchContext): Promise<string[]> {
  argumentFiles = []
  let out = [...argv]
  for (const pass of LAUNCH_PASSES) out = await pass.run(out, context)
  return out
}

/** The arguments as the command's parser is to read them: every command pass in order. */
export function commandArgv(argv: readonly string[], flags: Interfaces.FlagInput | CommandFlags): string[] {
  let out = [...argv]
  for (const pass of COMMAND_PASSES) out = pass.run(out, flags as CommandFlags)
  return out
}
