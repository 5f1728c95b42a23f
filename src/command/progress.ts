import {RequestError, S10kError} from './errors.js'

/**
 * The changes a command makes, in order, and how far it got: what a failure, an interrupt or a signal part way
 * through reports, so the user knows what was applied, what may have been, and what was not.
 */
export class ChangeProgress {
  private planned: string[] = []
  private applied = 0
  /** The change being sent: it may have reached the service even if no answer comes back. */
  private sending = false

  /** The changes about to be made, in the order they will be made (optional: `step` adds unplanned ones). */
  plan(labels: readonly string[]): void {
    this.planned = [...labels]
    this.applied = 0
    this.sending = false
  }

  /**
   * Makes one change: `send` is the request. When it fails, the error says what was applied, what may have been
   * (a request whose answer was lost) and what was not; a first change that certainly failed keeps its message.
   */
  async step<T>(label: string, send: () => Promise<T>): Promise<T> {
    const next = this.planned.at(this.applied)
    if (next === undefined) this.planned.push(label)
    else if (next !== label) throw new Error(`change "${label}" is not the next planned one ("${next}")`)
    this.sending = true
    try {
      const result = await send()
      this.applied++
      return result
    } catch (error) {
      throw this.failure(error)
    } finally {
      this.sending = false
    }
  }

  /**
   * Reads the result after the changes: when only this read fails, the error still names every change as
   * applied, so nobody thinks nothing happened.
   */
  async readBack<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read()
    } catch (error) {
      throw this.afterChanges(error)
    }
  }

  /**
   * A failure after the changes (reading the result back, writing it out): once something was applied, the
   * error names every change applied, so nobody thinks nothing happened.
   */
  afterChanges(error: unknown): unknown {
    if (!(error instanceof S10kError) || this.applied === 0) return error
    const applied = `Applied: ${list(this.planned.slice(0, this.applied))}`
    return new S10kError(`${applied}; the result could not be shown: ${error.reason}`, error.exitCode)
  }

  /** True once a change was applied or is being sent. */
  get started(): boolean {
    return this.applied > 0 || this.sending
  }

  /** For an interrupt or a signal: the change being sent may or may not have reached the service. */
  interrupted(): string {
    if (!this.started) return this.planned.length > 0 ? 'Nothing was changed.' : ''
    return this.summary(this.sending)
  }

  private failure(error: unknown): unknown {
    if (!(error instanceof S10kError)) return error
    const maybe = error instanceof RequestError && error.maybeApplied
    if (this.applied === 0 && !maybe) return error
    return new S10kError(`${error.reason.replace(/\.$/, '')}. ${this.summary(maybe)}`, error.exitCode)
  }

  /** `Applied: a. May have been applied: b. Not applied: c.` with the change being sent counted as `maybe` says. */
  private summary(maybe: boolean): string {
    const parts = this.applied > 0 || !maybe ? [`Applied: ${list(this.planned.slice(0, this.applied))}.`] : []
    if (maybe) parts.push(`May have been applied: ${this.planned[this.applied]}.`)
    const rest = this.planned.slice(this.applied + (maybe ? 1 : 0))
    if (rest.length > 0) parts.push(`Not applied: ${list(rest)}.`)
    return parts.join(' ')
  }
}

function list(labels: readonly string[]): string {
  return labels.length === 0 ? 'nothing' : labels.join(', ')
}
