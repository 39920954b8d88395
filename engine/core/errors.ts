/**
 * Error classes that the CLI turns into one readable line (exit 1): anything else is
 * an internal error (exit 2).
 *
 * A message names the options it is about as ‹name› (kebab-case, as the CLI flag): the library's
 * `message` shows them as the option names of the API (camelCase: `‹allow-short›` → `allowShort`),
 * the CLI as flags (`--allow-short`, see cliMessage). The first option named is kept in `option`.
 */

const OPTION = /‹([a-z][a-z0-9-]*)›/g;

/** An option name of the API: the flag's name in camelCase (`allow-short` → `allowShort`). */
const apiName = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Extra fields of a {@link UserError}: the value the option had, and the cause. */
export interface UserErrorOptions extends ErrorOptions {
  value?: unknown;
}

/** A problem with the user's input (data, arguments, strategy): printed without a stack. */
export class UserError extends Error {
  override name = 'UserError';
  /** The message with its options marked ‹name› (see cliMessage). */
  readonly template: string;
  /** The option (API name) the problem is about, when the message names one, and the value given. */
  readonly option?: string;
  readonly value?: unknown;
  constructor(template: string, options?: UserErrorOptions) {
    super(
      template.replace(OPTION, (_, n: string) => apiName(n)),
      options,
    );
    this.template = template;
    const first = /‹([a-z][a-z0-9-]*)›/.exec(template);
    if (first) this.option = apiName(first[1]);
    if (options && 'value' in options) this.value = options.value;
  }
}

/**
 * The message of an error as the command line shows it: the options it names as flags
 * (`--from`), other errors as they are.
 *
 * @example cliMessage(new UserError('‹from› "x" is not a date')) // '--from "x" is not a date'
 */
export function cliMessage(e: Error): string {
  return e instanceof UserError ? e.template.replace(OPTION, (_, n: string) => `--${n}`) : e.message;
}

/** The text to build another error's message from: a UserError's template keeps its option marks. */
export function messageTemplate(e: unknown): string {
  return e instanceof UserError ? e.template : e instanceof Error ? e.message : String(e);
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
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${column !== undefined ? `column "${column}": ` : ''}${problem}`);
  }
}
