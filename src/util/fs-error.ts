/** `ENOENT` → "no such file or directory", and so on: the reason a writer can act on. */
export function describeFsError(caught: unknown): string {
  const code = (caught as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTREG':
      return 'not a regular file (a FIFO, socket or device)';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EIO':
      return 'input/output error';
    default:
      // One line whatever the error says.
      return (caught instanceof Error ? caught.message : String(caught)).split('\n')[0]!;
  }
}
