import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {Flags} from '@oclif/core'

import {type CommandResult, type Confirm, S10kCommand} from '../../../src/command/command.js'
import {PartialResultError, S10kError, UsageError} from '../../../src/command/errors.js'
import type {ChangeProgress} from '../../../src/command/progress.js'
import {displayModeFlag} from '../../../src/flags/flags.js'
import {prettyJsonList} from '../../../src/json/write.js'
import {renderTable} from '../../../src/output/pretty.js'
import type {Report} from '../../../src/output/report.js'
import {runInProcess, testIO} from '../../support/in-process.js'

/** What a probe command's body may use of the base command. */
interface Tools {
  flags: {yes: boolean; count?: number}
  progress: ChangeProgress
  confirmation: (doing: string) => Confirm
  deliverOnce: (delivery: {text: string; note: string}) => void
}

/** A command of the base class whose `run()` is `body`, run in this process with a test terminal. */
function run(body: (tools: Tools) => Promise<CommandResult>, argv: string[] = [], io = testIO()) {
  class Probe extends S10kCommand {
    static override id = 'tests:probe'
    static override flags = {'display-mode': displayModeFlag(), yes: Flags.boolean(), count: Flags.integer()}
    override async run(): Promise<CommandResult> {
      const {flags} = await this.parse(Probe)
      return body({
        flags,
        progress: this.progress,
        confirmation: (doing) => this.confirmation({yes: flags.yes, yesFlag: '--yes', doing}),
        deliverOnce: (delivery) => {
          this.deliverOnce(delivery)
        },
      })
    }
  }
  return runInProcess(Probe, argv, io)
}

const REPORT: Report = {
  columns: [{title: 'Name'}, {title: 'Count', align: 'right'}],
  rows: [
    ['a', '1'],
    ['b', '22'],
  ],
  items: [
    {name: 'a', count: 1},
    {name: 'b', count: 22},
  ],
  list: true,
}

describe('the base command renders what run() returns', () => {
  it('writes a message as one line of stdout', async () => {
    assert.deepEqual(await run(async () => ({message: 'Security token deleted.'})), {code: 0, out: 'Security token deleted.\n', err: ''})
  })

  it('writes a report as PRETTY unless another display mode is asked for', async () => {
    assert.deepEqual(await run(async () => REPORT), {code: 0, out: renderTable(REPORT), err: ''})
    assert.equal((await run(async () => REPORT, ['--display-mode', 'json'])).out, '[{"name":"a","count":1},{"name":"b","count":22}]\n')
    assert.equal((await run(async () => REPORT, ['-mode=CSV'])).out, 'Name,Count\r\na,1\r\nb,22\r\n')
    assert.equal((await run(async () => REPORT, ['--display-mode', 'json', '--pretty'])).out, `${prettyJsonList(REPORT.items)}\n`)
  })

  it('says an empty list on stderr; only JSON writes it ([])', async () => {
    const empty: Report = {...REPORT, rows: [], items: [], emptyMessage: 'No tokens found.'}
    assert.deepEqual(await run(async () => empty), {code: 0, out: '', err: 'No tokens found.\n'})
    assert.deepEqual(await run(async () => empty, ['--display-mode', 'JSON']), {code: 0, out: '[]\n', err: 'No tokens found.\n'})
  })

  it('writes nothing for no result', async () => {
    assert.deepEqual(await run(async () => undefined), {code: 0, out: '', err: ''})
  })
})

describe('the base command turns errors into one line and an exit code', () => {
  it("says an s10k error's reason with its exit code", async () => {
    assert.deepEqual(
      await run(async () => {
        throw new S10kError('Not found (UNKNOWN_OBJECT): the token does not exist', 1)
      }),
      {code: 1, out: '', err: 'Not found (UNKNOWN_OBJECT): the token does not exist\n'},
    )
  })

  it('points a usage error at the help of the command', async () => {
    assert.deepEqual(
      await run(async () => {
        throw new UsageError('Bad --count')
      }),
      {code: 2, out: '', err: 'Bad --count (see: s10k tests probe --help)\n'},
    )
  })

  it('calls anything else unexpected, without a stack trace, exit 1', async () => {
    assert.deepEqual(
      await run(async () => {
        throw new TypeError('x is undefined')
      }),
      {code: 1, out: '', err: 'Unexpected error: x is undefined\n'},
    )
  })

  it('shows control characters in a message escaped', async () => {
    const result = await run(async () => {
      throw new S10kError('Refused: \u001b]0;owned\u0007\u202Etxt.exe')
    })
    assert.equal(result.err, 'Refused: \\u001b]0;owned\\u0007\\u202etxt.exe\n')
  })

  it('writes the result a failure comes with, then the failure', async () => {
    const result = await run(async () => {
      throw new PartialResultError('2 of 3 rows failed', REPORT, 1)
    })
    assert.deepEqual(result, {code: 1, out: renderTable(REPORT), err: '2 of 3 rows failed\n'})
  })

  it("maps the parser's errors to one line each", async () => {
    const err = async (...argv: string[]) => (await run(async () => undefined, argv)).err
    assert.equal(await err('--bogus'), "Unknown option: '--bogus' (see: s10k tests probe --help)\n")
    assert.equal(
      await err('--count'),
      'Missing value for option --count (attach a value that starts with - with =, as in --count=-x) (see: s10k tests probe --help)\n',
    )
    assert.equal(await err('--count', '1', '--count', '2'), 'Option --count can only be given once (see: s10k tests probe --help)\n')
    assert.equal((await run(async () => undefined, ['--count', 'x'])).code, 2)
  })
})

