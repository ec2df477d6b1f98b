/**
 * Issue #7 item 2: providers chose `person_key`. A provider enrolling two more participants
 * under an employed person's key tripled that person's payments (1,600.00 → 4,800.00). Now
 * the key is derived on the server from `national_id` only (a `person_key` column is refused),
 * and a key several participants share is flagged to the verifier and held from payment until
 * the verifier decides whose it is; no provider learns of another provider's participants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../support/test-store.js';
import {
  employmentCsv,
  employmentProgramme,
  keyOf,
  PROGRAMME,
  type ProgrammeServer,
  type Role,
} from './employment-programme.js';

const PARTICIPANTS = `/programmes/${PROGRAMME}/participants?format=csv`;
const SHARED = `/programmes/${PROGRAMME}/shared-person-keys`;
const KEY = keyOf('NID-7');

describe(`item 2: person keys on ${onServer ? 'the PostgreSQL server' : 'embedded PGlite'}`, () => {
  let server: ProgrammeServer;
  const enrol = (role: Role, rows: string, column = 'national_id') =>
    server.call(
      role,
      'POST',
      PARTICIPANTS,
      `participant_id,provider_id,enrolled_on,${column}\n${rows}`,
    );
  const shared = async (role: Role = 'verifier') => {
    const res = await server.call(role, 'GET', SHARED);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().keys as {
      person_key: string;
      held: boolean;
      participants: { participant_id: string; provider_id: string; standing: string }[];
    }[];
  };
  const decide = (key: string, body: object, role: Role = 'verifier') =>
    server.call(role, 'POST', `${SHARED}/${key}/decision`, body);

  beforeAll(async () => {
    server = await employmentProgramme();
    const data = await server.call(
      'funder',
      'POST',
      `/programmes/${PROGRAMME}/employment-datasets?format=csv`,
      employmentCsv(KEY, '1200'),
    );
    expect(data.statusCode, data.body).toBe(201);
    const own = await enrol('provA', 'P1,prov-a,2018-05-01,NID-7\n');
    expect(own.statusCode, own.body).toBe(201);
    expect((await server.draftBill()).total_cents).toBe(160000);
  });
  afterAll(() => server?.close());

  it('refuses a person_key column from a provider, and from the funder, telling them to send national_id', async () => {
    const forged = await enrol(
      'provB',
      `B1,prov-b,2018-05-01,${KEY}\nB2,prov-b,2018-05-01,${KEY}\n`,
      'person_key',
    );
    // Before: both imported under P1's key, and the next bill paid 4,800.00.
    expect((await server.draftBill()).total_cents).toBe(160000);
    expect(forged.statusCode, forged.body).toBe(422);
    expect(forged.json().problems).toEqual([
      expect.objectContaining({
        code: 'import.person_key',
        column: 'person_key',
        row: 2,
        message: expect.stringContaining('send national_id'),
      }),
    ]);
    const byFunder = await enrol('funder', `F1,prov-b,2018-05-01,${KEY}\n`, 'person_key');
    expect(byFunder.statusCode).toBe(422);
    const participants = await server.call(
      'funder',
      'GET',
      `/programmes/${PROGRAMME}/participants`,
    );
    expect(
      participants.json().participants.map((p: { participant_id: string }) => p.participant_id),
    ).toEqual(['P1']);
  });

  it('holds every participant of a shared key from payment, without telling the provider', async () => {
    const again = await enrol(
      'provB',
      'B1,prov-b,2018-06-01,NID-7\nB2,prov-b,2018-07-01, NID-7 \n',
    );
    expect(again.statusCode, again.body).toBe(201);
    // Nothing in the answer tells prov-b that someone else holds that national id.
    expect(again.body).not.toMatch(/P1|prov-a|shared|held/);
    const bill = await server.draftBill();
    expect(bill.total_cents).toBe(0);
    expect(bill.held).toEqual(['B1', 'B2', 'P1']);
    const keys = await shared();
    expect(keys).toEqual([
      {
        person_key: KEY,
        held: true,
        participants: [
          expect.objectContaining({
            participant_id: 'B1',
            provider_id: 'prov-b',
            standing: 'held',
          }),
          expect.objectContaining({
            participant_id: 'B2',
            provider_id: 'prov-b',
            standing: 'held',
          }),
          expect.objectContaining({
            participant_id: 'P1',
            provider_id: 'prov-a',
            standing: 'held',
          }),
        ],
        decision: null,
      },
    ]);
    expect(await shared('funder')).toEqual(keys);
    for (const role of ['provA', 'provB', 'investor'] as const) {
      expect((await server.call(role, 'GET', SHARED)).statusCode).toBe(403);
      expect((await decide(KEY, { belongs_to: ['B1'], reason: 'mine' }, role)).statusCode).toBe(
        403,
      );
    }
    // A provider's own list shows its own participants only, as before.
    const own = (await server.call('provB', 'GET', `/programmes/${PROGRAMME}/participants`)).json();
    expect(own.participants.map((p: { participant_id: string }) => p.participant_id)).toEqual([
      'B1',
      'B2',
    ]);
  });

  it('pays again once the verifier decides whose key it is, with a reason, in the audit log', async () => {
    expect((await decide(KEY, { belongs_to: ['P1'] })).statusCode).toBe(400);
    expect((await decide(KEY, { belongs_to: ['P1'], reason: ' ' })).statusCode).toBe(422);
    const stranger = await decide(KEY, { belongs_to: ['P9'], reason: 'checked' });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().message).toContain('P9');
    expect((await decide('0'.repeat(32), { belongs_to: [], reason: 'x' })).statusCode).toBe(404);
    const decided = await decide(KEY, {
      belongs_to: ['P1'],
      reason: 'identity documents checked at prov-a',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const bill = await server.draftBill();
    expect(bill).toMatchObject({ total_cents: 160000, held: [] });
    const [key] = await shared();
    expect(key).toMatchObject({
      held: false,
      decision: {
        reason: 'identity documents checked at prov-a',
        decided_by: 'verifier@example.org',
        decided_at: expect.any(String),
      },
      participants: [
        expect.objectContaining({ participant_id: 'B1', standing: 'not_theirs' }),
        expect.objectContaining({ participant_id: 'B2', standing: 'not_theirs' }),
        expect.objectContaining({ participant_id: 'P1', standing: 'theirs' }),
      ],
    });
    const audit = await server.store.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'reason', 'actor'])
      .where('entity', '=', 'person_key')
      .execute();
    expect(audit).toEqual([
      {
        action: 'decide',
        entity: 'person_key',
        entity_id: `${PROGRAMME}:${KEY}`,
        reason: 'identity documents checked at prov-a',
        actor: 'verifier@example.org',
      },
    ]);
    expect((await server.call('verifier', 'GET', '/audit/verify')).json()).toMatchObject({
      intact: true,
    });
  });

  it('holds a participant enrolled later under a decided key, and only that one', async () => {
    expect((await enrol('provB', 'B3,prov-b,2018-08-01,NID-7\n')).statusCode).toBe(201);
    const bill = await server.draftBill();
    expect(bill).toMatchObject({ total_cents: 160000, held: ['B3'] });
    const [key] = await shared();
    expect(key?.held).toBe(true);
    expect(key?.participants.find((p) => p.participant_id === 'B3')?.standing).toBe('held');
    expect(
      (await decide(KEY, { belongs_to: ['P1'], reason: 'B3 is another person' })).statusCode,
    ).toBe(200);
    expect(await server.draftBill()).toMatchObject({ total_cents: 160000, held: [] });
  });
});
