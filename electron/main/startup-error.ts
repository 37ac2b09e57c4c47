/**
 * Turn a startup failure into text for `dialog.showErrorBox`: what happened, in words, and
 * where to look. Never a stack trace (that goes to the log file).
 */
export function describeStartupError(error: unknown, opts: { logFile: string; isPackaged: boolean }): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const lines: string[] = [];
  if (err.name === 'MigrationError') {
    const backup = (err as Error & { backupPath?: string | null }).backupPath;
    lines.push('Cuecart could not update its database to this version.', '', err.message);
    if (backup) lines.push('', `Your data was backed up before the update: ${backup}`);
  } else if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(err.message)) {
    lines.push('Cuecart could not load its database engine (SQLite) for this Electron version.');
    lines.push(
      '',
      opts.isPackaged
        ? 'Please reinstall Cuecart.'
        : 'Run `node scripts/electron-native.mjs` (or `npm start`, which does it for you), then try again.',
    );
    lines.push('', err.message.split('\n')[0]!);
  } else if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'EPERM') {
    lines.push('Cuecart cannot write to its data folder.', '', err.message);
  } else {
    lines.push('Cuecart could not start.', '', err.message);
  }
  lines.push('', `Details are in the log: ${opts.logFile}`);
  return lines.join('\n');
}

/** Dev-only precondition with a readable message, checked before opening the database. */
export function missingNativeBindingError(file: string): Error {
  return new Error(
    `The Electron build of better_sqlite3.node is missing (${file}). It is made by scripts/electron-native.mjs.`,
  );
}
