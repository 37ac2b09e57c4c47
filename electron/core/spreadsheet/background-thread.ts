import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the calling worker thread's CPU priority (nice 10) on Linux, where a thread has its own
 * nice value: on a 2-core machine a reader and a writer thread otherwise take turns with the
 * app's own thread, and an overlay call waits for the scheduler. Elsewhere it does nothing.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, 10);
  } catch {
    // Not allowed, or no /proc: run at the normal priority.
  }
}

/** The same, as CommonJS source for eval'd worker programs (the import writer). */
export const RUN_IN_BACKGROUND_CJS = `
if (process.platform === 'linux') {
  try {
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) require('node:os').setPriority(tid, 10);
  } catch {}
}
`;
