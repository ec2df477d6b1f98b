/**
 * The contract page's comparison (web/src/pages/contracts/contract-diff.ts), on the worked
 * example: the amendment's changes and nothing else, prices by segment and tiers compared
 * one by one, caps, and what a new stored version adds to the contract itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/domain/contract/contract.js';
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import { diffTerms } from '../../web/src/pages/contracts/contract-diff.js';
import { REPO } from './support/server.js';

const TINY = join(REPO, 'examples', 'tiny', 'contract.yaml');

function parsed(text: string): Contract {
  const { contract, problems } = parseContract(text);
  if (!contract) throw new Error(problems.map((p) => p.message).join('\n'));
  return contract;
}

/** Changes as short lines: part, subject, field, change, before → after. */
function lines(changes: ReturnType<typeof diffTerms>): string[] {
  return changes.map(
    (c) =>
      `${c.part} ${c.subject || '-'} ${c.field} ${c.change} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`,
  );
}

describe('the comparison of two sets of terms', () => {
  it("names the worked example's amendment: a window and the retention tiers", async () => {
    const contract = parsed(await readFile(TINY, 'utf8'));
    expect(lines(diffTerms({ contract, index: 0 }, { contract, index: 1 }))).toEqual([
      'outcomes job_start within_days changed {"kind":"days","n":180} → {"kind":"days","n":365}',
      'prices retained_3m · 1 tier changed {"kind":"tier","from":1,"upTo":2,"cents":100000} → {"kind":"tier","from":1,"upTo":null,"cents":150000}',
      'prices retained_3m · 2 tier removed {"kind":"tier","from":3,"upTo":null,"cents":120000} → null',
    ]);
    expect(diffTerms({ contract, index: 1 }, { contract, index: 1 })).toEqual([]);
  });

  it('compares prices by segment, bonuses and caps one by one', async () => {
    const text = await readFile(TINY, 'utf8');
    const before = parsed(text);
    const after = parsed(
      text
        .replace(
          'price: { standard: 500, harder_to_help: 800 }',
          'price: { standard: 500, harder_to_help: 900 }',
        )
        .replace('percent: 40', 'percent: 50')
        .replace('per_participant: 2000', 'per_participant: 2500')
        .replace('volume: { job_start: 4 }', 'volume: { job_start: 4, earnings_6m: 10 }'),
    );
    const changes = lines(diffTerms({ contract: before, index: 0 }, { contract: after, index: 0 }));
    expect(changes).toContain(
      'prices job_start · harder_to_help segment_price changed {"kind":"money","cents":80000} → {"kind":"money","cents":90000}',
    );
    expect(changes.some((c) => c.startsWith('prices job_start bonus changed'))).toBe(true);
    expect(changes).toContain(
      'caps - per_participant changed {"kind":"money","cents":200000} → {"kind":"money","cents":250000}',
    );
    expect(changes).toContain('caps earnings_6m volume added null → {"kind":"count","n":10}');
    expect(changes).toHaveLength(4);
  });

  it('shows what a new stored version adds: an amendment and a later end', async () => {
    const text = await readFile(TINY, 'utf8');
    const before = parsed(text);
    const after = parsed(
      `${text.replace('ends_on: 2019-05-31', 'ends_on: 2019-08-31').trimEnd()}
  - id: extension
    effective_from: 2019-06-01
    reason: Three more months
    caps: { total: 9000 }
`,
    );
    expect(lines(diffTerms({ contract: before, index: 1 }, { contract: after, index: 2 }))).toEqual(
      [
        'contract - ends_on changed {"kind":"date","day":"2019-05-31"} → {"kind":"date","day":"2019-08-31"}',
        'amendments extension amendment added null → {"kind":"amendment","from":"2019-06-01","reason":"Three more months"}',
        'caps - total changed {"kind":"money","cents":700000} → {"kind":"money","cents":900000}',
      ],
    );
  });
});
