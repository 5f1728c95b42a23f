/** Exit codes of every s10k command, documented in the README. */
export const ExitCode = {
  ok: 0,
  requestFailed: 1,
  usage: 2,
  nothingToDo: 3,
  credentials: 4,
  interrupted: 130,
} as const

/** What each exit code means, for `s10k --help` (README's table says more). */
export const EXIT_CODE_MEANINGS: ReadonlyArray<readonly [string, string]> = [
  ['0', 'success'],
  ['1', 'a request failed, or the service could not be reached; the message says what was applied'],
  ['2', 'bad input (options, arguments, config or credentials files); nothing was sent'],
  ['3', 'nothing to do (no update options given)'],
  ['4', 'no credentials, or the service rejected them'],
  ['128+N', 'stopped by signal N: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP'],
]

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** An error whose message is meant for the user, with the exit code it ends the run with. */
export class S10kError extends Error {
  readonly exitCode: ExitCodeValue
  /** The message as written, kept apart from `message`, which oclif's parser rewrites. */
  readonly reason: string

  constructor(message: string, exitCode: ExitCodeValue = ExitCode.requestFailed) {
    super(message)
    this.name = new.target.name
    this.exitCode = exitCode
    this.reason = message
  }
}

/** Bad input: an unknown option, a value that does not parse, a conflict between options. */
export class UsageError extends S10kError {
  constructor(message: string) {
    super(message, ExitCode.usage)
  }
}

/** A problem in ~/.s10k/config or ~/.s10k/credentials: bad input too, but not the command's options. */
export class ConfigError extends S10kError {
  constructor(message: string) {
    super(message, ExitCode.usage)
  }
}

/** No credentials could be found, or the service rejected them. */
export class CredentialsError extends S10kError {
  constructor(message: string) {
    super(message, ExitCode.credentials)
  }
}

/** A request to SolarNetwork failed: the service said no, or it could not be reached. */
export class RequestError extends S10kError {
  readonly method: string
  readonly url: string
  readonly status?: number
  readonly serviceMessage?: string
  /** The request was sent but its answer was lost (a reset, a timeout, a gateway error): it may have been applied. */
  readonly maybeApplied: boolean

  constructor(
    message: string,
    details: {method: string; url: string; status?: number; serviceMessage?: string; maybeApplied?: boolean},
    exitCode: ExitCodeValue = ExitCode.requestFailed,
  ) {
    super(message, exitCode)
    this.method = details.method
    this.url = details.url
    this.status = details.status
    this.serviceMessage = details.serviceMessage
    this.maybeApplied = details.maybeApplied ?? false
  }
}

/** A failure after a result worth showing: the report is written to stdout, then the message and exit code. */
export class PartialResultError extends S10kError {
  readonly report: unknown

  constructor(message: string, report: unknown, exitCode: ExitCodeValue = ExitCode.requestFailed) {
    super(message, exitCode)
    this.report = report
  }
}
