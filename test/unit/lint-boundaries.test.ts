import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/serve';

// The folder says where code may run; lint (part of CI) fails the build when code crosses over.
describe('lint keeps each runtime in its folder', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const errorsFor = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };

  it('fails when the core, the server, the contract or db import electron', async () => {
    for (const file of ['electron/core/x.ts', 'electron/server/x.ts', 'electron/contract/x.ts', 'db/x.ts']) {
      expect(await errorsFor(file, "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    }
  });

  it('fails when the renderer imports Node or the core', async () => {
    expect(await errorsFor('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toBe(1);
    expect(await errorsFor('renderer/src/x.ts', "import { createCore } from '../../electron/core';\nexport const a = createCore;\n")).toBe(1);
  });

  it('lets the shell import electron', async () => {
    expect(await errorsFor('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(0);
  });
});
