/** The library s10k plugins build on: base command, shared flags, client, output. */
// oclif's API comes through here too, so that plugins share the CLI's one copy of it
export {Args, Flags, execute, type Hook, type Interfaces} from '@oclif/core'
export {prepareArgv} from './argv/index.js'
export {S10kCommand, type GlobalFlags} from './command.js'
export {ConfigError, CredentialsError, ExitCode, PartialResultError, RequestError, S10kError, UsageError} from './errors.js'
export {displayModeFlag, enumFlag, enumValue, globalFlags, integerItem, invalidValue, listFlag, splitList, uniqueValues, withShortNames} from './flags.js'
export {SolarClient, type ApiRequest, type HttpMethod} from './http/client.js'
export {compactJson, prettyJson, type JsonValue} from './output/json.js'
export {findFormatter, formatterNames, registerFormatter} from './output/registry.js'
export type {Cell, Formatter, RenderContext, Report, TableColumn} from './output/report.js'
export {ChangeProgress} from './progress.js'
export {askLine, readSecret} from './prompt.js'
export {formatInstantAlt, formatInstantIso, parseInstant, type Instant} from './time.js'
