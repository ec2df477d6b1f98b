/** Words shared by every area: where a problem is, how many there are. */
import type { Texts } from '../catalogue.js';

export const commonMessages = {
  'common.where.line': { en: 'line {line}', es: 'línea {line}', fr: 'ligne {line}' },
  'common.where.line_col': {
    en: 'line {line}:{col}',
    es: 'línea {line}:{col}',
    fr: 'ligne {line}:{col}',
  },
  'common.where.row': { en: 'row {row}', es: 'fila {row}', fr: 'ligne {row}' },
  'common.where.column': { en: 'column {column}', es: 'columna {column}', fr: 'colonne {column}' },
  'common.problems_found': {
    en: '{count, plural, one {# problem found.} other {# problems found.}}',
    es: '{count, plural, one {Se encontró # problema.} other {Se encontraron # problemas.}}',
    fr: '{count, plural, one {# problème trouvé.} other {# problèmes trouvés.}}',
  },
} as const satisfies Texts;
