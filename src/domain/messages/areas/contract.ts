/**
 * Problems in a contract file and its amendments (domain/contract), and in a new version of
 * a programme's contract. Key names, ids, kinds and values are quoted as the contract writes
 * them and never translated: they are what the reader looks for in the file. `{what}` is a
 * subject phrase (contract.subject.*) rendered in the same language; `{hint}` is empty or a
 * contract.hint.* phrase.
 *
 * Spanish and French put the subject first, as a label (`resultado job › price: …`), so
 * that a subject needs no article; French puts a space before `:`, `;` and `?`.
 */
import type { Texts } from '../catalogue.js';

const subjects = {
  'contract.subject.path': { en: '{of} {step}', es: '{of} › {step}', fr: '{of} › {step}' },
  'contract.subject.contract': { en: 'the contract', es: 'el contrato', fr: 'le contrat' },
  'contract.subject.an_outcome': { en: 'an outcome', es: 'un resultado', fr: 'un résultat' },
  'contract.subject.outcome_id': {
    en: 'outcome id',
    es: 'id de resultado',
    fr: 'id de résultat',
  },
  'contract.subject.an_amendment': { en: 'an amendment', es: 'una adenda', fr: 'un avenant' },
  'contract.subject.amendment_id': {
    en: 'amendment id',
    es: 'id de adenda',
    fr: 'id d’avenant',
  },
  'contract.subject.between_low': { en: 'low', es: 'mínimo', fr: 'minimum' },
  'contract.subject.between_high': { en: 'high', es: 'máximo', fr: 'maximum' },
  'contract.subject.outcome': { en: 'outcome {id}', es: 'resultado {id}', fr: 'résultat {id}' },
  'contract.subject.segment': {
    en: 'segment {segment}',
    es: 'segmento {segment}',
    fr: 'segment {segment}',
  },
  'contract.subject.eligibility_condition': {
    en: 'eligibility condition {n}',
    es: 'condición de elegibilidad {n}',
    fr: 'condition d’éligibilité {n}',
  },
  'contract.subject.amendment': { en: 'amendment {id}', es: 'adenda {id}', fr: 'avenant {id}' },
  'contract.subject.tier': { en: 'tier {n}', es: 'tramo {n}', fr: 'palier {n}' },
  'contract.subject.bonus': { en: 'bonus {n}', es: 'bonificación {n}', fr: 'prime {n}' },
  'contract.subject.price_for': {
    en: 'price for {segment}',
    es: 'price › {segment}',
    fr: 'price › {segment}',
  },
  'contract.subject.volume_for': {
    en: 'volume for {outcome}',
    es: 'volume › {outcome}',
    fr: 'volume › {outcome}',
  },
} as const satisfies Texts;

const hints = {
  'contract.hint.one': {
    en: '; did you mean "{name}"?',
    es: '; ¿quiso decir "{name}"?',
    fr: ' ; vouliez-vous dire « {name} » ?',
  },
  'contract.hint.two': {
    en: '; did you mean "{first}" or "{second}"?',
    es: '; ¿quiso decir "{first}" o "{second}"?',
    fr: ' ; vouliez-vous dire « {first} » ou « {second} » ?',
  },
} as const satisfies Texts;

