/** The OpenAPI document as text, from a server on a throwaway embedded store. */
import { openStore } from '../store/database.js';
import { buildServer } from './server.js';

export async function openApiDocument(scratchDir: string): Promise<string> {
  const store = await openStore({ dataDir: scratchDir });
  const app = await buildServer(store);
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await store.close();
  }
}