describe('the base command delivers a secret shown once', () => {
  const delivery = {text: 'NEWSECRET\n', note: 'Save the secret now: it is not shown again.'}

  it('with the result, the note on stderr', async () => {
    const result = await run(async ({deliverOnce}) => {
      deliverOnce(delivery)
      return {...REPORT, list: false}
    })
    assert.equal(result.code, 0)
    assert.equal(result.err, `${delivery.note}\n`)
  })

  it('on stderr when the run fails before the result is written', async () => {
    const result = await run(async ({deliverOnce}) => {
      deliverOnce(delivery)
      throw new S10kError('Reading the token back failed.')
    })
    assert.deepEqual(result, {code: 1, out: '', err: `${delivery.note}\nNEWSECRET\nReading the token back failed.\n`})
  })

  it('on stderr when the result cannot be written, naming the change as applied', async () => {
    const io = testIO()
    io.writeOut = async () => {
      throw Object.assign(new Error('write EPIPE'), {code: 'EPIPE'})
    }
    const result = await run(
      async ({deliverOnce, progress}) => {
        await progress.step('create the token', async () => undefined)
        deliverOnce(delivery)
        return REPORT
      },
      [],
      io,
    )
    assert.equal(result.code, 1)
    assert.equal(
      result.err,
      `${delivery.note}\nNEWSECRET\nApplied: create the token; the result could not be shown: Cannot write the output (EPIPE): write EPIPE\n`,
    )
  })
})

describe('the base command writes data out', () => {
  it('ends a read quietly (exit 0) when the reader has gone', async () => {
    const io = testIO()
    io.writeOut = async () => {
      throw Object.assign(new Error('write EPIPE'), {code: 'EPIPE'})
    }
    assert.deepEqual(await run(async () => REPORT, [], io), {code: 0, out: '', err: ''})
  })
})

describe('the base command confirms what cannot be undone', () => {
  const remove = async ({confirmation}: Tools): Promise<CommandResult> => {
    const confirm = confirmation('deleting')
    await confirm('Delete token \u001b[2Jabc? Type its ID to confirm', 'abc', 'Not deleted: the ID typed does not match.')
    return {message: 'Deleted.'}
  }

  it('refuses without a terminal unless --yes is given, before asking anything', async () => {
    const io = testIO({answers: ['abc']})
    assert.deepEqual(await run(remove, [], io), {
      code: 2,
      out: '',
      err: 'Not deleting without confirmation: pass --yes when not running at a terminal (see: s10k tests probe --help)\n',
    })
    assert.deepEqual(io.asked, [])
    assert.equal((await run(remove, ['--yes'], testIO())).out, 'Deleted.\n')
  })

  it('asks at a terminal, with the question escaped, and goes on only with the expected answer', async () => {
    const yes = testIO({stdinIsTerminal: true, answers: [' abc ']})
    assert.deepEqual(await run(remove, [], yes), {code: 0, out: 'Deleted.\n', err: ''})
    assert.deepEqual(yes.asked, ['Delete token \\u001b[2Jabc? Type its ID to confirm: '])
    const no = testIO({stdinIsTerminal: true, answers: ['abd']})
    assert.deepEqual(await run(remove, [], no), {code: 1, out: '', err: 'Not deleted: the ID typed does not match.\n'})
  })

  it('asks nothing in a dry run', async () => {
    const io = testIO({stdinIsTerminal: true})
    assert.equal((await run(remove, ['--dry-run'], io)).out, 'Deleted.\n')
    assert.deepEqual(io.asked, [])
  })
})
