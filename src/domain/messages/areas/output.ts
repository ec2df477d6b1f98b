/** Outputs people read: statements, spreadsheets, evidence-pack checks. */
import type { Texts } from '../catalogue.js';

/** `resulta evaluate --format`, `--csv-bom`, `--csv-delimiter`. */
const options = {
  'output.option.format': {
    en: 'which files to write: csv (the default: achievements.csv and participants.csv), xlsx (achievements.xlsx and participants.xlsx instead, with real numbers and dates) or both; summary.json is always written',
    es: 'qué archivos escribir: csv (por defecto: achievements.csv y participants.csv), xlsx (achievements.xlsx y participants.xlsx en su lugar, con números y fechas reales) o both (ambos); summary.json se escribe siempre',
    fr: 'les fichiers à écrire : csv (par défaut : achievements.csv et participants.csv), xlsx (achievements.xlsx et participants.xlsx à la place, avec de vrais nombres et de vraies dates) ou both (les deux) ; summary.json est toujours écrit',
  },
  'output.option.csv_bom': {
    en: "start the CSV files with a byte order mark, so that Excel reads their accents right (files for people: a cell a spreadsheet would run as a formula gets a leading ')",
    es: "comenzar los CSV con una marca de orden de bytes (BOM), para que Excel lea bien los acentos (archivos para personas: una celda que una hoja de cálculo ejecutaría como fórmula lleva delante un ')",
    fr: "commencer les CSV par une marque d’ordre des octets (BOM), pour qu’Excel lise correctement les accents (fichiers destinés aux personnes : une cellule qu’un tableur exécuterait comme formule est précédée d’un ')",
  },
  'output.option.csv_delimiter': {
    en: 'the CSV separator: , (the default) or ; as Excel uses it in Spanish and French, amounts then written with a decimal comma (files for people, as with --csv-bom)',
    es: 'el separador de los CSV: , (por defecto) o ; como lo usa Excel en español y en francés; los importes se escriben entonces con coma decimal (archivos para personas, como con --csv-bom)',
    fr: 'le séparateur des CSV : , (par défaut) ou ; comme Excel l’utilise en espagnol et en français ; les montants s’écrivent alors avec une virgule décimale (fichiers destinés aux personnes, comme avec --csv-bom)',
  },
  'output.option.bad_format': {
    en: '--format "{value}" must be csv, xlsx or both',
    es: '--format "{value}" debe ser csv, xlsx o both',
    fr: '--format « {value} » doit valoir csv, xlsx ou both',
  },
  'output.option.bad_delimiter': {
    en: '--csv-delimiter "{value}" must be , or ;',
    es: '--csv-delimiter "{value}" debe ser , o ;',
    fr: '--csv-delimiter « {value} » doit valoir , ou ;',
  },
  'output.option.csv_without_csv': {
    en: '--csv-bom and --csv-delimiter shape CSV files, and --format xlsx writes none: use --format both',
    es: '--csv-bom y --csv-delimiter dan forma a los CSV, y --format xlsx no escribe ninguno: use --format both',
    fr: '--csv-bom et --csv-delimiter mettent en forme les CSV, et --format xlsx n’en écrit aucun : utilisez --format both',
  },
} as const satisfies Texts;

