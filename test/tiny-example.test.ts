import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFiles, tempDir } from './support/run-engine.js';

const EXAMPLE = join(import.meta.dirname, '../examples/tiny');

describe('examples/tiny (spec §5)', () => {
  it('reproduces the expected outputs byte for byte', async () => {
    const out = join(await tempDir(), 'out');
    const contract = await readFile(join(EXAMPLE, 'contract.yaml'), 'utf8');
    const files = {
      participants: join(EXAMPLE, 'participants.csv'),
      events: join(EXAMPLE, 'events.csv'),
      employment: join(EXAMPLE, 'employment.csv'),
    };
    const result = await runFiles(contract, files, '2019-06-30', out);
    for (const name of ['achievements.csv', 'participants.csv', 'summary.json'] as const) {
      expect(result.files[name]).toBe(await readFile(join(EXAMPLE, 'expected', name), 'utf8'));
    }
  });
});
