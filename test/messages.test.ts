/**
 * The message catalogue (src/domain/messages): every code speaks every language with the
 * same parameters, codes belong to their area, and texts render as people read them.
 */
import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUE, say } from '../src/domain/messages/catalogue.js';
import { LOCALES, localeOf, negotiateLocale } from '../src/domain/messages/locale.js';
import { parameterNames, render } from '../src/domain/messages/render.js';
import { formatProblem, problem } from '../src/domain/problem.js';

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