/** Why a zip archive is not read (files/zip-entries.ts). */
const zip = {
  'output.zip.unreadable': {
    en: 'it is not a zip archive Resulta can read',
    es: 'no es un archivo zip que Resulta pueda leer',
    fr: 'ce n’est pas une archive zip que Resulta sait lire',
  },
  'output.zip.too_many': {
    en: 'it holds {count} files, more than the {max} expected',
    es: 'contiene {count} archivos, más de los {max} esperados',
    fr: 'l’archive contient {count} fichiers, plus que les {max} attendus',
  },
  'output.zip.encrypted': {
    en: '{name} is encrypted',
    es: '{name} está cifrado',
    fr: '{name} est chiffré',
  },
  'output.zip.method': {
    en: '{name} is compressed with method {method}, which Resulta does not read',
    es: '{name} está comprimido con el método {method}, que Resulta no lee',
    fr: '{name} est compressé avec la méthode {method}, que Resulta ne lit pas',
  },
  'output.zip.larger_than_declared': {
    en: '{name} inflates to more than the {declared} bytes the archive declares for it',
    es: '{name} se descomprime en más de los {declared} bytes que el archivo declara para él',
    fr: '{name} se décompresse en plus des {declared} octets que l’archive déclare pour lui',
  },
  'output.zip.damaged': {
    en: '{name} is damaged ({reason})',
    es: '{name} está dañado ({reason})',
    fr: '{name} est endommagé ({reason})',
  },
} as const satisfies Texts;

/** What makes a zip archive no evidence pack (services/pack-verification.ts). */
const pack = {
  'output.pack.refused': {
    en: '{file} is not an evidence pack Resulta can verify: {reason}',
    es: '{file} no es un paquete de evidencia que Resulta pueda verificar: {reason}',
    fr: '{file} n’est pas un dossier de preuves que Resulta peut vérifier : {reason}',
  },
  'output.pack.no_file': {
    en: 'there is no such file',
    es: 'no existe tal archivo',
    fr: 'ce fichier n’existe pas',
  },
  'output.pack.unsafe_name': {
    en: 'it holds an entry named "{name}", a path that would leave its folder',
    es: 'contiene una entrada llamada "{name}", una ruta que saldría de su carpeta',
    fr: 'l’archive contient une entrée nommée « {name} », un chemin qui sortirait de son dossier',
  },
  'output.pack.unexpected_entry': {
    en: 'it holds "{name}", which no evidence pack holds',
    es: 'contiene "{name}", que ningún paquete de evidencia contiene',
    fr: 'l’archive contient « {name} », qu’aucun dossier de preuves ne contient',
  },
  'output.pack.duplicate': {
    en: 'it holds {name} twice',
    es: 'contiene {name} dos veces',
    fr: 'l’archive contient {name} deux fois',
  },
  'output.pack.missing': {
    en: 'it has no {name}',
    es: 'no contiene {name}',
    fr: 'il y manque {name}',
  },
  'output.pack.too_large': {
    en: 'its files would inflate to {size} MB, more than the {max} MB Resulta reads (RESULTA_PACK_MAX_MB)',
    es: 'sus archivos ocuparían {size} MB descomprimidos, más que los {max} MB que lee Resulta (RESULTA_PACK_MAX_MB)',
    fr: 'ses fichiers occuperaient {size} Mo une fois décompressés, plus que les {max} Mo que lit Resulta (RESULTA_PACK_MAX_MB)',
  },
  'output.pack.manifest_json': {
    en: 'its manifest.json is not JSON',
    es: 'su manifest.json no es JSON',
    fr: 'son manifest.json n’est pas du JSON',
  },
  'output.pack.manifest_as_of': {
    en: 'its manifest.json gives no as_of day (YYYY-MM-DD)',
    es: 'su manifest.json no indica el día as_of (AAAA-MM-DD)',
    fr: 'son manifest.json n’indique pas de jour as_of (AAAA-MM-JJ)',
  },
  'output.pack.manifest_hash': {
    en: 'its manifest.json gives no SHA-256 for {name}',
    es: 'su manifest.json no indica el SHA-256 de {name}',
    fr: 'son manifest.json n’indique pas le SHA-256 de {name}',
  },
  'output.pack.manifest_extra': {
    en: 'its manifest.json lists {name}, which the pack does not hold',
    es: 'su manifest.json menciona {name}, que el paquete no contiene',
    fr: 'son manifest.json mentionne {name}, que le dossier ne contient pas',
  },
} as const satisfies Texts;

