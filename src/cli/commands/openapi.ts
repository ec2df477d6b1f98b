/** `resulta openapi`: prints the API's OpenAPI document (docs/openapi.json is this output). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { t } from '../lang.js';

export function openapiCommand(program: Command): void {
  program
    .command('openapi')
    .description(t('cli.openapi.description'))
    .action(async () => {
      const { openApiDocument } = await import('../../api/openapi-document.js');
      const dir = await mkdtemp(join(tmpdir(), 'resulta-openapi-'));
      try {
        process.stdout.write(await openApiDocument(dir));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
}
