/**
 * The changes a command makes, in order, and how far it got: what a failure or an interrupt part way
 * through reports, so the user knows what was applied.
 */
export class ChangeProgress {
  private planned: string[] = []
  private applied = 0
  private sending = false

  /** The changes about to be made, in the order they will be sent. */
  plan(labels: readonly string[]): void {
    this.planned = [...labels]
    this.applied = 0
    this.sending = false
  }

  /** The next planned change is being sent. */
  start(): void {
    this.sending = true
  }

  /** The change being sent was applied. */
  finish(): void {
    this.sending = false
    this.applied++
  }

  get started(): boolean {
    return this.applied > 0 || this.sending
  }

  /** `Applied: a. Not applied: b, c.` for a failure of the change being sent. */
  failed(): string {
    return `Applied: ${list(this.planned.slice(0, this.applied))}. Not applied: ${list(this.planned.slice(this.applied))}.`
  }

  /** For an interrupt: the change being sent may or may not have reached the service. */
  interrupted(): string {
    if (!this.started) return this.planned.length > 0 ? 'Nothing was changed.' : ''
    const parts = [`Applied: ${list(this.planned.slice(0, this.applied))}.`]
    if (this.sending) parts.push(`May have been applied: ${this.planned[this.applied]}.`)
    const rest = this.planned.slice(this.applied + (this.sending ? 1 : 0))
    if (rest.length > 0) parts.push(`Not applied: ${list(rest)}.`)
    return parts.join(' ')
  }
}

function list(labels: readonly string[]): string {
  return labels.length === 0 ? 'nothing' : labels.join(', ')
}
