/** Expected failures: each carries the message the user sees, saying what to type instead. */

export class UserError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** The words did not fit the command; the message includes its usage. */
export class UsageError extends UserError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export class NotFound extends UserError {
  constructor(message: string) {
    super('not_found', message);
    this.name = 'NotFound';
  }
}

export class Forbidden extends UserError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'Forbidden';
  }
}
