/**
 * Errors that end a run before or without a verdict on the docs, each one line a user can act on; the CLI exits 2.
 * File system failures say what could not be done, the path, and the fix; since every write goes through a folder
 * beside the output, they leave the previous output whole.
 */

/** The input cannot be used as given (a missing path, an empty docs folder, an unknown revision, a bad snapshot). */
export class InputError extends Error {}

/** A failure of the environment (permissions, space, paths), not of the docs. */
export class IoError extends InputError {}

const FIXES: Record<string, string> = {
  EACCES: "permission denied: check the permissions of the folder, or choose another path",
  EPERM: "operation not permitted: check the permissions of the folder, or choose another path",
  ENOSPC: "no space left on the device: free some space and run again",
  EDQUOT: "disk quota exceeded: free some space and run again",
  EROFS: "the file system is read-only: choose a writable path",
  ENOTDIR: "a file stands where a folder is needed: remove or rename it",
  EISDIR: "a folder stands where a file is needed: remove or rename it",
  ENOENT: "no such file or folder",
  EMFILE: "too many open files: raise the limit (ulimit -n) or use fewer --workers",
  ENAMETOOLONG: "the path is too long: choose a shorter path",
};

/** `error` as an IoError when it is a file system error, with what was being done; anything else is rethrown as is. */
export function ioError(error: unknown, doing: string): Error {
  if (error instanceof IoError) return error;
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== "string" || !(code in FIXES)) return error as Error;
  return new IoError(`${doing}${path ? ` ${path}` : ""}: ${FIXES[code]} (${code})`);
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or folder",
  ENOTDIR: "not a folder",
  EISDIR: "a folder, not a file",
  ELOOP: "too many symbolic links",
};

/** `permission denied (EACCES)`: an error as a reason a user can read, for a diagnostic about a doc or folder. */
export function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ? `${REASONS[code] ?? message} (${code})` : message;
}
