/**
 * Pseudonymous person keys: a keyed HMAC-SHA256 of the national id, so administrative
 * records can be matched without the id ever being stored. The key is held by the data
 * controller and given to Resulta in RESULTA_PERSON_KEY_SECRET, never kept in the repo.
 *
 * A participant's key is derived here, on the server, from the national id only. It is never
 * taken from a participants file: whoever could choose it could enrol anyone under an employed
 * person's key and be paid for that person's job again (issue #7 item 2). Employment datasets
 * carry keys the data controller made with the same secret.
 */
import { createHmac } from 'node:crypto';
import { ProblemsError } from '../domain/problem.js';
import type { CheckedFile, ParticipantRecord } from '../engine/import-check.js';

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

/** Refuses a participants file that gives person keys (an all-empty column gives none). */
export async function refusePersonKeyColumn(
  input: CheckedFile<ParticipantRecord>,
  file: string,
): Promise<void> {
  const first = input.records.reduce<ParticipantRecord | undefined>(
    (found, r) => (r.person_key === null || (found && found.ord < r.ord) ? found : r),
    undefined,
  );
  if (!first) return;
  const rows = await input.rowOf([first.ord]);
  throw new ProblemsError([
    {
      code: 'import.person_key',
      message: `a participant's person key is derived by Resulta from the national id, never taken from a file: send ${NATIONAL_ID} instead of person_key`,
      file,
      row: rows.get(first.ord) ?? first.ord + 2,
      column: 'person_key',
    },
  ]);
}