/** What the YAML reader finds before any key is read. */
const syntax = {
  'contract.yaml.duplicate_key': {
    en: 'the key "{key}" is written twice in the same map; keep one',
    es: 'la clave "{key}" aparece dos veces en el mismo bloque; deje una sola',
    fr: 'la clé « {key} » apparaît deux fois dans le même bloc ; n’en gardez qu’une',
  },
  'contract.yaml.duplicate': {
    en: 'a key is written twice in the same map; keep one',
    es: 'una clave aparece dos veces en el mismo bloque; deje una sola',
    fr: 'une clé apparaît deux fois dans le même bloc ; n’en gardez qu’une',
  },
  'contract.yaml.unclosed': {
    en: 'a list or map opened before this point is not closed: a "{char}" is missing',
    es: 'una lista o bloque abierto antes de este punto no está cerrado: falta un "{char}"',
    fr: 'une liste ou un bloc ouvert avant cet endroit n’est pas fermé : il manque un « {char} »',
  },
  'contract.yaml.indent': {
    en: 'the indentation is wrong: the keys of one map must start in the same column',
    es: 'la sangría no es correcta: las claves de un mismo bloque deben empezar en la misma columna',
    fr: 'l’indentation est incorrecte : les clés d’un même bloc doivent commencer à la même colonne',
  },
  'contract.yaml.unclosed_quote': {
    en: 'a quoted text is not closed: the closing quote is missing',
    es: 'un texto entre comillas no está cerrado: falta la comilla de cierre',
    fr: 'un texte entre guillemets n’est pas fermé : le guillemet fermant manque',
  },
  'contract.yaml.tab': {
    en: 'a tab is used to indent; indent with spaces',
    es: 'se usa un tabulador como sangría; use espacios',
    fr: 'une tabulation sert d’indentation ; indentez avec des espaces',
  },
  'contract.yaml.documents': {
    en: 'the file holds more than one YAML document (a line "---"); a contract is one document',
    es: 'el archivo contiene más de un documento YAML (una línea "---"); un contrato es un solo documento',
    fr: 'le fichier contient plus d’un document YAML (une ligne « --- ») ; un contrat est un seul document',
  },
  'contract.yaml.nested_map': {
    en: 'a value cannot hold another "key: value" on the same line; quote it, or put its keys on the next lines, indented',
    es: 'un valor no puede contener otro "clave: valor" en la misma línea; póngalo entre comillas o escriba sus claves en las líneas siguientes, con sangría',
    fr: 'une valeur ne peut pas contenir un autre « clé: valeur » sur la même ligne ; mettez-la entre guillemets, ou écrivez ses clés sur les lignes suivantes, indentées',
  },
  'contract.yaml.multiline_key': {
    en: 'a key must fit on one line; is a ":" missing at the end of a line?',
    es: 'una clave debe caber en una sola línea; ¿falta un ":" al final de una línea?',
    fr: 'une clé doit tenir sur une seule ligne ; manque-t-il un « : » en fin de ligne ?',
  },
  'contract.yaml.reserved': {
    en: 'a value cannot start with @ or `; put it in quotes',
    es: 'un valor no puede empezar con @ ni `; póngalo entre comillas',
    fr: 'une valeur ne peut pas commencer par @ ou ` ; mettez-la entre guillemets',
  },
  'contract.yaml.escape': {
    en: 'a double-quoted text holds an escape YAML does not know; write \\\\ for a backslash, or use single quotes',
    es: 'un texto entre comillas dobles tiene un escape que YAML no reconoce; escriba \\\\ para una barra invertida o use comillas simples',
    fr: 'un texte entre guillemets doubles contient un échappement que YAML ne connaît pas ; écrivez \\\\ pour une barre oblique inverse, ou utilisez des guillemets simples',
  },
  'contract.yaml.alias': {
    en: 'an alias (*name) names no anchor (&name) defined before it',
    es: 'un alias (*nombre) no corresponde a ningún ancla (&nombre) definida antes',
    fr: 'un alias (*nom) ne renvoie à aucune ancre (&nom) définie avant lui',
  },
  'contract.yaml.tag': {
    en: 'a YAML tag (!…) Resulta does not know; remove it',
    es: 'una etiqueta YAML (!…) que Resulta no reconoce; quítela',
    fr: 'une étiquette YAML (!…) que Resulta ne connaît pas ; retirez-la',
  },
  'contract.yaml.syntax': {
    en: 'the YAML cannot be read here: {detail}',
    es: 'el YAML no se puede leer aquí: {detail} (mensaje del lector YAML, en inglés)',
    fr: 'le YAML est illisible ici : {detail} (message du lecteur YAML, en anglais)',
  },
} as const satisfies Texts;

