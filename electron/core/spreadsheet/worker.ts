import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../contract/errors';
import { runInBackground } from './background-thread';
import { HeaderVocabulary } from './header-detect';
import { openInline } from './table-inline';
import { inlineWriter } from './table-write-inline';
import type { FromWorker, ReadInput, ToWorker, WorkerInput, WriteInput } from './worker-protocol';

// The spreadsheet thread, as a reader or a writer (workerData.kind).
// Reader: runs the same pipeline as the in-process fallback and posts the meta, then each batch
// when the app asks for more (two batches in flight at most, so memory stays at a batch or two,
// not the file's rows). Writer: takes rows a chunk at a time and answers the file at the end.

runInBackground();
const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

let credits = 0;
const headerPicks: number[] = [];
let wake: (() => void) | null = null;

function failure(error: unknown): FromWorker {
  if (error instanceof AppError) return { type: 'error', code: error.code, message: error.message, details: error.details };
  return { type: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

async function read(input: ReadInput): Promise<void> {
  port.on('message', (m: ToWorker) => {
    if (m.type === 'more') credits += 1;
    else if (m.type === 'header') headerPicks.push(m.line);
    wake?.();
    wake = null;
  });
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

function write(input: WriteInput): void {
  const writer = inlineWriter(input.format, input.header, input.sheetName);
  writer.catch(() => undefined); // a failure is answered to the first message
  // Messages are handled one after the other: each add is done before the next starts.
  let chain = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    chain = chain.then(async () => {
      try {
        if (m.type === 'add') {
          await (await writer).add(m.rows);
          post({ type: 'added' });
        } else if (m.type === 'finish') {
          const bytes = await (await writer).finish();
          const out = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          post({ type: 'file', bytes: out }, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []);
        }
      } catch (error) {
        post(failure(error));
      }
    });
  });
}

const input = workerData as WorkerInput;
if (input.kind === 'write') write(input);
else void read(input);
