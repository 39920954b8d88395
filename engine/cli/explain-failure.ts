import { didYouMean } from '../core/did-you-mean.js';

/** The parts of yargs' usage instance (third argument of `.fail`) used here. */
export interface UsageInfo {
  getDescriptions(): Record<string, unknown>;
  getUsage(): [string, string][];
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Turns a yargs validation message into one readable line: an unknown option gets the
 * closest known one ("did you mean --cost-bps?"), a mistyped command the closest command
 * (`commands`: the word typed first and the known commands), a missing positional gets the
 * command's usage line. Other messages pass unchanged.
 */
export function explainFailure(
  message: string,
  usage: UsageInfo | undefined,
  scriptName = 'ratecycle',
  commands?: { typed?: string; known: readonly string[] },
): string {
  // a mistyped command: the closest command by edit distance (yargs' own pick for `runn` is `runs`)
  if (commands?.typed !== undefined && !commands.known.includes(commands.typed) && /^(Did you mean|Unknown argument)/.test(message)) {
    const near = didYouMean(commands.typed, commands.known);
    return `unknown command "${commands.typed}"${near ? ` (did you mean ${near}?)` : ''}; commands: ${commands.known.join(', ')}`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown && usage) {
    const options = Object.keys(usage.getDescriptions());
    const given = unknown[1].split(', ').map((s) => s.trim());
    // yargs lists both spellings of a dashed option (cost-bp, costBp): keep the dashed one
    const names = given.filter((g, i) => !(g === camel(g) && given.some((h, j) => j !== i && h !== g && camel(h) === g)));
    const parts = names.map((n) => {
      const flag = n.length === 1 ? `-${n}` : `--${n}`;
      const near = didYouMean(n, options);
      return near ? `${flag} (did you mean --${near}?)` : flag;
    });
    return `unknown option${parts.length > 1 ? 's' : ''} ${parts.join(', ')}; see --help`;
  }
  const missing = /^Not enough non-option arguments: got (\d+), need at least (\d+)$/.exec(message);
  if (missing && usage) {
    const line = usage.getUsage()[0]?.[0]?.replace('$0', scriptName);
    const wanted = line
      ? /<[^>]+>/g.exec(
          line
            .split(' ')
            .slice(Number(missing[1]) + 2)
            .join(' '),
        )
      : null;
    if (line) return `${wanted ? `missing ${wanted[0]}; ` : ''}usage: ${line} [options] (see --help)`;
  }
  const required = /^Missing required arguments?: (.+)$/.exec(message);
  if (required) {
    const flags = required[1]
      .split(', ')
      .map((n) => `--${n.trim()}`)
      .join(', ');
    const line = usage?.getUsage()[0]?.[0]?.replace('$0', scriptName);
    return `missing ${flags}${line ? `; usage: ${line} [options]` : ''} (see --help)`;
  }
  const command = /^Did you mean (\S+)\?$/.exec(message);
  if (command) return `unknown command (did you mean ${command[1]}?); see --help`;
  return message;
}