/** `resulta verify-pack`. */
const verify = {
  'output.verify.description': {
    en: 're-run an evidence pack in a temporary folder and check every output against the SHA-256 in its manifest',
    es: 'vuelve a ejecutar un paquete de evidencia en una carpeta temporal y compara cada resultado con el SHA-256 de su manifiesto',
    fr: 'réexécute un dossier de preuves dans un dossier temporaire et compare chaque sortie au SHA-256 de son manifeste',
  },
  'output.verify.argument': {
    en: 'the evidence pack (.zip) of an evaluation run, as the API gives it',
    es: 'el paquete de evidencia (.zip) de una ejecución de evaluación, tal como lo entrega la API',
    fr: 'le dossier de preuves (.zip) d’une évaluation, tel que l’API le fournit',
  },
  'output.verify.quiet': {
    en: 'print nothing but the result',
    es: 'no mostrar más que el resultado',
    fr: 'n’afficher que le résultat',
  },
  'output.verify.pass': {
    en: '{pack}: all {count} outputs match the manifest: {files}',
    es: '{pack}: los {count} resultados coinciden con el manifiesto: {files}',
    fr: '{pack} : les {count} sorties correspondent au manifeste : {files}',
  },
  'output.verify.pack_mismatch': {
    en: '{pack}: {file} does not match the manifest: expected SHA-256 {expected}, found {actual}; the pack was changed after it was made',
    es: '{pack}: {file} no coincide con el manifiesto: SHA-256 esperado {expected}, encontrado {actual}; el paquete se modificó después de crearse',
    fr: '{pack} : {file} ne correspond pas au manifeste : SHA-256 attendu {expected}, trouvé {actual} ; le dossier a été modifié après sa création',
  },
  'output.verify.rerun_mismatch': {
    en: '{pack}: the re-run gives another {file} than the manifest: expected SHA-256 {expected}, got {actual}',
    es: '{pack}: la nueva ejecución da un {file} distinto del manifiesto: SHA-256 esperado {expected}, obtenido {actual}',
    fr: '{pack} : la réexécution donne un autre {file} que le manifeste : SHA-256 attendu {expected}, obtenu {actual}',
  },
  'output.verify.first_line': {
    en: 'first differing line: {line}',
    es: 'primera línea distinta: {line}',
    fr: 'première ligne différente : {line}',
  },
  'output.verify.in_pack': {
    en: 'in the pack:   {text}',
    es: 'en el paquete: {text}',
    fr: 'dans le dossier :   {text}',
  },
  'output.verify.in_rerun': {
    en: 'in the re-run: {text}',
    es: 'al re-ejecutar: {text}',
    fr: 'à la réexécution : {text}',
  },
  'output.verify.no_line': {
    en: '(no such line)',
    es: '(no hay tal línea)',
    fr: '(cette ligne n’existe pas)',
  },
  'output.verify.rerun_failed': {
    en: 'the pack could not be re-run: {reason}',
    es: 'no se pudo volver a ejecutar el paquete: {reason}',
    fr: 'le dossier n’a pas pu être réexécuté : {reason}',
  },
  'output.verify.rerun_problems': {
    en: '{pack}: the pack’s inputs do not evaluate:',
    es: '{pack}: los datos del paquete no se pueden evaluar:',
    fr: '{pack} : les données du dossier ne peuvent pas être évaluées :',
  },
} as const satisfies Texts;