/** The shape of values: maps, lists, numbers, dates, texts. */
const values = {
  'contract.file.not_map': {
    en: 'a contract file must be a map of keys (contract, title, outcomes, …)',
    es: 'un archivo de contrato debe ser un conjunto de claves con sus valores (contract, title, outcomes, …)',
    fr: 'un fichier de contrat doit être un ensemble de clés avec leurs valeurs (contract, title, outcomes, …)',
  },
  'contract.file.missing': {
    en: 'cannot read the contract: no such file',
    es: 'no se puede leer el contrato: el archivo no existe',
    fr: 'impossible de lire le contrat : le fichier n’existe pas',
  },
  'contract.file.denied': {
    en: 'cannot read the contract: permission denied',
    es: 'no se puede leer el contrato: no hay permiso para leer el archivo',
    fr: 'impossible de lire le contrat : lecture du fichier non autorisée',
  },
  'contract.file.folder': {
    en: 'cannot read the contract: it is a folder, not a file',
    es: 'no se puede leer el contrato: es una carpeta, no un archivo',
    fr: 'impossible de lire le contrat : c’est un dossier, pas un fichier',
  },
  'contract.file.unreadable': {
    en: 'cannot read the contract: {reason}',
    es: 'no se puede leer el contrato: {reason}',
    fr: 'impossible de lire le contrat : {reason}',
  },
  'contract.type.map': {
    en: '{what} must be a map of keys',
    es: '{what}: debe ser un conjunto de claves con sus valores',
    fr: '{what} : doit être un ensemble de clés avec leurs valeurs',
  },
  'contract.type.list': {
    en: '{what} must be a list',
    es: '{what}: debe ser una lista',
    fr: '{what} : doit être une liste',
  },
  'contract.type.single': {
    en: '{what} must be a single value',
    es: '{what}: debe ser un valor simple',
    fr: '{what} : doit être une valeur simple',
  },
  'contract.type.number': {
    en: '{what} must be a number like 1200 or 0.5',
    es: '{what}: debe ser un número escrito como 1200 o 0.5 (con punto decimal y sin comillas)',
    fr: '{what} : doit être un nombre écrit comme 1200 ou 0.5 (avec un point décimal, sans guillemets)',
  },
  'contract.type.boolean': {
    en: '{what} must be true or false',
    es: '{what}: debe ser true o false',
    fr: '{what} : doit être true ou false',
  },
  'contract.value.empty': {
    en: '{what} must not be empty',
    es: '{what}: no puede estar vacío',
    fr: '{what} : ne doit pas être vide',
  },
  'contract.key.unknown': {
    en: 'unknown key "{key}" in {what}{hint}',
    es: '{what}: clave desconocida "{key}"{hint}',
    fr: '{what} : clé inconnue « {key} »{hint}',
  },
  'contract.key.missing': {
    en: '{what} needs "{key}"',
    es: '{what}: falta la clave "{key}"',
    fr: '{what} : la clé « {key} » manque',
  },
  'contract.id.format': {
    en: '{what} "{text}" must be lower-case letters, digits and -',
    es: '{what}: "{text}" solo puede tener letras minúsculas, dígitos y -',
    fr: '{what} : « {text} » ne peut contenir que des lettres minuscules, des chiffres et -',
  },
  'contract.outcome_id.format': {
    en: '{what} "{text}" must be lower-case letters, digits and _',
    es: '{what}: "{text}" solo puede tener letras minúsculas, dígitos y _',
    fr: '{what} : « {text} » ne peut contenir que des lettres minuscules, des chiffres et _',
  },
  'contract.currency.format': {
    en: '{what} "{text}" must be an ISO 4217 code such as ARS',
    es: '{what}: "{text}" debe ser un código ISO 4217, como ARS',
    fr: '{what} : « {text} » doit être un code ISO 4217, comme XOF',
  },
  'contract.number.negative': {
    en: '{what} must not be negative (got {text})',
    es: '{what}: no puede ser negativo (dice {text})',
    fr: '{what} : ne doit pas être négatif (valeur écrite : {text})',
  },
  'contract.number.whole': {
    en: '{what} must be a whole number ≥ {min} (got {text})',
    es: '{what}: debe ser un número entero mayor o igual que {min} (dice {text})',
    fr: '{what} : doit être un nombre entier supérieur ou égal à {min} (valeur écrite : {text})',
  },
  'contract.number.too_large': {
    en: '{what} must be at most {max} (got {text})',
    es: '{what}: no puede superar {max} (dice {text})',
    fr: '{what} : ne doit pas dépasser {max} (valeur écrite : {text})',
  },
  'contract.amount.decimals': {
    en: '{what} has more than two decimals (got {text})',
    es: '{what}: tiene más de dos decimales (dice {text})',
    fr: '{what} : a plus de deux décimales (valeur écrite : {text})',
  },
  'contract.amount.limit': {
    en: '{what} exceeds the limit of {limit} (got {text})',
    es: '{what}: supera el límite de {limit} (dice {text})',
    fr: '{what} : dépasse la limite de {limit} (valeur écrite : {text})',
  },
  'contract.score.digits': {
    en: '{what} must have at most {before} digits before the point and {after} after',
    es: '{what}: admite como máximo {before} dígitos antes del punto decimal y {after} después',
    fr: '{what} : accepte au plus {before} chiffres avant le point décimal et {after} après',
  },
  'contract.date.invalid': {
    en: '{what} "{text}" must be a real day, YYYY-MM-DD',
    es: '{what}: "{text}" debe ser una fecha real, con la forma AAAA-MM-DD',
    fr: '{what} : « {text} » doit être une date réelle, de la forme AAAA-MM-JJ',
  },
} as const satisfies Texts;

