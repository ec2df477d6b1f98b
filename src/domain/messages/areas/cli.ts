/**
 * What the command line says: its help, its own errors, progress and summaries. Command and
 * option names, file names and codes (statuses, outcome ids) are never translated; amounts
 * and counts come in already formatted by locale, or as numbers that render formats.
 */
import type { Texts } from '../catalogue.js';

/** The help page: its headings, and what commander itself adds to it. */
const help = {
  'cli.program.description': {
    en: 'Outcome contracts that compute their own bills: evaluate, explain and validate.',
    es: 'Contratos de resultados que calculan sus propias facturas: evaluar, explicar y validar.',
    fr: 'Des contrats à résultats qui calculent leurs propres factures : évaluer, expliquer et valider.',
  },
  'cli.help.usage': { en: 'Usage:', es: 'Uso:', fr: 'Utilisation :' },
  'cli.help.arguments': { en: 'Arguments:', es: 'Argumentos:', fr: 'Arguments :' },
  'cli.help.options': { en: 'Options:', es: 'Opciones:', fr: 'Options :' },
  'cli.help.global_options': {
    en: 'Global Options:',
    es: 'Opciones globales:',
    fr: 'Options globales :',
  },
  'cli.help.commands': { en: 'Commands:', es: 'Comandos:', fr: 'Commandes :' },
  'cli.help.options_placeholder': { en: '[options]', es: '[opciones]', fr: '[options]' },
  'cli.help.command_placeholder': { en: '[command]', es: '[comando]', fr: '[commande]' },
  'cli.help.default': {
    en: 'default: {value}',
    es: 'por defecto: {value}',
    fr: 'par défaut : {value}',
  },
  'cli.help.choices': { en: 'one of: {values}', es: 'uno de: {values}', fr: 'au choix : {values}' },
  'cli.option.help': {
    en: 'display help for command',
    es: 'mostrar la ayuda del comando',
    fr: 'afficher l’aide de la commande',
  },
  'cli.command.help': {
    en: 'display help for command',
    es: 'mostrar la ayuda de un comando',
    fr: 'afficher l’aide d’une commande',
  },
  'cli.option.lang': {
    en: 'language of messages, summaries and help: en, es or fr (also RESULTA_LANG)',
    es: 'idioma de los mensajes, resúmenes y ayuda: en, es o fr (también RESULTA_LANG)',
    fr: 'langue des messages, résumés et de l’aide : en, es ou fr (aussi RESULTA_LANG)',
  },
} as const satisfies Texts;

/** Mistakes on the command line itself, as commander finds them, and the language asked for. */
const errors = {
  'cli.lang.unknown': {
    en: 'unknown language "{language}" ({source}); Resulta speaks en (English), es (Spanish) and fr (French)',
    es: 'idioma desconocido "{language}" ({source}); Resulta habla en (inglés), es (español) y fr (francés)',
    fr: 'langue inconnue « {language} » ({source}) ; Resulta parle en (anglais), es (espagnol) et fr (français)',
  },
  'cli.error.unknown_option': {
    en: 'error: unknown option {option}',
    es: 'error: opción desconocida {option}',
    fr: 'erreur : option inconnue {option}',
  },
  'cli.error.unknown_command': {
    en: 'error: unknown command {command}',
    es: 'error: comando desconocido {command}',
    fr: 'erreur : commande inconnue {command}',
  },
  'cli.error.did_you_mean': {
    en: '(Did you mean {names}?)',
    es: '(¿Quiso decir {names}?)',
    fr: '(Vouliez-vous dire {names} ?)',
  },
  'cli.error.required_option': {
    en: 'error: required option {option} not specified',
    es: 'error: falta la opción obligatoria {option}',
    fr: 'erreur : l’option obligatoire {option} manque',
  },
  'cli.error.missing_argument': {
    en: 'error: missing required argument {argument}',
    es: 'error: falta el argumento obligatorio {argument}',
    fr: 'erreur : l’argument obligatoire {argument} manque',
  },
  'cli.error.option_value_missing': {
    en: 'error: option {option} needs a value',
    es: 'error: la opción {option} necesita un valor',
    fr: 'erreur : l’option {option} attend une valeur',
  },
  'cli.error.too_many_arguments': {
    en: 'error: too many arguments: expected {expected}, got {got}',
    es: 'error: demasiados argumentos: se esperaban {expected} y se recibieron {got}',
    fr: 'erreur : trop d’arguments : {expected} attendus, {got} reçus',
  },
  'cli.error.invalid_choice': {
    en: 'error: option {option} cannot be {value}; it is one of {choices}',
    es: 'error: la opción {option} no admite {value}; debe ser uno de {choices}',
    fr: 'erreur : l’option {option} n’accepte pas {value} ; elle vaut l’un de {choices}',
  },
} as const satisfies Texts;

