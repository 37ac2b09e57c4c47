import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../contract';
import { runInBackground } from './background-thread';
import { HeaderVocabulary } from './header-detect';
import { openInline } from './table-inline';
import type { ToWorker, FromWorker, WorkerInput } from './worker-protocol';

// The spreadsheet reader's thread: runs the same pipeline as the in-process fallback and posts
// the meta, then each batch when the app asks for more (two batches in flight at most, so memory
// stays at a batch or two, not the file's rows).

runInBackground();
const port = parentPort!;
const input = workerData as WorkerInput;
const post = (m: FromWorker) => port.postMessage(m);

let credits = 0;
const headerPicks: number[] = [];
let wake: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.type === 'more') credits += 1;
  else headerPicks.push(m.line);
  wake?.();
  wake = null;
});

function failure(error: unknown): FromWorker {
  if (error instanceof AppError) return { type: 'error', code: error.code, message: error.message, details: error.details };
  return { type: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

async function run(): Promise<void> {
  try {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const table = await openInline(bytes, {
      sheet: input.sheet,
      headerRow: input.headerRow,
      vocabulary: HeaderVocabulary.fromKeys(input.vocabulary),
      batchRows: input.batchRows,
    });
    post({ type: 'meta', meta: table.meta });
    let started = false;
    const rows = table.rows[Symbol.asyncIterator]();
    for (;;) {
      while (credits === 0 && headerPicks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const pick = headerPicks.shift();
      if (pick !== undefined) {
        // Another header row, asked before the first batch: answered with the new meta.
        if (started) throw new AppError('INTERNAL', 'The header row can only change before the rows are read.');
        try {
          post({ type: 'meta', meta: table.useHeaderRow(pick) });
        } catch (error) {
          post(failure(error));
        }
        continue;
      }
      credits -= 1;
      started = true;
      const next = await rows.next();
      if (next.done) break;
      post({ type: 'rows', rows: next.value, fraction: table.fraction() });
    }
    post({ type: 'end' });
  } catch (error) {
    post(failure(error));
  }
}

void run();