/** The contract's parts and how they fit together. */
const parts = {
  'contract.period.reversed': {
    en: 'ends_on {ends} is before starts_on {starts}',
    es: 'ends_on {ends} es anterior a starts_on {starts}',
    fr: 'ends_on {ends} est antérieur à starts_on {starts}',
  },
  'contract.enrolment.reversed': {
    en: 'the enrolment window is reversed: to {to} is before from {from}',
    es: 'el período de inscripción está invertido: to {to} es anterior a from {from}',
    fr: 'la période d’inscription est inversée : to {to} est antérieur à from {from}',
  },
  'contract.condition.one_form': {
    en: '{what} needs exactly one of "in", "equals", "between"',
    es: '{what}: debe tener exactamente una de las claves "in", "equals" o "between"',
    fr: '{what} : doit avoir exactement une des clés « in », « equals » ou « between »',
  },
  'contract.condition.in_values': {
    en: '{what} must list one or more single values',
    es: '{what}: debe ser una lista de uno o más valores simples',
    fr: '{what} : doit être une liste d’une ou plusieurs valeurs simples',
  },
  'contract.between.shape': {
    en: '{what} needs two numbers [low, high]',
    es: '{what}: necesita dos números [mínimo, máximo]',
    fr: '{what} : attend deux nombres [minimum, maximum]',
  },
  'contract.between.digits': {
    en: '{what} bounds have at most {before} digits before the point and {after} after',
    es: '{what}: los límites admiten como máximo {before} dígitos antes del punto decimal y {after} después',
    fr: '{what} : les bornes acceptent au plus {before} chiffres avant le point décimal et {after} après',
  },
  'contract.between.order': {
    en: '{what} low {low} is above high {high}',
    es: '{what}: el mínimo {low} es mayor que el máximo {high}',
    fr: '{what} : le minimum {low} est supérieur au maximum {high}',
  },
  'contract.segments.last_when': {
    en: 'the last segment ({segment}) must have no "when": it catches everyone else',
    es: 'el último segmento ({segment}) no debe tener "when": incluye a todos los demás',
    fr: 'le dernier segment ({segment}) ne doit pas avoir de « when » : il reçoit tous les autres',
  },
  'contract.segments.when_missing': {
    en: '{what} needs "when" (only the last segment has none)',
    es: '{what}: falta "when" (solo el último segmento no lo lleva)',
    fr: '{what} : « when » manque (seul le dernier segment n’en a pas)',
  },
  'contract.segments.duplicate': {
    en: 'segment id "{id}" is used twice',
    es: 'el id de segmento "{id}" está repetido',
    fr: 'l’id de segment « {id} » est utilisé deux fois',
  },
  'contract.outcomes.empty': {
    en: 'outcomes must list at least one outcome',
    es: 'outcomes debe incluir al menos un resultado',
    fr: 'outcomes doit contenir au moins un résultat',
  },
  'contract.outcomes.duplicate': {
    en: 'outcome id "{id}" is used twice',
    es: 'el id de resultado "{id}" está repetido',
    fr: 'l’id de résultat « {id} » est utilisé deux fois',
  },
  'contract.after.unknown': {
    en: 'outcome {id} after "{after}" must be "enrolment" or an outcome listed earlier{hint}',
    es: 'resultado {id}: after "{after}" debe ser "enrolment" o un resultado que figure antes{hint}',
    fr: 'résultat {id} : after « {after} » doit être « enrolment » ou un résultat placé plus haut{hint}',
  },
  'contract.kind.unknown': {
    en: '{what} kind "{kind}" must be one of {kinds}{hint}',
    es: '{what}: kind "{kind}" debe ser uno de {kinds}{hint}',
    fr: '{what} : kind « {kind} » doit être l’un de {kinds}{hint}',
  },
  'contract.months.exceed': {
    en: '{what} months ({months}) must not exceed of_months ({of})',
    es: '{what}: months ({months}) no puede superar of_months ({of})',
    fr: '{what} : months ({months}) ne doit pas dépasser of_months ({of})',
  },
  'contract.earnings.zero': {
    en: '{what} total_earnings must be above 0',
    es: '{what}: total_earnings debe ser mayor que 0',
    fr: '{what} : total_earnings doit être supérieur à 0',
  },
  'contract.pricing.one_of': {
    en: '{what} needs exactly one of "price" and "tiers"',
    es: '{what}: debe tener exactamente una de las claves "price" o "tiers"',
    fr: '{what} : doit avoir exactement une des clés « price » ou « tiers »',
  },
  'contract.price.no_segments': {
    en: '{what} is a map by segment, but the contract defines no segments; give one amount',
    es: '{what}: da un monto por segmento, pero el contrato no define segmentos; indique un solo monto',
    fr: '{what} : donne un montant par segment, mais le contrat ne définit aucun segment ; indiquez un seul montant',
  },
  'contract.price.unknown_segment': {
    en: '{what} names unknown segment "{segment}"{hint}',
    es: '{what}: el segmento "{segment}" no existe{hint}',
    fr: '{what} : le segment « {segment} » n’existe pas{hint}',
  },
  'contract.price.unpriced': {
    en: '{what} leaves segment "{segment}" unpriced',
    es: '{what}: falta el precio del segmento "{segment}"',
    fr: '{what} : le segment « {segment} » n’a pas de prix',
  },
  'contract.tiers.empty': {
    en: '{what} must list at least one tier',
    es: '{what}: debe incluir al menos un tramo',
    fr: '{what} : doit contenir au moins un palier',
  },
  'contract.tiers.last_up_to': {
    en: '{what}: the last tier has no up_to',
    es: '{what}: el último tramo no lleva up_to',
    fr: '{what} : le dernier palier n’a pas de up_to',
  },
  'contract.tiers.up_to_missing': {
    en: '{what} needs up_to (only the last tier has none)',
    es: '{what}: falta up_to (solo el último tramo no lo lleva)',
    fr: '{what} : up_to manque (seul le dernier palier n’en a pas)',
  },
  'contract.tiers.order': {
    en: '{what} must be above {previous}',
    es: '{what}: debe ser mayor que {previous}',
    fr: '{what} : doit être supérieur à {previous}',
  },
  'contract.caps.unknown_outcome': {
    en: 'caps volume names unknown outcome "{outcome}"{hint}',
    es: 'caps › volume: el resultado "{outcome}" no existe{hint}',
    fr: 'caps › volume : le résultat « {outcome} » n’existe pas{hint}',
  },
} as const satisfies Texts;

