import { UserError } from '../errors.js';

/** File-system error codes a user can cause, with the words shown for them. */
const USER_CAUSED: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  EMFILE: 'too many open files',
  ENOENT: 'no such file or folder',
};

/**
 * Turns a file-system error a user can cause (disk full, read-only folder, a path under a
 * file, …) into a one-line UserError naming the path; anything else is returned unchanged.
 *
 * @example fsUserError(Object.assign(new Error('x'), { code: 'ENOSPC', path: 'out/a' })) // UserError "cannot write out/a: the disk is full (ENOSPC)"
 */
export function fsUserError(e: unknown, label?: string): unknown {
  if (e instanceof UserError) return e;
  const err = e as NodeJS.ErrnoException;
  const words = err && typeof err.code === 'string' ? USER_CAUSED[err.code] : undefined;
  if (!words) return e;
  const path = label ?? err.path ?? '';
  const verb = err.syscall && /^(open|read|scandir|stat|lstat|access)$/.test(err.syscall) && !label ? 'cannot read' : 'cannot write';
  return new UserError(`${verb} ${path}${err.path && label && err.path !== label ? ` (${err.path})` : ''}: ${words} (${err.code})`, { cause: e });
}
