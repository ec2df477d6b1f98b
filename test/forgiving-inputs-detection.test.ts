/**
 * The small pieces behind forgiving inputs (issue #8 part 1), without a file: telling the
 * separator and the decimal mark from the first lines, naming columns, reading a mapping,
 * suggesting a close name, and writing a number as the file should hold it.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/domain/problem.js';
import { plainNumber } from '../src/engine/snapshot/cell-problems.js';
import { closestName, editDistance } from '../src/engine/snapshot/closest-name.js';
import { parseColumnMapping } from '../src/engine/snapshot/column-mapping.js';
import { nameColumns } from '../src/engine/snapshot/header-names.js';
import { decimalCells, detectDelimiter } from '../src/files/csv-dialect.js';

const never = () => false;

describe('the separator', () => {
  it('is the one the header splits on, when only one does', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n', never)).toEqual({ delimiter: ';' });
    expect(detectDelimiter('a,b,c\n1;2,3,4\n', never)).toEqual({ delimiter: ',' });
    expect(detectDelimiter('a\tb\n1,5\t2\n', never)).toEqual({ delimiter: '\t' });
    expect(detectDelimiter('"a;b",c\n', never)).toEqual({ delimiter: ',' });
    expect(detectDelimiter('participant_id\nA\n', never)).toEqual({ delimiter: ',' });
  });

  it('is the one every record agrees with, or the one naming the columns, else unclear', () => {
    // "nombre, apellido" splits on ",", but the records only agree with ";".
    expect(detectDelimiter('id;nombre, apellido;x\n1;a;2,5\n2;b;3\n', never)).toEqual({
      delimiter: ';',
    });
    const both = 'participant_id;provider_id,enrolled_on\nA;p,2018-02-01\n';
    expect(detectDelimiter(both, never)).toEqual({ unclear: [',', ';'] });
    expect(
      detectDelimiter(
        both,
        (header) => header.length === 2 && header[0] === 'participant_id;provider_id',
      ),
    ).toEqual({
      delimiter: ',',
    });
  });

  it('ignores a last record cut short when the text is not the whole file', () => {
    expect(detectDelimiter('a;b\n1;2\n3', never, false)).toEqual({ delimiter: ';' });
  });
});

describe('the decimal mark', () => {
  it('is seen in cells written with one, never in integers', () => {
    expect(decimalCells(['12', '1234,50', ' 7 '])).toEqual({ comma: '1234,50' });
    expect(decimalCells(['1200.5', '-3,25'])).toEqual({ point: '1200.5', comma: '-3,25' });
    expect(decimalCells(['12', '', 'x'])).toEqual({});
  });
});

describe('column names', () => {
  it('are trimmed, mapped, and spelt as the table or the contract spells them', () => {
    const { columns, problems } = nameColumns(
      'participants',
      [' Participant_ID ', 'id_proveedor', 'ENROLLED_ON', 'Sex', 'Region'],
      { mapping: new Map([['id_proveedor', 'provider_id']]), attributes: ['sex'] },
      'p.csv',
    );
    expect(columns.map((c) => [c.shown, c.name])).toEqual([
      ['Participant_ID', 'participant_id'],
      ['id_proveedor', 'provider_id'],
      ['ENROLLED_ON', 'enrolled_on'],
      ['Sex', 'sex'],
      ['Region', 'Region'],
    ]);
    expect(problems).toEqual([]);
  });

  it('that end up alike are a header problem each', () => {
    const { problems } = nameColumns(
      'participants',
      ['sexo', 'sex', 'a', 'a'],
      { mapping: new Map([['sexo', 'sex']]) },
      'p.csv',
    );
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'p.csv, row 1, column sex: columns "sexo" and "sex" both read as "sex" (headers are matched without regard to case and surrounding spaces): rename or remove one',
      'p.csv, row 1, column a: column "a" appears twice in the header',
    ]);
  });
});

describe('the column mapping', () => {
  it('reads tables of header: column pairs, headers folded, columns spelt as Resulta spells them', () => {
    const parsed = parseColumnMapping(
      'participants:\n  " ID Participante ": participant_id\n  sexo: sex\nevents:\n  Tipo: TYPE\n',
      'm.yaml',
    );
    expect(parsed.mapping).toEqual({
      participants: new Map([
        ['id participante', 'participant_id'],
        ['sexo', 'sex'],
      ]),
      events: new Map([['tipo', 'type']]),
    });
    expect(parseColumnMapping('', 'm.yaml')).toEqual({ mapping: {} });
  });

  it('names every mistake with its line', () => {
    const parsed = parseColumnMapping(
      'participant:\n  a: b\nparticipants:\n  sexo: sex\n  SEXO: gender\n  x: [1]\n  g: grupo\n  h: grupo\n',
      'm.yaml',
    );
    expect(parsed.problems?.map((p) => formatProblem(p))).toEqual([
      'm.yaml, line 1:1: unknown table "participant": use participants, events or employment',
      'm.yaml, line 5:3: "SEXO" is mapped twice (headers are matched without regard to case and surrounding spaces)',
      'm.yaml, line 6:3: "x" must map to a column name',
      'm.yaml, line 8:3: "g" and "h" both map to "grupo"',
    ]);
    expect(parseColumnMapping('participants: [a, b]\n', 'm.yaml').problems?.[0]?.code).toBe(
      'input.mapping.shape',
    );
    expect(parseColumnMapping('participants: {a: b\n', 'm.yaml').problems?.[0]?.code).toBe(
      'input.mapping.syntax',
    );
  });
});

describe('did you mean', () => {
  it('suggests the closest name within two edits, a difference of case first', () => {
    expect(closestName('sex', ['participant_id', 'sexo', 'region'])).toBe('sexo');
    expect(closestName('done', ['Done', 'dune'])).toBe('Done');
    expect(closestName('birth_date', ['fecha_nacimiento'])).toBeUndefined();
    expect(closestName('sex', ['sex'])).toBeUndefined();
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(2);
  });
});

describe('a number as the file should hold it', () => {
  it('takes the file’s decimal mark, and drops thousands separators', () => {
    expect(plainNumber('1200,50', '.', false)).toBe('1200.50');
    expect(plainNumber('1200.50', ',', false)).toBe('1200,50');
    expect(plainNumber('1.234.567,00', '.', true)).toBe('1234567.00');
    expect(plainNumber('1,234,567.00', ',', true)).toBe('1234567,00');
    expect(plainNumber('1 234', '.', true)).toBe('1234');
  });
});