/** The commands this area describes: validate, demo, audit, openapi. */
const commands = {
  'cli.validate.description': {
    en: 'check a contract file; exit 0 when valid, else list every problem and exit 1',
    es: 'revisar un archivo de contrato; termina con 0 si es válido, si no lista cada problema y termina con 1',
    fr: 'vérifier un fichier de contrat ; sort avec 0 s’il est valide, sinon liste chaque problème et sort avec 1',
  },
  'cli.validate.contract': {
    en: 'the contract (YAML)',
    es: 'el contrato (YAML)',
    fr: 'le contrat (YAML)',
  },
  'cli.validate.valid': {
    en: '{file}: valid — {outcomes, plural, one {# outcome} other {# outcomes}}, {amendments, plural, one {# amendment} other {# amendments}}',
    es: '{file}: válido — {outcomes, plural, one {# resultado} other {# resultados}}, {amendments, plural, one {# adenda} other {# adendas}}',
    fr: '{file} : valide — {outcomes, plural, one {# résultat} other {# résultats}}, {amendments, plural, one {# avenant} other {# avenants}}',
  },
  'cli.demo.description': {
    en: 'write a synthetic youth employment programme, evaluate it and print the bill',
    es: 'escribir un programa sintético de empleo juvenil, evaluarlo e imprimir la factura',
    fr: 'écrire un programme fictif d’emploi des jeunes, l’évaluer et afficher la facture',
  },
  'cli.demo.option.dir': {
    en: 'a new or empty folder for the demo programme and its outputs, or one an earlier demo wrote',
    es: 'una carpeta nueva o vacía para el programa de demostración y sus resultados, o una que escribió una demostración anterior',
    fr: 'un dossier nouveau ou vide pour le programme de démonstration et ses résultats, ou un dossier écrit par une démonstration précédente',
  },
  'cli.demo.option.participants': {
    en: 'number of participants',
    es: 'cantidad de participantes',
    fr: 'nombre de participants',
  },
  'cli.demo.participants_range': {
    en: '--participants must be a whole number from 1 to {max}',
    es: '--participants debe ser un número entero entre 1 y {max}',
    fr: '--participants doit être un nombre entier de 1 à {max}',
  },
  'cli.demo.writing': {
    en: 'Writing a demo programme of {count, plural, one {# participant} other {# participants}} to {dir} …',
    es: 'Escribiendo un programa de demostración de {count, plural, one {# participante} other {# participantes}} en {dir} …',
    fr: 'Écriture d’un programme de démonstration de {count, plural, one {# participant} other {# participants}} dans {dir} …',
  },
  'cli.demo.outputs': {
    en: 'Outputs: {files}',
    es: 'Archivos de salida: {files}',
    fr: 'Fichiers produits : {files}',
  },
  'cli.demo.try_next': { en: 'Try next:', es: 'Pruebe después:', fr: 'Essayez ensuite :' },
  'cli.audit.description': {
    en: 'audit log tools (on RESULTA_DATA, or DATABASE_URL)',
    es: 'herramientas del registro de auditoría (en RESULTA_DATA o DATABASE_URL)',
    fr: 'outils du journal d’audit (sur RESULTA_DATA ou DATABASE_URL)',
  },
  'cli.audit.verify.description': {
    en: 'recompute the hash chain of the audit log; exit 1 if any entry was changed or removed',
    es: 'recalcular la cadena de hashes del registro de auditoría; termina con 1 si alguna entrada se cambió o se quitó',
    fr: 'recalculer la chaîne de hachages du journal d’audit ; sort avec 1 si une entrée a été modifiée ou supprimée',
  },
  'cli.audit.intact': {
    en: 'audit log intact: {entries, plural, one {# entry} other {# entries}}',
    es: 'registro de auditoría intacto: {entries, plural, one {# entrada} other {# entradas}}',
    fr: 'journal d’audit intact : {entries, plural, one {# entrée} other {# entrées}}',
  },
  'cli.audit.broken': {
    en: 'audit log broken at {broken} of {entries, plural, one {# entry} other {# entries}}:',
    es: 'registro de auditoría roto en {broken} de {entries, plural, one {# entrada} other {# entradas}}:',
    fr: 'journal d’audit rompu à {broken} sur {entries, plural, one {# entrée} other {# entrées}} :',
  },
  'cli.audit.entry': {
    en: 'entry {id}: {what}',
    es: 'entrada {id}: {what}',
    fr: 'entrée {id} : {what}',
  },
  'cli.audit.changed': {
    en: 'changed after it was written',
    es: 'se cambió después de escribirse',
    fr: 'modifiée après son écriture',
  },
  'cli.audit.unlinked': {
    en: 'does not follow the entry before it (one was removed or inserted)',
    es: 'no sigue a la entrada anterior (se quitó o se insertó una)',
    fr: 'ne suit pas l’entrée précédente (une entrée a été supprimée ou insérée)',
  },
  'cli.evaluate.description': {
    en: 'evaluate a contract over participants, events and employment records as of a day, and write achievements.csv, participants.csv and summary.json',
    es: 'evaluar un contrato sobre participantes, eventos y registros de empleo a una fecha, y escribir achievements.csv, participants.csv y summary.json',
    fr: 'évaluer un contrat sur les participants, les événements et les relevés d’emploi à une date, et écrire achievements.csv, participants.csv et summary.json',
  },
  'cli.evaluate.option.out': {
    en: 'a new or empty folder for the outputs, or one an earlier run wrote; it appears (or is replaced) only when every file is complete',
    es: 'una carpeta nueva o vacía para los archivos de salida, o una que escribió una ejecución anterior; aparece (o se reemplaza) solo cuando todos los archivos están completos',
    fr: 'un dossier nouveau ou vide pour les fichiers produits, ou un dossier écrit par une exécution précédente ; il n’apparaît (ou n’est remplacé) que lorsque tous les fichiers sont complets',
  },
  'cli.evaluate.option.quiet': {
    en: 'print nothing but errors',
    es: 'no mostrar nada salvo los errores',
    fr: 'n’afficher que les erreurs',
  },
  'cli.explain.description': {
    en: 'explain, for one participant, which outcomes were achieved and paid, and why not',
    es: 'explicar, para un participante, qué resultados se lograron y se pagaron, y por qué no',
    fr: 'expliquer, pour un participant, quels résultats ont été atteints et payés, et pourquoi pas',
  },
  'cli.explain.option.participant': {
    en: 'the participant_id to explain',
    es: 'el participant_id a explicar',
    fr: 'le participant_id à expliquer',
  },
  'cli.explain.option.json': {
    en: 'print the explanation as JSON',
    es: 'imprimir la explicación en JSON',
    fr: 'afficher l’explication en JSON',
  },
  'cli.explain.participant': {
    en: 'Participant {participant} (provider {provider})',
    es: 'Participante {participant} (proveedor {provider})',
    fr: 'Participant {participant} (prestataire {provider})',
  },
  'cli.explain.participant_segment': {
    en: 'Participant {participant} (provider {provider}, segment {segment})',
    es: 'Participante {participant} (proveedor {provider}, segmento {segment})',
    fr: 'Participant {participant} (prestataire {provider}, segment {segment})',
  },
  'cli.explain.not_eligible': {
    en: 'not eligible: {why}; no outcome can be achieved',
    es: 'no elegible: {why}; no se puede lograr ningún resultado',
    fr: 'non éligible : {why} ; aucun résultat ne peut être atteint',
  },
  'cli.explain.achieved_on': {
    en: '{outcome}: achieved on {day}',
    es: '{outcome}: logrado el {day}',
    fr: '{outcome} : atteint le {day}',
  },
  'cli.explain.not_achieved': {
    en: '{outcome}: not achieved',
    es: '{outcome}: no logrado',
    fr: '{outcome} : non atteint',
  },
  'cli.run.option.contract': {
    en: 'the contract (YAML)',
    es: 'el contrato (YAML)',
    fr: 'le contrat (YAML)',
  },
  'cli.run.option.participants': {
    en: 'participants table (.csv, .parquet or .xlsx)',
    es: 'tabla de participantes (.csv, .parquet o .xlsx)',
    fr: 'table des participants (.csv, .parquet ou .xlsx)',
  },
  'cli.run.option.events': {
    en: 'events table (.csv, .parquet or .xlsx)',
    es: 'tabla de eventos (.csv, .parquet o .xlsx)',
    fr: 'table des événements (.csv, .parquet ou .xlsx)',
  },
  'cli.run.option.as_of': {
    en: 'evaluate with the evidence known up to this day',
    es: 'evaluar con la evidencia conocida hasta este día',
    fr: 'évaluer avec les preuves connues jusqu’à ce jour',
  },
  'cli.openapi.description': {
    en: 'print the OpenAPI document of the HTTP API',
    es: 'imprimir el documento OpenAPI de la API HTTP',
    fr: 'afficher le document OpenAPI de l’API HTTP',
  },
} as const satisfies Texts;