const amendments = {
  'contract.amendment.empty': {
    en: '{what} must change "outcomes" or "caps"',
    es: '{what}: debe cambiar "outcomes" o "caps"',
    fr: '{what} : doit modifier « outcomes » ou « caps »',
  },
  'contract.amendment.base_id': {
    en: 'amendment id "base" is reserved: outputs call the contract before any amendment "base"',
    es: 'el id de adenda "base" está reservado: los archivos de salida llaman "base" al contrato sin adendas',
    fr: 'l’id d’avenant « base » est réservé : les fichiers produits appellent « base » le contrat sans avenant',
  },
  'contract.amendment.duplicate': {
    en: 'amendment id "{id}" is already used',
    es: 'el id de adenda "{id}" ya está en uso',
    fr: 'l’id d’avenant « {id} » est déjà utilisé',
  },
  'contract.amendment.order': {
    en: '{what} {date} must be after {previous} (amendments are listed oldest first)',
    es: '{what}: {date} debe ser posterior a {previous} (las adendas van de la más antigua a la más reciente)',
    fr: '{what} : {date} doit être postérieur au {previous} (les avenants vont du plus ancien au plus récent)',
  },
  'contract.amendment.unknown_outcome': {
    en: '{what} changes unknown outcome "{outcome}"{hint}',
    es: '{what}: cambia el resultado "{outcome}", que no existe{hint}',
    fr: '{what} : modifie le résultat « {outcome} », qui n’existe pas{hint}',
  },
  'contract.amendment.fixed_key': {
    en: '{what}: "{key}" cannot change in an amendment',
    es: '{what}: "{key}" no puede cambiar en una adenda',
    fr: '{what} : « {key} » ne peut pas changer dans un avenant',
  },
  'contract.amendment.removed_key': {
    en: '{what}: "{key}" cannot be removed (null); widen the value instead',
    es: '{what}: "{key}" no se puede quitar (null); en su lugar, amplíe el valor',
    fr: '{what} : « {key} » ne peut pas être supprimé (null) ; élargissez plutôt sa valeur',
  },
} as const satisfies Texts;

