/**
 * Error classes that the CLI turns into one readable line (exit 1): anything else is
 * an internal error (exit 2).
 */

/** A problem with the user's input (data, arguments, strategy): printed without a stack. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A problem in a data file, located by file, line and column. */
export class DataError extends UserError {
  override name = 'DataError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    super(
      `${file}${line !== undefined ? `:${line}` : ''}: ${column !== undefined ? `column "${column}": ` : ''}${problem}`,
    );
  }
}
