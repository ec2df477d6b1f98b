/**
 * What the HTTP API says: the title of each kind of error answer (RFC 9457 `title`), the
 * refusals every route shares (sign-in, role, token scope, not found, bad content type or
 * text), and the refusals of the read and upload routes. Route-specific refusals of other
 * areas (administration, sign-in) live in their own area files.
 */
import type { Texts } from '../catalogue.js';

/** `title` of a problem answer, by HTTP status. */
const titles = {
  'api.title.400': { en: 'Bad request', es: 'Solicitud incorrecta', fr: 'Requête incorrecte' },
  'api.title.401': {
    en: 'Sign-in required',
    es: 'Es necesario iniciar sesión',
    fr: 'Connexion requise',
  },
  'api.title.403': { en: 'Not allowed', es: 'No permitido', fr: 'Action non autorisée' },
  'api.title.404': { en: 'Not found', es: 'No encontrado', fr: 'Introuvable' },
  'api.title.405': {
    en: 'Method not allowed',
    es: 'Método no permitido',
    fr: 'Méthode non autorisée',
  },
  'api.title.409': {
    en: 'Conflict with the current state',
    es: 'Conflicto con el estado actual',
    fr: 'Conflit avec l’état actuel',
  },
  'api.title.413': {
    en: 'Request too large',
    es: 'Solicitud demasiado grande',
    fr: 'Requête trop volumineuse',
  },
  'api.title.415': {
    en: 'Unsupported content type',
    es: 'Tipo de contenido no admitido',
    fr: 'Type de contenu non pris en charge',
  },
  'api.title.422': {
    en: 'The input has problems',
    es: 'Los datos enviados tienen problemas',
    fr: 'Les données envoyées comportent des problèmes',
  },
  'api.title.429': {
    en: 'Too many requests',
    es: 'Demasiadas solicitudes',
    fr: 'Trop de requêtes',
  },
  'api.title.500': {
    en: 'Internal server error',
    es: 'Error interno del servidor',
    fr: 'Erreur interne du serveur',
  },
  'api.title.502': {
    en: 'A service the server relies on failed',
    es: 'Falló un servicio del que depende el servidor',
    fr: 'Un service dont dépend le serveur a échoué',
  },
  'api.title.other': {
    en: 'The request failed',
    es: 'La solicitud no se pudo completar',
    fr: 'La requête a échoué',
  },
} as const satisfies Texts;

/** Refusals any route may answer. */
const refusals = {
  'api.not_found': { en: 'not found', es: 'no encontrado', fr: 'introuvable' },
  'api.unauthorised': {
    en: 'sign in, or send an API token',
    es: 'inicie sesión o envíe un token de API',
    fr: 'connectez-vous ou envoyez un jeton d’API',
  },
  'api.forbidden': {
    en: 'your organisation may not do this here',
    es: 'su organización no puede hacer esto aquí',
    fr: 'votre organisation n’est pas autorisée à faire cela ici',
  },
  'api.session_required': {
    en: 'only a signed-in person may {action}',
    es: 'solo una persona que haya iniciado sesión puede hacer esto ({action})',
    fr: 'seule une personne connectée peut faire cela ({action})',
  },
  'api.insufficient_scope.read_only': {
    en: 'this API token may only read (scope read)',
    es: 'este token de API solo permite leer (alcance read)',
    fr: 'ce jeton d’API ne permet que la lecture (portée read)',
  },
  'api.insufficient_scope.write_only': {
    en: 'this API token may only write (scope write)',
    es: 'este token de API solo permite escribir (alcance write)',
    fr: 'ce jeton d’API ne permet que l’écriture (portée write)',
  },
  'api.invalid_text': {
    en: '{where}: {problem}',
    es: '{where}: {problem}',
    fr: '{where} : {problem}',
  },
  'api.send_json': {
    en: 'send JSON (content-type application/json), not {type}',
    es: 'envíe JSON (content-type application/json), no {type}',
    fr: 'envoyez du JSON (content-type application/json), pas {type}',
  },
  'api.bad_request': {
    en: 'the request does not match what this route reads: {details}',
    es: 'la solicitud no corresponde a lo que espera esta ruta: {details}',
    fr: 'la requête ne correspond pas à ce qu’attend cette route : {details}',
  },
  'api.too_many_requests': {
    en: 'too many requests from your address; try again in a minute',
    es: 'demasiadas solicitudes desde su dirección; vuelva a intentarlo en un minuto',
    fr: 'trop de requêtes depuis votre adresse ; réessayez dans une minute',
  },
  'api.body_too_large': {
    en: 'the request body is larger than the server accepts',
    es: 'el cuerpo de la solicitud supera el tamaño que acepta el servidor',
    fr: 'le corps de la requête dépasse la taille acceptée par le serveur',
  },
  'api.invalid_input': {
    en: 'the input has problems',
    es: 'los datos enviados tienen problemas',
    fr: 'les données envoyées comportent des problèmes',
  },
  'api.internal': {
    en: 'something went wrong on the server; it has been logged under request id {id}',
    es: 'algo salió mal en el servidor; quedó registrado con el identificador de solicitud {id}',
    fr: 'une erreur s’est produite sur le serveur ; elle a été consignée sous l’identifiant de requête {id}',
  },
} as const satisfies Texts;