/**
 * A new version of a programme's contract (version-change.ts): what it may not change, and
 * a change reaching into a period already paid. These codes were released before the
 * catalogue and keep their names.
 */
const versions = {
  'contract.id_changed': {
    en: 'the contract id cannot change: {was} in the contract in force, {is} in this version',
    es: 'el id del contrato no puede cambiar: {was} en el contrato vigente, {is} en esta versión',
    fr: 'l’id du contrat ne peut pas changer : {was} dans le contrat en vigueur, {is} dans cette version',
  },
  'contract.currency_changed': {
    en: 'currency cannot change: {was} in the contract in force, {is} in this version',
    es: 'la moneda (currency) no puede cambiar: {was} en el contrato vigente, {is} en esta versión',
    fr: 'la devise (currency) ne peut pas changer : {was} dans le contrat en vigueur, {is} dans cette version',
  },
  'contract.starts_on_changed': {
    en: 'starts_on cannot change: {was} in the contract in force, {is} in this version',
    es: 'starts_on no puede cambiar: {was} en el contrato vigente, {is} en esta versión',
    fr: 'starts_on ne peut pas changer : {was} dans le contrat en vigueur, {is} dans cette version',
  },
  'contract.enrolment_from_changed': {
    en: 'the start of enrolment cannot change: {was} in the contract in force, {is} in this version',
    es: 'el inicio de la inscripción no puede cambiar: {was} en el contrato vigente, {is} en esta versión',
    fr: 'le début des inscriptions ne peut pas changer : {was} dans le contrat en vigueur, {is} dans cette version',
  },
  'contract.eligibility_changed': {
    en: 'eligibility cannot change: it decides who was eligible in periods already evaluated',
    es: 'la elegibilidad (eligibility) no puede cambiar: define quién era elegible en períodos ya evaluados',
    fr: 'l’éligibilité (eligibility) ne peut pas changer : elle décide qui était éligible pendant les périodes déjà évaluées',
  },
  'contract.segments_changed': {
    en: 'segments cannot change: they decide the prices of periods already evaluated; change prices with a dated amendment',
    es: 'los segmentos (segments) no pueden cambiar: definen los precios de períodos ya evaluados; cambie los precios con una adenda con fecha',
    fr: 'les segments ne peuvent pas changer : ils décident des prix des périodes déjà évaluées ; changez les prix par un avenant daté',
  },
  'contract.base_changed': {
    en: 'the base contract cannot change ({difference} differs); change prices and rules with a dated amendment',
    es: 'el contrato base no puede cambiar (hay diferencias en {difference}); cambie precios y reglas con una adenda con fecha',
    fr: 'le contrat de base ne peut pas changer (différence : {difference}) ; changez les prix et les règles par un avenant daté',
  },
  'contract.amendment_removed': {
    en: 'amendment {id} (effective from {date}) cannot be removed; amendments are only appended',
    es: 'la adenda {id} (vigente desde {date}) no se puede quitar; las adendas solo se agregan al final',
    fr: 'l’avenant {id} (en vigueur depuis le {date}) ne peut pas être retiré ; les avenants s’ajoutent seulement à la fin',
  },
  'contract.amendment_changed': {
    en: 'amendment {id} (effective from {date}) cannot change or move ({difference} differs); append a new amendment instead',
    es: 'la adenda {id} (vigente desde {date}) no puede cambiar ni moverse (hay diferencias en {difference}); agregue una nueva adenda al final',
    fr: 'l’avenant {id} (en vigueur depuis le {date}) ne peut ni changer ni être déplacé (différence : {difference}) ; ajoutez plutôt un nouvel avenant à la fin',
  },
  'contract.difference.outcome_list': {
    en: 'the list of outcomes',
    es: 'la lista de resultados',
    fr: 'la liste des résultats',
  },
  'contract.difference.outcome': {
    en: 'outcome {id}',
    es: 'el resultado {id}',
    fr: 'le résultat {id}',
  },
  'contract.difference.caps': { en: 'the caps', es: 'los topes (caps)', fr: 'les plafonds (caps)' },
  'contract.difference.version': { en: 'the version', es: 'la versión', fr: 'la version' },
  'contract.difference.header': {
    en: 'its id, date or reason',
    es: 'su id, fecha o motivo',
    fr: 'son id, sa date ou son motif',
  },
  'contract.retroactive': {
    en: '{cause}, on or before {paid}, the end of the latest paid bill; a change to a period already paid must be sent as a correction (with correction.reason) and approved by another person of the funder or by a verifier',
    es: '{cause}, en o antes del {paid}, fin de la última factura pagada; un cambio en un período ya pagado debe enviarse como corrección (con correction.reason) y aprobarlo otra persona del financiador o un verificador',
    fr: '{cause}, au plus tard le {paid}, fin de la dernière facture payée ; une modification d’une période déjà payée doit être envoyée comme correction (avec correction.reason) et approuvée par une autre personne du financeur ou par un vérificateur',
  },
  'contract.cause.amendment': {
    en: 'amendment {id} is effective from {date}',
    es: 'la adenda {id} rige desde el {date}',
    fr: 'l’avenant {id} s’applique à partir du {date}',
  },
  'contract.cause.ends_on': {
    en: 'ends_on changes what is paid from {date}',
    es: 'ends_on cambia lo que se paga desde el {date}',
    fr: 'ends_on change ce qui est payé à partir du {date}',
  },
  'contract.cause.enrolment_end': {
    en: 'the end of enrolment changes what is paid from {date}',
    es: 'el fin de la inscripción cambia lo que se paga desde el {date}',
    fr: 'la fin des inscriptions change ce qui est payé à partir du {date}',
  },
  // For services/programmes.ts (corrections), which still writes these in English.
  'contract.not_a_correction': {
    en: 'this version changes nothing on or before {paid}, the end of the latest paid bill; send it without "correction"',
    es: 'esta versión no cambia nada en o antes del {paid}, fin de la última factura pagada; envíela sin "correction"',
    fr: 'cette version ne change rien au plus tard le {paid}, fin de la dernière facture payée ; envoyez-la sans « correction »',
  },
  'contract.not_a_correction_unpaid': {
    en: 'no bill has been paid yet, so this version corrects nothing; send it without "correction"',
    es: 'todavía no se pagó ninguna factura, así que esta versión no corrige nada; envíela sin "correction"',
    fr: 'aucune facture n’a encore été payée, cette version ne corrige donc rien ; envoyez-la sans « correction »',
  },
  'contract.reason': {
    en: 'rejecting a correction needs a reason',
    es: 'para rechazar una corrección hace falta un motivo',
    fr: 'refuser une correction demande un motif',
  },
  'contract.not_pending': {
    en: 'contract version {version} is {status}, not a correction awaiting a decision',
    es: 'la versión {version} del contrato está en estado {status}, no es una corrección pendiente de decisión',
    fr: 'la version {version} du contrat est à l’état {status}, ce n’est pas une correction en attente de décision',
  },
} as const satisfies Texts;

export const contractMessages = {
  ...subjects,
  ...hints,
  ...syntax,
  ...values,
  ...parts,
  ...amendments,
  ...versions,
} as const satisfies Texts;
