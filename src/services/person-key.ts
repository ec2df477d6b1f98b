/**
 * Pseudonymous person keys: a keyed HMAC-SHA256 of the national id, so administrative
 * records can be matched without the id ever being stored. The key is held by the data
 * controller and given to Resulta in RESULTA_PERSON_KEY_SECRET, never kept in the repo.
 */
import { createHmac } from 'node:crypto';
import { ProblemsError } from '../domain/problem.js';

/** A participants column that is turned into `person_key` on import and then dropped. */
export const NATIONAL_ID = 'national_id';

export function personKey(secret: string, nationalId: string): string {
  return createHmac('sha256', secret).update(nationalId.trim()).digest('hex').slice(0, 32);
}

export function personKeySecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.RESULTA_PERSON_KEY_SECRET;
  if (!secret || secret.length < 16) {
    throw new ProblemsError([
      {
        code: 'import.person_key_secret',
        message:
          'the file has national ids, but RESULTA_PERSON_KEY_SECRET (16 characters or more) is not set; ask the data controller for the key',
      },
    ]);
  }
  return secret;
}
