import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../electron/core/write-gate';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the write gate', () => {
  it('lets ordinary writes run side by side', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const a = deferred();
    const first = gate.write(async () => {
      log.push('a start');
      await a.promise;
      log.push('a end');
    });
    const second = gate.write(async () => log.push('b'));
    await second;
    expect(log).toEqual(['a start', 'b']);
    a.resolve();
    await first;
  });

  it('a bulk write waits for the writes under way, and later writes wait for it', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const edit = deferred();
    const bulkBody = deferred();
    const running = gate.write(async () => {
      log.push('edit start');
      await edit.promise;
      log.push('edit end');
    });
    const bulk = gate.exclusive(async () => {
      log.push('bulk start');
      await bulkBody.promise;
      log.push('bulk end');
    });
    const later = gate.write(async () => log.push('later'));
    await tick();
    expect(log).toEqual(['edit start']);
    expect(gate.held).toBe(true);
    edit.resolve();
    await running;
    await tick();
    expect(log).toEqual(['edit start', 'edit end', 'bulk start']);
    bulkBody.resolve();
    await Promise.all([bulk, later]);
    expect(log).toEqual(['edit start', 'edit end', 'bulk start', 'bulk end', 'later']);
    expect(gate.held).toBe(false);
  });

  it('bulk writes take turns, and a failed one releases the gate', async () => {
    const gate = new WriteGate();
    const log: string[] = [];
    const one = gate.exclusive(async () => {
      log.push('one');
      await tick();
      throw new Error('broken file');
    });
    const two = gate.exclusive(async () => log.push('two'));
    await expect(one).rejects.toThrow('broken file');
    await two;
    await gate.settled();
    expect(log).toEqual(['one', 'two']);
    expect(await gate.write(async () => 'after')).toBe('after');
  });
});