/** Uploads: the file is the request body. */
const uploads = {
  'api.upload.no_file': {
    en: 'send the file as the request body, with content-type {types}',
    es: 'envíe el archivo como cuerpo de la solicitud, con content-type {types}',
    fr: 'envoyez le fichier comme corps de la requête, avec le content-type {types}',
  },
  'api.upload.not_a_file': {
    en: '{type} is not a file: send the file as the request body, with content-type {types}',
    es: '{type} no es un archivo: envíe el archivo como cuerpo de la solicitud, con content-type {types}',
    fr: '{type} n’est pas un fichier : envoyez le fichier comme corps de la requête, avec le content-type {types}',
  },
} as const satisfies Texts;

/** Runs, bills and their reads. */
const reads = {
  'api.run.no_pack': {
    en: 'run {run} has no evidence pack: only a succeeded run has one',
    es: 'la ejecución {run} no tiene paquete de evidencias: solo una ejecución completada con éxito lo tiene',
    fr: 'l’exécution {run} n’a pas de dossier de preuves : seule une exécution réussie en a un',
  },
  'api.run.not_explainable': {
    en: 'run {run} is {status}: only a succeeded run can be explained',
    es: 'la ejecución {run} está en estado {status}: solo se puede explicar una ejecución completada con éxito',
    fr: 'l’exécution {run} est à l’état {status} : seule une exécution réussie peut être expliquée',
  },
  'api.run.not_in_run': {
    en: 'participant "{participant}" is not in run {run}: it enrolled after the as-of day {as_of}, or was enrolled after the run',
    es: 'el participante "{participant}" no está en la ejecución {run}: se inscribió después de la fecha de corte {as_of}, o después de la ejecución',
    fr: 'le participant « {participant} » ne figure pas dans l’exécution {run} : il a été inscrit après la date d’arrêté {as_of}, ou après l’exécution',
  },
  'api.bill.key_reused': {
    en: 'you used this Idempotency-Key to pay bill {bill}; send a new key for each payment',
    es: 'ya usó esta Idempotency-Key para pagar la factura {bill}; envíe una clave nueva para cada pago',
    fr: 'vous avez déjà utilisé cette Idempotency-Key pour payer la facture {bill} ; envoyez une nouvelle clé pour chaque paiement',
  },
} as const satisfies Texts;

export const apiMessages = {
  ...titles,
  ...refusals,
  ...uploads,
  ...reads,
} as const satisfies Texts;