/** Bill statements (files/statement-pdf.ts, statement-xlsx.ts). */
const statement = {
  'output.statement.title': {
    en: 'Bill statement',
    es: 'Liquidación de factura',
    fr: 'Relevé de facture',
  },
  'output.statement.bill': { en: 'Bill {bill}', es: 'Factura {bill}', fr: 'Facture {bill}' },
  'output.statement.programme': { en: 'Programme', es: 'Programa', fr: 'Programme' },
  'output.statement.provider': { en: 'Provider', es: 'Prestador', fr: 'Prestataire' },
  'output.statement.all_providers': {
    en: 'All providers',
    es: 'Todos los prestadores',
    fr: 'Tous les prestataires',
  },
  'output.statement.period': { en: 'Period', es: 'Período', fr: 'Période' },
  'output.statement.period_range': {
    en: '{from} to {to}',
    es: 'del {from} al {to}',
    fr: 'du {from} au {to}',
  },
  'output.statement.period_to': {
    en: 'up to {to} (adjustments to periods already paid)',
    es: 'hasta el {to} (ajustes de períodos ya pagados)',
    fr: 'jusqu’au {to} (ajustements de périodes déjà payées)',
  },
  'output.statement.status': { en: 'Status', es: 'Estado', fr: 'Statut' },
  'output.statement.currency': { en: 'Currency', es: 'Moneda', fr: 'Devise' },
  'output.statement.summary': { en: 'Summary', es: 'Resumen', fr: 'Synthèse' },
  'output.statement.payments_total': {
    en: 'Payments for outcomes achieved in the period',
    es: 'Pagos por resultados logrados en el período',
    fr: 'Paiements des résultats atteints sur la période',
  },
  'output.statement.adjustments_total': {
    en: 'Adjustments to periods already paid',
    es: 'Ajustes de períodos ya pagados',
    fr: 'Ajustements de périodes déjà payées',
  },
  'output.statement.total': { en: 'Total', es: 'Total', fr: 'Total' },
  'output.statement.participants_total': {
    en: 'Participants on this statement',
    es: 'Participantes en esta liquidación',
    fr: 'Participants sur ce relevé',
  },
  'output.statement.lines_note': {
    en: 'Each line is what one participant’s outcome is payable for as of the end of the period, minus what was paid for it before.',
    es: 'Cada línea es lo que corresponde pagar por el resultado de un participante al cierre del período, menos lo ya pagado por él.',
    fr: 'Chaque ligne correspond au montant dû pour le résultat d’un participant à la fin de la période, moins ce qui a déjà été payé à ce titre.',
  },
  'output.statement.payments_heading': {
    en: 'Payments by outcome',
    es: 'Pagos por resultado',
    fr: 'Paiements par résultat',
  },
  'output.statement.adjustments_heading': {
    en: 'Adjustments by outcome',
    es: 'Ajustes por resultado',
    fr: 'Ajustements par résultat',
  },
  'output.statement.no_payments': {
    en: 'No payments on this statement.',
    es: 'No hay pagos en esta liquidación.',
    fr: 'Aucun paiement sur ce relevé.',
  },
  'output.statement.no_adjustments': {
    en: 'No adjustments on this statement.',
    es: 'No hay ajustes en esta liquidación.',
    fr: 'Aucun ajustement sur ce relevé.',
  },
  'output.statement.by_provider_heading': {
    en: 'By provider',
    es: 'Por prestador',
    fr: 'Par prestataire',
  },
  'output.statement.held': {
    en: '{count, plural, one {# participant is held back from this bill: their person key is shared with another participant and awaits a verifier’s decision.} other {# participants are held back from this bill: their person keys are shared with other participants and await a verifier’s decision.}}',
    es: '{count, plural, one {# participante queda fuera de esta factura: comparte su clave de persona con otro participante y espera la decisión de un verificador.} other {# participantes quedan fuera de esta factura: comparten su clave de persona con otros participantes y esperan la decisión de un verificador.}}',
    fr: '{count, plural, one {# participant est tenu hors de cette facture : sa clé personnelle est partagée avec un autre participant et attend la décision d’un vérificateur.} other {# participants sont tenus hors de cette facture : leurs clés personnelles sont partagées avec d’autres participants et attendent la décision d’un vérificateur.}}',
  },
  'output.statement.caps_heading': {
    en: 'Caps and headroom as of {day}',
    es: 'Topes y margen disponible al {day}',
    fr: 'Plafonds et marge restante au {day}',
  },
  'output.statement.caps_note': {
    en: 'Caps apply to the whole programme, all providers together.',
    es: 'Los topes se aplican a todo el programa, con todos los prestadores juntos.',
    fr: 'Les plafonds s’appliquent à l’ensemble du programme, tous prestataires confondus.',
  },
  'output.statement.no_caps': {
    en: 'The contract sets no caps.',
    es: 'El contrato no fija topes.',
    fr: 'Le contrat ne fixe aucun plafond.',
  },
  'output.statement.cap.total': {
    en: 'Total payments of the programme',
    es: 'Pagos totales del programa',
    fr: 'Paiements totaux du programme',
  },
  'output.statement.cap.volume': {
    en: 'Paid achievements of {outcome}',
    es: 'Logros pagados de {outcome}',
    fr: 'Résultats payés pour {outcome}',
  },
  'output.statement.cap.participant': {
    en: 'Payments per participant',
    es: 'Pagos por participante',
    fr: 'Paiements par participant',
  },
  'output.statement.approvals_heading': {
    en: 'Approvals',
    es: 'Aprobaciones',
    fr: 'Approbations',
  },
  'output.statement.evidence_heading': { en: 'Evidence', es: 'Evidencia', fr: 'Preuves' },
  'output.statement.run': {
    en: 'Evaluation run {run}, as of {day}, contract version {version}',
    es: 'Ejecución de evaluación {run}, al {day}, versión {version} del contrato',
    fr: 'Évaluation {run}, au {day}, version {version} du contrat',
  },
  'output.statement.pack': {
    en: 'Evidence pack SHA-256',
    es: 'SHA-256 del paquete de evidencia',
    fr: 'SHA-256 du dossier de preuves',
  },
  'output.statement.verify_hint': {
    en: 'Anyone can re-run the pack and check this bill: resulta verify-pack evidence-pack-run-{run}.zip',
    es: 'Cualquiera puede volver a ejecutar el paquete y comprobar esta factura: resulta verify-pack evidence-pack-run-{run}.zip',
    fr: 'Chacun peut réexécuter le dossier et vérifier cette facture : resulta verify-pack evidence-pack-run-{run}.zip',
  },
  'output.statement.page': {
    en: 'Page {page} of {pages}',
    es: 'Página {page} de {pages}',
    fr: 'Page {page} sur {pages}',
  },
  'output.statement.col.outcome': { en: 'Outcome', es: 'Resultado', fr: 'Résultat' },
  'output.statement.col.participants': {
    en: 'Participants',
    es: 'Participantes',
    fr: 'Participants',
  },
  'output.statement.col.lines': { en: 'Lines', es: 'Líneas', fr: 'Lignes' },
  'output.statement.col.amount': { en: 'Amount', es: 'Importe', fr: 'Montant' },
  'output.statement.col.kind': { en: 'Kind', es: 'Tipo', fr: 'Type' },
  'output.statement.col.cause': { en: 'Cause', es: 'Causa', fr: 'Cause' },
  'output.statement.col.provider': { en: 'Provider', es: 'Prestador', fr: 'Prestataire' },
  'output.statement.col.cap': { en: 'Cap', es: 'Tope', fr: 'Plafond' },
  'output.statement.col.limit': { en: 'Limit', es: 'Límite', fr: 'Limite' },
  'output.statement.col.used': { en: 'Used', es: 'Utilizado', fr: 'Utilisé' },
  'output.statement.col.headroom': { en: 'Headroom', es: 'Margen', fr: 'Marge' },
  'output.statement.col.step': { en: 'Step', es: 'Paso', fr: 'Étape' },
  'output.statement.col.by': { en: 'By', es: 'Por', fr: 'Par' },
  'output.statement.col.when': { en: 'When (UTC)', es: 'Cuándo (UTC)', fr: 'Quand (UTC)' },
  'output.statement.col.reason': { en: 'Reason', es: 'Motivo', fr: 'Motif' },
  'output.statement.col.item': { en: 'Item', es: 'Concepto', fr: 'Élément' },
  'output.statement.col.value': { en: 'Value', es: 'Valor', fr: 'Valeur' },
  'output.statement.kind.payment': { en: 'payment', es: 'pago', fr: 'paiement' },
  'output.statement.kind.adjustment': { en: 'adjustment', es: 'ajuste', fr: 'ajustement' },
  'output.statement.cause.data': {
    en: 'data changed (late or corrected records, verification)',
    es: 'cambio de datos (registros tardíos o corregidos, verificación)',
    fr: 'données modifiées (enregistrements tardifs ou corrigés, vérification)',
  },
  'output.statement.cause.correction': {
    en: 'contract correction, version {version}',
    es: 'corrección del contrato, versión {version}',
    fr: 'correction du contrat, version {version}',
  },
  'output.statement.sheet.summary': { en: 'Statement', es: 'Liquidación', fr: 'Relevé' },
  'output.statement.sheet.lines': { en: 'Lines', es: 'Líneas', fr: 'Lignes' },
  'output.statement.sheet.caps': { en: 'Caps', es: 'Topes', fr: 'Plafonds' },
  'output.statement.sheet.approvals': {
    en: 'Approvals',
    es: 'Aprobaciones',
    fr: 'Approbations',
  },
  'output.statement.bill_label': { en: 'Bill', es: 'Factura', fr: 'Facture' },
  'output.statement.period_start': {
    en: 'Period from',
    es: 'Período desde',
    fr: 'Période du',
  },
  'output.statement.period_end': { en: 'Period to', es: 'Período hasta', fr: 'Période au' },
  'output.statement.col.organisation': {
    en: 'Organisation',
    es: 'Organización',
    fr: 'Organisation',
  },
  'output.statement.col.account': { en: 'Account', es: 'Cuenta', fr: 'Compte' },
  'output.statement.col.provider_id': {
    en: 'Provider id',
    es: 'Id. del prestador',
    fr: 'Identifiant du prestataire',
  },
  'output.statement.run_id': {
    en: 'Evaluation run',
    es: 'Ejecución de evaluación',
    fr: 'Évaluation',
  },
  'output.statement.as_of': { en: 'As of', es: 'Al', fr: 'Au' },
  'output.statement.contract_version': {
    en: 'Contract version',
    es: 'Versión del contrato',
    fr: 'Version du contrat',
  },
  'output.statement.held_label': {
    en: 'Participants held back',
    es: 'Participantes retenidos',
    fr: 'Participants retenus',
  },
  'output.status.draft': { en: 'draft', es: 'borrador', fr: 'brouillon' },
  'output.status.verified': { en: 'verified', es: 'verificada', fr: 'vérifiée' },
  'output.status.approved': { en: 'approved', es: 'aprobada', fr: 'approuvée' },
  'output.status.paid': { en: 'paid', es: 'pagada', fr: 'payée' },
  'output.status.rejected': { en: 'rejected', es: 'rechazada', fr: 'rejetée' },
  'output.action.draft': { en: 'Drafted', es: 'Elaborada', fr: 'Établie' },
  'output.action.verify': { en: 'Verified', es: 'Verificada', fr: 'Vérifiée' },
  'output.action.approve': { en: 'Approved', es: 'Aprobada', fr: 'Approuvée' },
  'output.action.reject': { en: 'Rejected', es: 'Rechazada', fr: 'Rejetée' },
  'output.action.pay': { en: 'Paid', es: 'Pagada', fr: 'Payée' },
} as const satisfies Texts;

export const outputMessages = {
  ...options,
  ...zip,
  ...pack,
  ...verify,
  ...statement,
} as const satisfies Texts;
