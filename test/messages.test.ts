/**
 * The message catalogue (src/domain/messages): every code speaks every language with the
 * same parameters, codes belong to their area, and texts render as people read them.
 */
import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUE, say } from '../src/domain/messages/catalogue.js';
import { LOCALES, localeOf, negotiateLocale } from '../src/domain/messages/locale.js';
import { parameterNames, render } from '../src/domain/messages/render.js';
import {
  formatProblem,
  type Problem,
  phrase,
  problem,
  problemMessage,
} from '../src/domain/problem.js';

describe('the catalogue', () => {
  const entries = Object.entries(CATALOGUE);

  it('has every code in English, Spanish and French, none empty', () => {
    const missing = entries.flatMap(([code, text]) =>
      LOCALES.filter((l) => typeof text[l] !== 'string' || text[l].trim() === '').map(
        (l) => `${code} (${l})`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('uses the same parameters in every language', () => {
    const differing = entries.filter(([, text]) =>
      LOCALES.some((l) => parameterNames(text[l]).join() !== parameterNames(text.en).join()),
    );
    expect(differing.map(([code]) => code)).toEqual([]);
  });

  it('renders every text in every language without leftover braces', () => {
    for (const [code, text] of entries) {
      const params = Object.fromEntries(parameterNames(text.en).map((n) => [n, 2]));
      for (const locale of LOCALES) {
        expect(render(text[locale], params, locale), `${code} (${locale})`).not.toMatch(/[{}]/);
      }
    }
  });

  it('gives each code to one area, under its name', () => {
    const seen = new Map<string, string>();
    for (const [area, texts] of Object.entries(AREAS)) {
      for (const code of Object.keys(texts)) {
        expect(code.startsWith(`${area}.`), `${code} in area ${area}`).toBe(true);
        expect(seen.get(code), `${code} in ${seen.get(code)} and ${area}`).toBeUndefined();
        seen.set(code, area);
      }
    }
    expect(seen.size).toBe(entries.length);
  });
});

describe('rendering', () => {
  it('formats numbers by locale and picks plural forms', () => {
    expect(say('common.problems_found', { count: 1 })).toBe('1 problem found.');
    expect(say('common.problems_found', { count: 1204 })).toBe('1,204 problems found.');
    expect(say('common.problems_found', { count: 1204 }, 'es')).toBe(
      'Se encontraron 1204 problemas.',
    );
    expect(say('common.problems_found', { count: 12040 }, 'es')).toBe(
      'Se encontraron 12.040 problemas.',
    );
    expect(say('common.problems_found', { count: 1204 }, 'fr')).toBe(
      '1\u202f204 problèmes trouvés.',
    );
  });

  it('leaves a parameter it was not given in sight', () => {
    expect(render('column {column}: {what}', { column: 'sex' }, 'en')).toBe('column sex: {what}');
  });

  it('places a problem in the reader’s language, positions ungrouped', () => {
    const p = { ...problem('common.problems_found', { count: 3 }), file: 'p.csv', row: 12345 };
    expect(formatProblem(p)).toBe('p.csv, row 12345: 3 problems found.');
    expect(formatProblem(p, 'es')).toBe('p.csv, fila 12345: Se encontraron 3 problemas.');
    expect(formatProblem({ code: 'legacy', message: 'as written', line: 4, col: 2 }, 'fr')).toBe(
      'ligne 4:2: as written',
    );
  });
});

describe('phrases as parameters', () => {
  // A subject built of phrases, as contract problems make them: outcome job › tier 2.
  const subject = phrase('contract.subject.path', {
    of: phrase('contract.subject.outcome', { id: 'job' }),
    step: phrase('contract.subject.tier', { n: 2 }),
  });
  const p = problem('contract.tiers.empty', { what: subject }, { line: 3, col: 7 });

  it('renders a phrase in the language of the message around it', () => {
    expect(p.message).toBe('outcome job tier 2 must list at least one tier');
    expect(problemMessage(p, 'es')).toBe('resultado job › tramo 2: debe incluir al menos un tramo');
    expect(formatProblem(p, 'fr')).toBe(
      'ligne 3:7: résultat job › palier 2 : doit contenir au moins un palier',
    );
  });

  it('renders the same once stored as JSON, and shows a code it no longer knows', () => {
    const stored = JSON.parse(JSON.stringify(p)) as Problem;
    expect(problemMessage(stored, 'es')).toBe(problemMessage(p, 'es'));
    // As read back from a store written by an older version: a code the catalogue dropped.
    const old = JSON.parse(
      JSON.stringify({ ...p, params: { what: { code: 'contract.subject.gone', params: {} } } }),
    ) as Problem;
    expect(problemMessage(old, 'fr')).toBe(
      'contract.subject.gone : doit contenir au moins un palier',
    );
  });
});

describe('choosing a language', () => {
  it('reads tags and Accept-Language headers', () => {
    expect(localeOf('es-AR')).toBe('es');
    expect(localeOf('FR_fr')).toBe('fr');
    expect(localeOf('de')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('de-DE,fr;q=0.8,es;q=0.9')).toBe('es');
    expect(negotiateLocale('fr-CA, en;q=0.5')).toBe('fr');
    expect(negotiateLocale('de, *;q=0.1')).toBe('en');
    expect(negotiateLocale('es;q=0, fr;q=0.2')).toBe('fr');
  });
});
