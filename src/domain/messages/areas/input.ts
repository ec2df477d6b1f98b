/**
 * Problems in input files (participants, events, employment) and warnings about them.
 *
 * Codes are grouped by what they stop: `input.file.*` and `input.header.*` leave a file
 * unreadable (its cells are not checked), `input.cell.*` is one bad cell, `input.rows.*`
 * one mistake repeated over rows of a column, `input.warning.*` something that does not stop
 * a run but may change its bill. Positions (rows, characters) are passed as text, so they
 * are never written with thousands separators; counts are numbers.
 */
import type { Texts } from '../catalogue.js';

export const inputMessages = {
  // Files.
  'input.file.unsupported_type': {
    en: 'unsupported file type "{extension}": use .csv, .parquet or .xlsx',
    es: 'tipo de archivo no admitido "{extension}": use .csv, .parquet o .xlsx',
    fr: 'type de fichier non pris en charge « {extension} » : utilisez .csv, .parquet ou .xlsx',
  },
  'input.file.missing': {
    en: 'cannot read the file: no such file',
    es: 'no se puede leer el archivo: no existe',
    fr: 'impossible de lire le fichier : il n’existe pas',
  },
  'input.file.empty': {
    en: 'the file is empty: expected a header row with {columns}',
    es: 'el archivo está vacío: se esperaba una fila de encabezado con {columns}',
    fr: 'le fichier est vide : une ligne d’en-tête avec {columns} était attendue',
  },
  'input.file.not_utf8': {
    en: 'the file is not UTF-8 text: save it as "CSV UTF-8" and try again, or, if it was saved as Windows-1252 / Latin-1 (Excel\'s "CSV" in Western European languages), read it with --encoding latin1',
    es: 'el archivo no es texto UTF-8: guárdelo como "CSV UTF-8" y vuelva a intentarlo o, si se guardó como Windows-1252 / Latin-1 (el "CSV" de Excel en español), léalo con --encoding latin1',
    fr: 'le fichier n’est pas du texte UTF-8 : enregistrez-le en « CSV UTF-8 » et réessayez ou, s’il a été enregistré en Windows-1252 / Latin-1 (le « CSV » d’Excel en français), lisez-le avec --encoding latin1',
  },
  'input.file.utf8_not_latin1': {
    en: 'the file is UTF-8 text with letters beyond ASCII, which reading it as Latin-1 would garble: leave out --encoding latin1',
    es: 'el archivo es texto UTF-8 con letras fuera de ASCII, que leerlo como Latin-1 estropearía: quite --encoding latin1',
    fr: 'le fichier est du texte UTF-8 avec des lettres hors ASCII, que le lire en Latin-1 abîmerait : retirez --encoding latin1',
  },
  'input.file.unreadable': {
    en: 'cannot read the file: {reason}',
    es: 'no se puede leer el archivo: {reason}',
    fr: 'impossible de lire le fichier : {reason}',
  },
  'input.file.parquet_unreadable': {
    en: 'the file is not a readable Parquet file',
    es: 'el archivo no es un archivo Parquet legible',
    fr: 'le fichier n’est pas un fichier Parquet lisible',
  },
  'input.file.xlsx_refused': {
    en: 'cannot read the file as an XLSX workbook: {reason}',
    es: 'no se puede leer el archivo como libro XLSX: {reason}',
    fr: 'impossible de lire le fichier comme classeur XLSX : {reason}',
  },
  'input.file.xlsx_unreadable': {
    en: 'the file is not a readable XLSX workbook',
    es: 'el archivo no es un libro XLSX legible',
    fr: 'le fichier n’est pas un classeur XLSX lisible',
  },
  'input.file.first_sheet_empty': {
    en: 'the first sheet is empty: expected a header row with {columns} (if the data is on another sheet, name it with --sheet)',
    es: 'la primera hoja está vacía: se esperaba una fila de encabezado con {columns} (si los datos están en otra hoja, indíquela con --sheet)',
    fr: 'la première feuille est vide : une ligne d’en-tête avec {columns} était attendue (si les données sont sur une autre feuille, indiquez-la avec --sheet)',
  },
  'input.file.sheet_empty': {
    en: 'the sheet "{sheet}" is empty: expected a header row with {columns}',
    es: 'la hoja "{sheet}" está vacía: se esperaba una fila de encabezado con {columns}',
    fr: 'la feuille « {sheet} » est vide : une ligne d’en-tête avec {columns} était attendue',
  },
  'input.file.no_such_sheet': {
    en: 'the workbook has no sheet "{sheet}"; its sheets are: {sheets}',
    es: 'el libro no tiene ninguna hoja "{sheet}"; sus hojas son: {sheets}',
    fr: 'le classeur n’a pas de feuille « {sheet} » ; ses feuilles sont : {sheets}',
  },
  'input.file.delimiter_unclear': {
    en: 'cannot tell what separates the columns: the first lines read as well with {candidates}; say which with --delimiter (",", ";" or "tab")',
    es: 'no se puede saber qué separa las columnas: las primeras líneas se leen igual de bien con {candidates}; indíquelo con --delimiter (",", ";" o "tab")',
    fr: 'impossible de savoir ce qui sépare les colonnes : les premières lignes se lisent aussi bien avec {candidates} ; précisez-le avec --delimiter (« , », « ; » ou « tab »)',
  },
  'input.file.decimal_unclear': {
    en: 'cannot tell the decimal mark: column {column} has both "{comma}" and "{point}" in its first rows; say which with --decimal , or --decimal .',
    es: 'no se puede saber cuál es el separador decimal: la columna {column} tiene a la vez "{comma}" y "{point}" en sus primeras filas; indíquelo con --decimal , o --decimal .',
    fr: 'impossible de savoir quel est le séparateur décimal : la colonne {column} contient à la fois « {comma} » et « {point} » dans ses premières lignes ; précisez-le avec --decimal , ou --decimal .',
  },
  'input.file.employment_needed': {
    en: 'no employment file was given, but the contract counts employment in {outcomes}: pass one with --employment',
    es: 'no se indicó ningún archivo de empleo, pero el contrato se basa en el empleo en {outcomes}: indique uno con --employment',
    fr: 'aucun fichier d’emploi n’a été donné, mais le contrat repose sur l’emploi dans {outcomes} : indiquez-en un avec --employment',
  },

  // The header.
  'input.header.twice': {
    en: 'column "{column}" appears twice in the header',
    es: 'la columna "{column}" aparece dos veces en el encabezado',
    fr: 'la colonne « {column} » apparaît deux fois dans l’en-tête',
  },
  'input.header.same_name': {
    en: 'columns "{first}" and "{second}" both read as "{name}" (headers are matched without regard to case and surrounding spaces): rename or remove one',
    es: 'las columnas "{first}" y "{second}" se leen ambas como "{name}" (los encabezados se comparan sin distinguir mayúsculas ni espacios alrededor): cambie el nombre de una o elimínela',
    fr: 'les colonnes « {first} » et « {second} » se lisent toutes deux « {name} » (les en-têtes sont comparés sans tenir compte de la casse ni des espaces autour) : renommez ou supprimez l’une d’elles',
  },
  'input.header.reserved': {
    en: 'column names starting with "{prefix}" are reserved; rename it',
    es: 'los nombres de columna que empiezan por "{prefix}" están reservados; cámbiele el nombre',
    fr: 'les noms de colonne commençant par « {prefix} » sont réservés ; renommez-la',
  },
  'input.header.missing': {
    en: 'missing required column "{column}" (the header has: {header})',
    es: 'falta la columna obligatoria "{column}" (el encabezado tiene: {header})',
    fr: 'colonne obligatoire « {column} » manquante (l’en-tête contient : {header})',
  },
  'input.header.missing_did_you_mean': {
    en: 'missing required column "{column}" (the header has: {header}); did you mean "{suggestion}"? Map it with --columns',
    es: 'falta la columna obligatoria "{column}" (el encabezado tiene: {header}); ¿quiso decir "{suggestion}"? Asígnela con --columns',
    fr: 'colonne obligatoire « {column} » manquante (l’en-tête contient : {header}) ; vouliez-vous dire « {suggestion} » ? Associez-la avec --columns',
  },
  'input.header.missing_other_delimiter': {
    en: 'missing required column "{column}" (the header has: {header}); the header looks separated by "{delimiter}": try --delimiter {delimiter}',
    es: 'falta la columna obligatoria "{column}" (el encabezado tiene: {header}); el encabezado parece separado por "{delimiter}": pruebe con --delimiter {delimiter}',
    fr: 'colonne obligatoire « {column} » manquante (l’en-tête contient : {header}) ; l’en-tête semble séparé par « {delimiter} » : essayez --delimiter {delimiter}',
  },
  'input.header.age_at_enrolment': {
    en: 'age_at_enrolment is computed from birth_date and enrolled_on; remove this column',
    es: 'age_at_enrolment se calcula a partir de birth_date y enrolled_on; elimine esta columna',
    fr: 'age_at_enrolment est calculé à partir de birth_date et enrolled_on ; supprimez cette colonne',
  },

  // The column mapping file (--columns).
  'input.mapping.missing': {
    en: 'cannot read the column mapping: no such file',
    es: 'no se puede leer la correspondencia de columnas: el archivo no existe',
    fr: 'impossible de lire la correspondance des colonnes : le fichier n’existe pas',
  },
  'input.mapping.unreadable': {
    en: 'cannot read the column mapping: {reason}',
    es: 'no se puede leer la correspondencia de columnas: {reason}',
    fr: 'impossible de lire la correspondance des colonnes : {reason}',
  },
  'input.mapping.syntax': {
    en: 'the column mapping is not valid YAML: {reason}',
    es: 'la correspondencia de columnas no es YAML válido: {reason}',
    fr: 'la correspondance des colonnes n’est pas du YAML valide : {reason}',
  },
  'input.mapping.shape': {
    en: 'the column mapping lists tables (participants, events, employment), each with "your header: Resulta column" pairs, e.g. participants: {example}',
    es: 'la correspondencia de columnas enumera tablas (participants, events, employment), cada una con pares "su encabezado: columna de Resulta", p. ej. participants: {example}',
    fr: 'la correspondance des colonnes liste des tables (participants, events, employment), chacune avec des paires « votre en-tête : colonne de Resulta », par ex. participants: {example}',
  },
  'input.mapping.unknown_table': {
    en: 'unknown table "{table}": use participants, events or employment',
    es: 'tabla desconocida "{table}": use participants, events o employment',
    fr: 'table inconnue « {table} » : utilisez participants, events ou employment',
  },
  'input.mapping.not_a_name': {
    en: '"{header}" must map to a column name',
    es: '"{header}" debe corresponder a un nombre de columna',
    fr: '« {header} » doit correspondre à un nom de colonne',
  },
  'input.mapping.unknown_column': {
    en: '{table} has no column "{column}"; its columns are {columns}',
    es: '{table} no tiene ninguna columna "{column}"; sus columnas son {columns}',
    fr: '{table} n’a pas de colonne « {column} » ; ses colonnes sont {columns}',
  },
  'input.mapping.same_target': {
    en: '"{first}" and "{second}" both map to "{column}"',
    es: '"{first}" y "{second}" corresponden ambas a "{column}"',
    fr: '« {first} » et « {second} » correspondent toutes deux à « {column} »',
  },
  'input.mapping.same_header': {
    en: '"{header}" is mapped twice (headers are matched without regard to case and surrounding spaces)',
    es: '"{header}" tiene dos correspondencias (los encabezados se comparan sin distinguir mayúsculas ni espacios alrededor)',
    fr: '« {header} » est associé deux fois (les en-têtes sont comparés sans tenir compte de la casse ni des espaces autour)',
  },

  // One bad cell.
  'input.cell.nul': {
    en: 'contains a NUL character (U+0000) at character {at}; remove it',
    es: 'contiene un carácter NUL (U+0000) en el carácter {at}; elimínelo',
    fr: 'contient un caractère NUL (U+0000) au caractère {at} ; supprimez-le',
  },
  'input.cell.surrogate': {
    en: 'contains an unpaired UTF-16 surrogate U+{unit} at character {at}; text must be well-formed Unicode',
    es: 'contiene un sustituto UTF-16 sin pareja U+{unit} en el carácter {at}; el texto debe ser Unicode bien formado',
    fr: 'contient un demi-codet UTF-16 isolé U+{unit} au caractère {at} ; le texte doit être de l’Unicode bien formé',
  },
  'input.cell.empty': {
    en: 'is empty; expected a value',
    es: 'está vacía; se esperaba un valor',
    fr: 'est vide ; une valeur était attendue',
  },
  'input.cell.empty_date': {
    en: 'is empty; expected a date YYYY-MM-DD',
    es: 'está vacía; se esperaba una fecha AAAA-MM-DD',
    fr: 'est vide ; une date AAAA-MM-JJ était attendue',
  },
  'input.cell.empty_month': {
    en: 'is empty; expected a month YYYY-MM',
    es: 'está vacía; se esperaba un mes AAAA-MM',
    fr: 'est vide ; un mois AAAA-MM était attendu',
  },
  'input.cell.empty_amount': {
    en: 'is empty; expected an amount like {sample}',
    es: 'está vacía; se esperaba un importe como {sample}',
    fr: 'est vide ; un montant comme {sample} était attendu',
  },
  'input.cell.not_a_date': {
    en: 'expected a date YYYY-MM-DD, got "{value}"',
    es: 'se esperaba una fecha AAAA-MM-DD y se encontró "{value}"',
    fr: 'une date AAAA-MM-JJ était attendue, trouvé « {value} »',
  },
  'input.cell.impossible_date': {
    en: '"{value}" is not a real date',
    es: '"{value}" no es una fecha real',
    fr: '« {value} » n’est pas une date réelle',
  },
  'input.cell.date_out_of_range': {
    en: '"{value}" is outside 1900–2100',
    es: '"{value}" está fuera de 1900–2100',
    fr: '« {value} » est en dehors de 1900–2100',
  },
  'input.cell.not_a_month': {
    en: 'expected a month YYYY-MM, got "{value}"',
    es: 'se esperaba un mes AAAA-MM y se encontró "{value}"',
    fr: 'un mois AAAA-MM était attendu, trouvé « {value} »',
  },
  'input.cell.month_is_date': {
    en: '{value} is a date; a month is YYYY-MM, or the 1st of the month',
    es: '{value} es una fecha; un mes es AAAA-MM, o el día 1 del mes',
    fr: '{value} est une date ; un mois s’écrit AAAA-MM, ou le 1er du mois',
  },
  'input.cell.month_out_of_range': {
    en: '"{value}" is outside 1900–2100',
    es: '"{value}" está fuera de 1900–2100',
    fr: '« {value} » est en dehors de 1900–2100',
  },
  'input.cell.not_a_number': {
    en: 'expected a number like 12 or {sample}, got "{value}"',
    es: 'se esperaba un número como 12 o {sample} y se encontró "{value}"',
    fr: 'un nombre comme 12 ou {sample} était attendu, trouvé « {value} »',
  },
  'input.cell.too_many_digits': {
    en: '"{value}" has more digits than Resulta compares exactly ({before} before the point and {after} after)',
    es: '"{value}" tiene más cifras de las que Resulta compara con exactitud ({before} antes del separador decimal y {after} después)',
    fr: '« {value} » a plus de chiffres que Resulta n’en compare exactement ({before} avant la virgule et {after} après)',
  },
  'input.cell.not_an_amount': {
    en: 'expected an amount like {sample}, got "{value}"',
    es: 'se esperaba un importe como {sample} y se encontró "{value}"',
    fr: 'un montant comme {sample} était attendu, trouvé « {value} »',
  },
  'input.cell.negative_earnings': {
    en: 'earnings must not be negative, got "{value}"',
    es: 'los ingresos no pueden ser negativos, se encontró "{value}"',
    fr: 'les revenus ne peuvent pas être négatifs, trouvé « {value} »',
  },
  'input.cell.amount_too_precise': {
    en: '"{value}" has more than two decimals or is too large',
    es: '"{value}" tiene más de dos decimales o es demasiado grande',
    fr: '« {value} » a plus de deux décimales ou est trop grand',
  },
  'input.cell.amount_too_large': {
    en: '{value} is too large',
    es: '{value} es demasiado grande',
    fr: '{value} est trop grand',
  },
  'input.cell.not_verified': {
    en: 'expected true, false or empty, got "{value}"',
    es: 'se esperaba true, false o vacío y se encontró "{value}"',
    fr: 'true, false ou vide était attendu, trouvé « {value} »',
  },
  'input.cell.not_a_source': {
    en: 'expected provider, admin, verifier or empty, got "{value}"',
    es: 'se esperaba provider, admin, verifier o vacío y se encontró "{value}"',
    fr: 'provider, admin, verifier ou vide était attendu, trouvé « {value} »',
  },
  'input.cell.formula': {
    en: 'cell {ref} holds a formula (={formula}); paste its value instead',
    es: 'la celda {ref} contiene una fórmula (={formula}); pegue su valor en su lugar',
    fr: 'la cellule {ref} contient une formule (={formula}) ; collez plutôt sa valeur',
  },
  'input.cell.formula_shared': {
    en: 'cell {ref} holds a formula; paste its value instead',
    es: 'la celda {ref} contiene una fórmula; pegue su valor en su lugar',
    fr: 'la cellule {ref} contient une formule ; collez plutôt sa valeur',
  },
  'input.cell.not_boolean': {
    en: 'cell {ref} should hold a boolean (0 or 1), not "{value}"',
    es: 'la celda {ref} debería contener un valor lógico (0 o 1), no "{value}"',
    fr: 'la cellule {ref} devrait contenir un booléen (0 ou 1), pas « {value} »',
  },
  'input.cell.not_iso_date': {
    en: 'cell {ref} should hold an ISO 8601 date, not "{value}"',
    es: 'la celda {ref} debería contener una fecha ISO 8601, no "{value}"',
    fr: 'la cellule {ref} devrait contenir une date ISO 8601, pas « {value} »',
  },
  'input.cell.unknown_type': {
    en: 'cell {ref} has the unknown type "{type}"',
    es: 'la celda {ref} tiene el tipo desconocido "{type}"',
    fr: 'la cellule {ref} a le type inconnu « {type} »',
  },
  'input.cell.missing_shared_string': {
    en: 'cell {ref} refers to shared string {index}, which the workbook does not hold',
    es: 'la celda {ref} remite a la cadena compartida {index}, que el libro no contiene',
    fr: 'la cellule {ref} renvoie à la chaîne partagée {index}, que le classeur ne contient pas',
  },
  'input.cell.not_a_number_cell': {
    en: 'cell {ref} should hold a number, not "{value}"',
    es: 'la celda {ref} debería contener un número, no "{value}"',
    fr: 'la cellule {ref} devrait contenir un nombre, pas « {value} »',
  },

  // One mistake repeated over the rows of a column: the count, the first row and its cell.
  'input.rows.date_dd_mm_yyyy': {
    en: '{count, plural, one {# row uses DD/MM/YYYY:} other {# rows use DD/MM/YYYY, e.g.}} row {row} "{example}"; expected YYYY-MM-DD',
    es: '{count, plural, one {# fila usa DD/MM/AAAA:} other {# filas usan DD/MM/AAAA, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM-DD',
    fr: '{count, plural, one {# ligne utilise JJ/MM/AAAA :} other {# lignes utilisent JJ/MM/AAAA, par ex.}} ligne {row} « {example} » ; AAAA-MM-JJ était attendu',
  },
  'input.rows.date_mm_dd_yyyy': {
    en: '{count, plural, one {# row uses MM/DD/YYYY:} other {# rows use MM/DD/YYYY, e.g.}} row {row} "{example}"; expected YYYY-MM-DD',
    es: '{count, plural, one {# fila usa MM/DD/AAAA:} other {# filas usan MM/DD/AAAA, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM-DD',
    fr: '{count, plural, one {# ligne utilise MM/JJ/AAAA :} other {# lignes utilisent MM/JJ/AAAA, par ex.}} ligne {row} « {example} » ; AAAA-MM-JJ était attendu',
  },
  'input.rows.date_day_month': {
    en: '{count, plural, one {# row uses DD/MM/YYYY or MM/DD/YYYY:} other {# rows use DD/MM/YYYY or MM/DD/YYYY, e.g.}} row {row} "{example}"; expected YYYY-MM-DD',
    es: '{count, plural, one {# fila usa DD/MM/AAAA o MM/DD/AAAA:} other {# filas usan DD/MM/AAAA o MM/DD/AAAA, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM-DD',
    fr: '{count, plural, one {# ligne utilise JJ/MM/AAAA ou MM/JJ/AAAA :} other {# lignes utilisent JJ/MM/AAAA ou MM/JJ/AAAA, par ex.}} ligne {row} « {example} » ; AAAA-MM-JJ était attendu',
  },
  'input.rows.date_slashes': {
    en: '{count, plural, one {# row uses YYYY/MM/DD:} other {# rows use YYYY/MM/DD, e.g.}} row {row} "{example}"; expected YYYY-MM-DD, with hyphens',
    es: '{count, plural, one {# fila usa AAAA/MM/DD:} other {# filas usan AAAA/MM/DD, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM-DD, con guiones',
    fr: '{count, plural, one {# ligne utilise AAAA/MM/JJ :} other {# lignes utilisent AAAA/MM/JJ, par ex.}} ligne {row} « {example} » ; AAAA-MM-JJ était attendu, avec des tirets',
  },
  'input.rows.date_with_time': {
    en: '{count, plural, one {# row has a time after the date:} other {# rows have a time after the date, e.g.}} row {row} "{example}"; expected YYYY-MM-DD alone',
    es: '{count, plural, one {# fila tiene una hora tras la fecha:} other {# filas tienen una hora tras la fecha, p. ej.}} fila {row} "{example}"; se esperaba solo AAAA-MM-DD',
    fr: '{count, plural, one {# ligne a une heure après la date :} other {# lignes ont une heure après la date, par ex.}} ligne {row} « {example} » ; AAAA-MM-JJ seul était attendu',
  },
  'input.rows.date_serial': {
    en: '{count, plural, one {# row holds a spreadsheet day number instead of a date:} other {# rows hold spreadsheet day numbers instead of dates, e.g.}} row {row} "{example}"; format the column as dates YYYY-MM-DD before saving',
    es: '{count, plural, one {# fila tiene un número de día de hoja de cálculo en lugar de una fecha:} other {# filas tienen números de día de hoja de cálculo en lugar de fechas, p. ej.}} fila {row} "{example}"; dé formato de fecha AAAA-MM-DD a la columna antes de guardar',
    fr: '{count, plural, one {# ligne contient un numéro de jour de tableur au lieu d’une date :} other {# lignes contiennent des numéros de jour de tableur au lieu de dates, par ex.}} ligne {row} « {example} » ; mettez la colonne au format de date AAAA-MM-JJ avant d’enregistrer',
  },
  'input.rows.month_is_date': {
    en: '{count, plural, one {# row holds a date that is not the 1st of its month:} other {# rows hold dates that are not the 1st of their month, e.g.}} row {row} "{example}"; a month is YYYY-MM, or the 1st of the month',
    es: '{count, plural, one {# fila tiene una fecha que no es el día 1 de su mes:} other {# filas tienen fechas que no son el día 1 de su mes, p. ej.}} fila {row} "{example}"; un mes es AAAA-MM, o el día 1 del mes',
    fr: '{count, plural, one {# ligne contient une date qui n’est pas le 1er de son mois :} other {# lignes contiennent des dates qui ne sont pas le 1er de leur mois, par ex.}} ligne {row} « {example} » ; un mois s’écrit AAAA-MM, ou le 1er du mois',
  },
  'input.rows.month_day_first': {
    en: '{count, plural, one {# row uses a date DD/MM/YYYY or MM/DD/YYYY:} other {# rows use dates DD/MM/YYYY or MM/DD/YYYY, e.g.}} row {row} "{example}"; expected a month YYYY-MM',
    es: '{count, plural, one {# fila usa una fecha DD/MM/AAAA o MM/DD/AAAA:} other {# filas usan fechas DD/MM/AAAA o MM/DD/AAAA, p. ej.}} fila {row} "{example}"; se esperaba un mes AAAA-MM',
    fr: '{count, plural, one {# ligne utilise une date JJ/MM/AAAA ou MM/JJ/AAAA :} other {# lignes utilisent des dates JJ/MM/AAAA ou MM/JJ/AAAA, par ex.}} ligne {row} « {example} » ; un mois AAAA-MM était attendu',
  },
  'input.rows.month_mm_yyyy': {
    en: '{count, plural, one {# row uses MM/YYYY:} other {# rows use MM/YYYY, e.g.}} row {row} "{example}"; expected YYYY-MM',
    es: '{count, plural, one {# fila usa MM/AAAA:} other {# filas usan MM/AAAA, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM',
    fr: '{count, plural, one {# ligne utilise MM/AAAA :} other {# lignes utilisent MM/AAAA, par ex.}} ligne {row} « {example} » ; AAAA-MM était attendu',
  },
  'input.rows.month_slash': {
    en: '{count, plural, one {# row uses YYYY/MM:} other {# rows use YYYY/MM, e.g.}} row {row} "{example}"; expected YYYY-MM, with a hyphen',
    es: '{count, plural, one {# fila usa AAAA/MM:} other {# filas usan AAAA/MM, p. ej.}} fila {row} "{example}"; se esperaba AAAA-MM, con guion',
    fr: '{count, plural, one {# ligne utilise AAAA/MM :} other {# lignes utilisent AAAA/MM, par ex.}} ligne {row} « {example} » ; AAAA-MM était attendu, avec un tiret',
  },
  'input.rows.month_serial': {
    en: '{count, plural, one {# row holds a spreadsheet day number instead of a month:} other {# rows hold spreadsheet day numbers instead of months, e.g.}} row {row} "{example}"; format the column as text YYYY-MM before saving',
    es: '{count, plural, one {# fila tiene un número de día de hoja de cálculo en lugar de un mes:} other {# filas tienen números de día de hoja de cálculo en lugar de meses, p. ej.}} fila {row} "{example}"; dé a la columna formato de texto AAAA-MM antes de guardar',
    fr: '{count, plural, one {# ligne contient un numéro de jour de tableur au lieu d’un mois :} other {# lignes contiennent des numéros de jour de tableur au lieu de mois, par ex.}} ligne {row} « {example} » ; mettez la colonne au format texte AAAA-MM avant d’enregistrer',
  },
  'input.rows.decimal_comma': {
    en: '{count, plural, one {# row uses a decimal comma:} other {# rows use a decimal comma, e.g.}} row {row} "{example}"; this file\'s numbers use a decimal point: write {fixed}, or save the file with ";" between columns and read it with --decimal ,',
    es: '{count, plural, one {# fila usa coma decimal:} other {# filas usan coma decimal, p. ej.}} fila {row} "{example}"; los números de este archivo usan punto decimal: escriba {fixed}, o guarde el archivo con ";" entre columnas y léalo con --decimal ,',
    fr: '{count, plural, one {# ligne utilise une virgule décimale :} other {# lignes utilisent une virgule décimale, par ex.}} ligne {row} « {example} » ; les nombres de ce fichier utilisent un point décimal : écrivez {fixed}, ou enregistrez le fichier avec « ; » entre les colonnes et lisez-le avec --decimal ,',
  },
  'input.rows.decimal_point': {
    en: '{count, plural, one {# row uses a decimal point:} other {# rows use a decimal point, e.g.}} row {row} "{example}"; this file\'s numbers use a decimal comma: write {fixed}, or read the file with --decimal .',
    es: '{count, plural, one {# fila usa punto decimal:} other {# filas usan punto decimal, p. ej.}} fila {row} "{example}"; los números de este archivo usan coma decimal: escriba {fixed}, o lea el archivo con --decimal .',
    fr: '{count, plural, one {# ligne utilise un point décimal :} other {# lignes utilisent un point décimal, par ex.}} ligne {row} « {example} » ; les nombres de ce fichier utilisent une virgule décimale : écrivez {fixed}, ou lisez le fichier avec --decimal .',
  },
  'input.rows.thousands': {
    en: '{count, plural, one {# row uses a thousands separator:} other {# rows use thousands separators, e.g.}} row {row} "{example}"; write numbers without them, like {fixed}',
    es: '{count, plural, one {# fila usa separador de miles:} other {# filas usan separadores de miles, p. ej.}} fila {row} "{example}"; escriba los números sin ellos, como {fixed}',
    fr: '{count, plural, one {# ligne utilise un séparateur de milliers :} other {# lignes utilisent des séparateurs de milliers, par ex.}} ligne {row} « {example} » ; écrivez les nombres sans eux, comme {fixed}',
  },
  'input.rows.currency': {
    en: '{count, plural, one {# row has a currency sign or letters around the number:} other {# rows have currency signs or letters around the number, e.g.}} row {row} "{example}"; write the number alone',
    es: '{count, plural, one {# fila tiene un símbolo de moneda o letras junto al número:} other {# filas tienen símbolos de moneda o letras junto al número, p. ej.}} fila {row} "{example}"; escriba solo el número',
    fr: '{count, plural, one {# ligne a un symbole monétaire ou des lettres autour du nombre :} other {# lignes ont des symboles monétaires ou des lettres autour du nombre, par ex.}} ligne {row} « {example} » ; écrivez le nombre seul',
  },
  'input.rows.more_same': {
    en: '…and {count, plural, one {# more row} other {# more rows}} with the same problem in this column',
    es: '…y {count, plural, one {# fila más} other {# filas más}} con el mismo problema en esta columna',
    fr: '…et {count, plural, one {# ligne de plus} other {# lignes de plus}} avec le même problème dans cette colonne',
  },
  'input.more': {
    en: '{count, plural, one {# more row with problems is not listed} other {# more rows with problems are not listed}}',
    es: '{count, plural, one {# fila más con problemas no se muestra} other {# filas más con problemas no se muestran}}',
    fr: '{count, plural, one {# autre ligne avec des problèmes n’est pas listée} other {# autres lignes avec des problèmes ne sont pas listées}}',
  },

  // Across rows and files.
  'input.duplicate': {
    en: 'duplicate participant_id "{id}" (first at row {first})',
    es: 'participant_id "{id}" repetido (primera vez en la fila {first})',
    fr: 'participant_id « {id} » en double (première fois à la ligne {first})',
  },
  'input.unknown_participant': {
    en: 'participant "{id}" is not in {file}',
    es: 'el participante "{id}" no está en {file}',
    fr: 'le participant « {id} » n’est pas dans {file}',
  },
  'input.unknown_participant_did_you_mean': {
    en: 'participant "{id}" is not in {file}; did you mean "{suggestion}"?',
    es: 'el participante "{id}" no está en {file}; ¿quiso decir "{suggestion}"?',
    fr: 'le participant « {id} » n’est pas dans {file} ; vouliez-vous dire « {suggestion} » ?',
  },
  'input.participant_after_as_of': {
    en: 'participant "{id}" enrolled on {enrolled}, after the as-of day {asOf}, so is not in this run',
    es: 'el participante "{id}" se inscribió el {enrolled}, después de la fecha de corte {asOf}, así que no está en esta evaluación',
    fr: 'le participant « {id} » s’est inscrit le {enrolled}, après la date d’arrêté {asOf}, il n’est donc pas dans cette évaluation',
  },

  // Warnings: the run goes on, but its bill may not be what the contract means.
  'input.warning.missing_attribute': {
    en: 'the contract\'s conditions use the attribute "{attribute}", but {file} has no such column: no participant meets a condition on it',
    es: 'las condiciones del contrato usan el atributo "{attribute}", pero {file} no tiene esa columna: ningún participante cumple una condición sobre él',
    fr: 'les conditions du contrat utilisent l’attribut « {attribute} », mais {file} n’a pas cette colonne : aucun participant ne remplit une condition qui le porte',
  },
  'input.warning.missing_attribute_did_you_mean': {
    en: 'the contract\'s conditions use the attribute "{attribute}", but {file} has no such column: no participant meets a condition on it. Did you mean "{suggestion}"? Map it with --columns',
    es: 'las condiciones del contrato usan el atributo "{attribute}", pero {file} no tiene esa columna: ningún participante cumple una condición sobre él. ¿Quiso decir "{suggestion}"? Asígnela con --columns',
    fr: 'les conditions du contrat utilisent l’attribut « {attribute} », mais {file} n’a pas cette colonne : aucun participant ne remplit une condition qui le porte. Vouliez-vous dire « {suggestion} » ? Associez-la avec --columns',
  },
  'input.warning.no_birth_date': {
    en: "the contract's conditions use age_at_enrolment, computed from birth_date, but {file} has no birth_date column: no participant meets a condition on age",
    es: 'las condiciones del contrato usan age_at_enrolment, calculada a partir de birth_date, pero {file} no tiene la columna birth_date: ningún participante cumple una condición sobre la edad',
    fr: 'les conditions du contrat utilisent age_at_enrolment, calculé à partir de birth_date, mais {file} n’a pas de colonne birth_date : aucun participant ne remplit une condition sur l’âge',
  },
  'input.warning.no_birth_date_did_you_mean': {
    en: 'the contract\'s conditions use age_at_enrolment, computed from birth_date, but {file} has no birth_date column: no participant meets a condition on age. Did you mean "{suggestion}"? Map it with --columns',
    es: 'las condiciones del contrato usan age_at_enrolment, calculada a partir de birth_date, pero {file} no tiene la columna birth_date: ningún participante cumple una condición sobre la edad. ¿Quiso decir "{suggestion}"? Asígnela con --columns',
    fr: 'les conditions du contrat utilisent age_at_enrolment, calculé à partir de birth_date, mais {file} n’a pas de colonne birth_date : aucun participant ne remplit une condition sur l’âge. Vouliez-vous dire « {suggestion} » ? Associez-la avec --columns',
  },
  'input.warning.event_type_absent': {
    en: 'the contract counts events of type "{type}", which {file} never has; did you mean "{suggestion}" ({count, plural, one {# event} other {# events}})?',
    es: 'el contrato cuenta eventos de tipo "{type}", que {file} no tiene nunca; ¿quiso decir "{suggestion}" ({count, plural, one {# evento} other {# eventos}})?',
    fr: 'le contrat compte les événements de type « {type} », que {file} n’a jamais ; vouliez-vous dire « {suggestion} » ({count, plural, one {# événement} other {# événements}}) ?',
  },

  // What the command line says of how it read the files.
  'input.note.read_as': {
    en: '{file}: read with "{delimiter}" between columns',
    es: '{file}: leído con "{delimiter}" entre columnas',
    fr: '{file} : lu avec « {delimiter} » entre les colonnes',
  },
  'input.note.read_as_decimal_comma': {
    en: '{file}: read with "{delimiter}" between columns and a decimal comma',
    es: '{file}: leído con "{delimiter}" entre columnas y coma decimal',
    fr: '{file} : lu avec « {delimiter} » entre les colonnes et une virgule décimale',
  },
  'input.note.latin1': {
    en: '{file}: read as Windows-1252 / Latin-1 text',
    es: '{file}: leído como texto Windows-1252 / Latin-1',
    fr: '{file} : lu comme texte Windows-1252 / Latin-1',
  },
  'input.note.warning': {
    en: 'Warning: {message}',
    es: 'Advertencia: {message}',
    fr: 'Avertissement : {message}',
  },

  // Options of the commands that read inputs.
  'input.option.bad_delimiter': {
    en: '--delimiter must be ",", ";" or "tab", not "{value}"',
    es: '--delimiter debe ser ",", ";" o "tab", no "{value}"',
    fr: '--delimiter doit valoir « , », « ; » ou « tab », pas « {value} »',
  },
  'input.option.bad_decimal': {
    en: '--decimal must be "." or ",", not "{value}"',
    es: '--decimal debe ser "." o ",", no "{value}"',
    fr: '--decimal doit valoir « . » ou « , », pas « {value} »',
  },
  'input.option.bad_encoding': {
    en: '--encoding must be utf8 or latin1 (Windows-1252), not "{value}"',
    es: '--encoding debe ser utf8 o latin1 (Windows-1252), no "{value}"',
    fr: '--encoding doit valoir utf8 ou latin1 (Windows-1252), pas « {value} »',
  },
  'input.option.bad_sheet': {
    en: '--sheet {value} names the sheet of a file that is not an input ({tables})',
    es: '--sheet {value} nombra la hoja de un archivo que no es una entrada ({tables})',
    fr: '--sheet {value} désigne la feuille d’un fichier qui n’est pas une entrée ({tables})',
  },
  'input.option.employment': {
    en: 'monthly employment records (.csv, .parquet or .xlsx); needed only when the contract has employment outcomes',
    es: 'registros mensuales de empleo (.csv, .parquet o .xlsx); solo hacen falta si el contrato tiene resultados de empleo',
    fr: 'relevés mensuels d’emploi (.csv, .parquet ou .xlsx) ; nécessaires seulement si le contrat a des résultats d’emploi',
  },
  'input.option.delimiter': {
    en: 'what separates the columns of the CSV inputs: "," ";" or "tab" (detected from the first lines when not given)',
    es: 'qué separa las columnas de las entradas CSV: "," ";" o "tab" (se detecta en las primeras líneas si no se indica)',
    fr: 'ce qui sépare les colonnes des entrées CSV : « , » « ; » ou « tab » (détecté sur les premières lignes sinon)',
  },
  'input.option.decimal': {
    en: 'the decimal mark of amounts and scores in the CSV inputs: "." or "," (a comma only when the cells show it, in ";" and tab files, when not given)',
    es: 'el separador decimal de importes y puntuaciones en las entradas CSV: "." o "," (si no se indica, coma solo cuando las celdas la muestran, en archivos con ";" o tab)',
    fr: 'le séparateur décimal des montants et des scores dans les entrées CSV : « . » ou « , » (sinon, virgule seulement quand les cellules la montrent, dans les fichiers à « ; » ou tab)',
  },
  'input.option.encoding': {
    en: 'the text encoding of the CSV inputs: utf8 (the default) or latin1 (Windows-1252, Excel\'s "CSV" in Western European languages)',
    es: 'la codificación de texto de las entradas CSV: utf8 (por defecto) o latin1 (Windows-1252, el "CSV" de Excel en español)',
    fr: 'l’encodage du texte des entrées CSV : utf8 (par défaut) ou latin1 (Windows-1252, le « CSV » d’Excel en français)',
  },
  'input.option.columns': {
    en: 'a YAML file mapping your headers to Resulta\'s, table by table (a line "sexo: sex" under "participants:")',
    es: 'un archivo YAML que hace corresponder sus encabezados con los de Resulta, tabla por tabla (una línea "sexo: sex" bajo "participants:")',
    fr: 'un fichier YAML qui associe vos en-têtes à ceux de Resulta, table par table (une ligne « sexe: sex » sous « participants: »)',
  },
  'input.option.sheet': {
    en: 'the sheet to read in XLSX inputs (the first one when not given); TABLE=NAME for one input only, e.g. participants=Data',
    es: 'la hoja que se lee en las entradas XLSX (la primera si no se indica); TABLA=NOMBRE para una sola entrada, p. ej. participants=Datos',
    fr: 'la feuille à lire dans les entrées XLSX (la première sinon) ; TABLE=NOM pour une seule entrée, par ex. participants=Données',
  },
} as const satisfies Texts;
