import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract';

/** Where a Chromium may be; the desktop app prints with Electron's webContents.printToPDF instead. */
function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** playwright-core's entry, or null when it is not installed (a build without it prints nothing). */
function driverPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return null;
  }
}

/**
 * The worker's whole program, plain CommonJS run with `eval` (the same in tests, `serve` and a
 * build, without a build entry of its own). Loading playwright-core takes the better part of a
 * second and reading the printed PDF back from the browser is work too: all of it happens on this
 * thread, never on the one that answers Go and overlay calls.
 */
const PROGRAM = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  let chromium;
  try {
    ({ chromium } = require(workerData.driver));
  } catch (error) {
    parentPort.postMessage({ type: 'no_driver', message: String(error && error.message) });
    return;
  }
  const browser = await chromium.launch({
    executablePath: workerData.executablePath,
    timeout: 20000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // Offline: the document is self-contained (images inline), so block every request out.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(workerData.html, { waitUntil: 'load', timeout: 20000 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength);
    parentPort.postMessage({ type: 'pdf', bytes }, [bytes]);
  } finally {
    await browser.close();
  }
})().catch((error) => parentPort.postMessage({ type: 'failed', message: String((error && error.stack) || error) }));
`;

type Reply = { type: 'pdf'; bytes: ArrayBuffer } | { type: 'no_driver' | 'failed'; message: string };

/**
 * HTML to an A4 PDF with a headless Chromium, driven from a worker thread. The core runs in plain
 * Node, so it needs a browser on the machine (Debian's, never a download) and playwright-core to
 * drive it; without either it answers UNAVAILABLE with `message`, and the caller can offer the
 * HTML instead.
 */
export async function htmlToPdf(html: string, message: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new AppError('UNAVAILABLE', message, { reason: 'no_chromium' });
  const driver = driverPath();
  if (!driver) throw new AppError('UNAVAILABLE', message, { reason: 'no_driver' });
  const worker = new Worker(PROGRAM, { eval: true, workerData: { driver, executablePath, html } });
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the PDF printer stopped (exit ${code})`)));
    });
    if (reply.type === 'pdf') return Buffer.from(reply.bytes);
    if (reply.type === 'no_driver') throw new AppError('UNAVAILABLE', message, { reason: 'no_driver' });
    throw new Error(`Printing the PDF failed: ${reply.message}`);
  } finally {
    void worker.terminate();
  }
}
