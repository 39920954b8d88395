import { relative } from 'node:path';
import { UserError } from '../core/errors.js';
import { selfExports } from './self-reference.js';

/**
 * Type-checks a user's strategy file with the TypeScript compiler (strict), so a wrong asset,
 * series or parameter name is reported before the run: throws a UserError naming the first
 * error's file, line and column. Costs about a second (the compiler loads lazily).
 */
export async function typecheckStrategyFile(file: string): Promise<void> {
  const ts = (await import('typescript')).default;
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: ['node'],
    // `ratecycle` is the copy running this command, as at run time (see registerSelfReference)
    paths: Object.fromEntries(Object.entries(selfExports()).map(([k, v]) => [k, [v.types]])),
  });
  const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && d.start !== undefined && d.file.fileName === program.getSourceFile(file)?.fileName);
  if (diags.length === 0) return;
  const d = diags[0];
  const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start!);
  const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : '';
  const shown = relative(process.cwd(), file) || file;
  throw new UserError(`strategy file ${shown}:${line + 1}:${character + 1}: type error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}${more}`);
}