/** The run summary on the terminal (print-summary.ts) and the progress bar's steps. */
const summary = {
  'cli.summary.heading': {
    en: 'Contract {contract}, as of {as_of} (versions: {versions})',
    es: 'Contrato {contract}, al {as_of} (versiones: {versions})',
    fr: 'Contrat {contract}, au {as_of} (versions : {versions})',
  },
  'cli.summary.participants': {
    en: 'Participants: {enrolled} enrolled, {eligible} eligible',
    es: 'Participantes: {enrolled, plural, one {# inscripto} other {# inscriptos}}, {eligible, plural, one {# elegible} other {# elegibles}}',
    fr: 'Participants : {enrolled, plural, one {# inscrit} other {# inscrits}}, {eligible, plural, one {# éligible} other {# éligibles}}',
  },
  'cli.summary.paid': {
    en: 'Paid: {amount}',
    es: 'Pagado: {amount}',
    fr: 'Payé : {amount}',
  },
  'cli.summary.by_outcome': { en: 'By outcome', es: 'Por resultado', fr: 'Par résultat' },
  'cli.summary.by_provider': { en: 'By provider', es: 'Por prestador', fr: 'Par prestataire' },
  'cli.summary.by_status': { en: 'By status', es: 'Por estado', fr: 'Par statut' },
  'cli.summary.headroom': {
    en: 'Headroom under the caps in force',
    es: 'Margen bajo los topes vigentes',
    fr: 'Marge sous les plafonds en vigueur',
  },
  'cli.summary.headroom_total': {
    en: 'total cap: {amount} left',
    es: 'tope total: quedan {amount}',
    fr: 'plafond total : reste {amount}',
  },
  'cli.summary.headroom_volume': {
    en: 'volume {outcome}: {places, plural, one {# place left} other {# places left}}',
    es: 'volumen {outcome}: {places, plural, one {queda # cupo} other {quedan # cupos}}',
    fr: 'volume {outcome} : {places, plural, one {reste # place} other {reste # places}}',
  },
  'cli.progress.reading': {
    en: 'reading {role}',
    es: 'leyendo {role}',
    fr: 'lecture de {role}',
  },
  'cli.progress.participants': {
    en: 'participants and eligibility',
    es: 'participantes y elegibilidad',
    fr: 'participants et éligibilité',
  },
  'cli.progress.outcome': {
    en: 'outcome {outcome}',
    es: 'resultado {outcome}',
    fr: 'résultat {outcome}',
  },
  'cli.progress.caps': {
    en: 'caps and payments',
    es: 'topes y pagos',
    fr: 'plafonds et paiements',
  },
  'cli.progress.writing': {
    en: 'writing outputs',
    es: 'escribiendo archivos de salida',
    fr: 'écriture des fichiers produits',
  },
  'cli.progress.done': { en: 'done', es: 'listo', fr: 'terminé' },
} as const satisfies Texts;

export const cliMessages = {
  ...help,
  ...errors,
  ...commands,
  ...summary,
} as const satisfies Texts;
