import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../../spreadsheet/background-thread';
import { buildFile, type ExportJob } from './build-file';

// The recap export thread: charts to SVG, the HTML report, the workbook. Long-lived (the app
// starts it on the first export and lets it go when idle); one job at a time, answered by id.

runInBackground();
const port = parentPort!;

port.on('message', (m: { id: number; job: ExportJob }) => {
  buildFile(m.job).then(
    (bytes) => {
      // A fresh buffer (not a slice of Node's shared pool) can be handed over without a copy.
      const own = new Uint8Array(bytes.length);
      own.set(bytes);
      port.postMessage({ id: m.id, ok: true, bytes: own }, [own.buffer]);
    },
    (error: unknown) => port.postMessage({ id: m.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
port.postMessage({ ready: true });
