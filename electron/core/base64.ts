/** About 3 MB of bytes (a multiple of 3, so the pieces' base64 joins up without padding). */
const SLICE_BYTES = 3 * 1024 * 1024;
/** The same amount as base64 text (a multiple of 4). */
const SLICE_CHARS = (SLICE_BYTES / 3) * 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Files cross the contract as base64. A big one (a plan bundle, a long cue-card PDF) is encoded
 * and decoded a few MB at a time with a turn of the event loop between, so turning 100 MB into
 * text never holds up a cue. Small files take one step.
 */
export async function toBase64(bytes: Buffer): Promise<string> {
  if (bytes.length <= SLICE_BYTES) return bytes.toString('base64');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    parts.push(bytes.subarray(at, at + SLICE_BYTES).toString('base64'));
    await nextTurn();
  }
  return parts.join('');
}

export async function fromBase64(text: string): Promise<Buffer> {
  if (text.length <= SLICE_CHARS) return Buffer.from(text, 'base64');
  const parts: Buffer[] = [];
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    parts.push(Buffer.from(text.slice(at, at + SLICE_CHARS), 'base64'));
    await nextTurn();
  }
  return Buffer.concat(parts);
}
