/**
 * Thrown inside a transaction when a rule refuses the change: the transaction rolls back and
 * the action turns it into a clear message. Anything else thrown is unexpected (error.tsx).
 */
export class RuleRefusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleRefusal';
  }
}
