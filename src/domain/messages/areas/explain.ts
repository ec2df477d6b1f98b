/**
 * The explanation's reasons (src/domain/explain): why an outcome was or was not achieved,
 * and what the caps did to its payment. Parameters are data as the inputs wrote them (ids,
 * ISO days, `YYYY-MM` months, exact decimals), so a reason reads the same evidence in every
 * language; `{window}` and `{fault}` are reasons of their own, worded first.
 */
import type { Texts } from '../catalogue.js';

export const explainMessages = {
  'explain.needs_first': {
    en: 'needs {outcome} first, which was not achieved',
    es: 'requiere antes {outcome}, que no se logró',
    fr: 'nécessite d’abord {outcome}, qui n’a pas été atteint',
  },
  'explain.event_counted': {
    en: '{event} on {day}',
    es: '{event} el {day}',
    fr: '{event} le {day}',
  },
  'explain.event_counted_value': {
    en: '{event} on {day} (value {value})',
    es: '{event} el {day} (valor {value})',
    fr: '{event} le {day} (valeur {value})',
  },
  'explain.event_counted_verified': {
    en: '{event} on {day}, verified',
    es: '{event} el {day}, verificado',
    fr: '{event} le {day}, vérifié',
  },
  'explain.event_counted_value_verified': {
    en: '{event} on {day} (value {value}), verified',
    es: '{event} el {day} (valor {value}), verificado',
    fr: '{event} le {day} (valeur {value}), vérifié',
  },
  'explain.gain_reached': {
    en: '{pre} {pre_value} on {pre_day}, {post} {post_value} on {day}: gain reaches {min_gain} of the room to {max_score}',
    es: '{pre} {pre_value} el {pre_day}, {post} {post_value} el {day}: la mejora alcanza {min_gain} del margen hasta {max_score}',
    fr: '{pre} {pre_value} le {pre_day}, {post} {post_value} le {day} : le gain atteint {min_gain} de la marge jusqu’à {max_score}',
  },
  'explain.employed_in': {
    en: 'employed in {months}',
    es: 'empleado en {months}',
    fr: 'en emploi en {months}',
  },
  'explain.earnings_reached': {
    en: 'earnings {amount} from {from} to {to}',
    es: 'ingresos de {amount} de {from} a {to}',
    fr: 'revenus de {amount} de {from} à {to}',
  },
  'explain.no_event': {
    en: 'no {event} event',
    es: 'ningún evento {event}',
    fr: 'aucun événement {event}',
  },
  'explain.event_not_counted': {
    en: '{event} on {day} does not count: {fault}',
    es: '{event} el {day} no cuenta: {fault}',
    fr: '{event} le {day} ne compte pas : {fault}',
  },
  'explain.fault.outside_window': {
    en: 'outside the window {window}',
    es: 'fuera del plazo {window}',
    fr: 'hors du délai {window}',
  },
  'explain.fault.value_below': {
    en: 'value below {min}',
    es: 'valor inferior a {min}',
    fr: 'valeur inférieure à {min}',
  },
  'explain.fault.not_verified': {
    en: 'not verified (the rule counts verified events only)',
    es: 'no verificado (la regla solo cuenta eventos verificados)',
    fr: 'non vérifié (la règle ne compte que les événements vérifiés)',
  },
  'explain.window.from': { en: 'from {from}', es: 'desde {from}', fr: 'à partir du {from}' },
  'explain.window.from_to': {
    en: 'from {from} to {to}',
    es: 'del {from} al {to}',
    fr: 'du {from} au {to}',
  },
  'explain.no_post_value': {
    en: 'no {post} event with a value',
    es: 'ningún evento {post} con valor',
    fr: 'aucun événement {post} avec une valeur',
  },
  'explain.post_outside_window': {
    en: '{post} on {day} is outside the window {window}',
    es: '{post} el {day} está fuera del plazo {window}',
    fr: '{post} le {day} est hors du délai {window}',
  },
  'explain.no_pre': {
    en: 'no {pre} with a value on or before {day}',
    es: 'ningún {pre} con valor el {day} o antes',
    fr: 'aucun {pre} avec une valeur le {day} ou avant',
  },
  'explain.pre_at_max': {
    en: '{pre} {value} on {day} is already at max_score {max_score}: no room to gain',
    es: '{pre} {value} el {day} ya está en max_score {max_score}: no hay margen de mejora',
    fr: '{pre} {value} le {day} est déjà à max_score {max_score} : aucune marge de gain',
  },
  'explain.gain_below': {
    en: '{pre} {pre_value} → {post} {post_value} on {day}: gain below {min_gain} of the room to {max_score}',
    es: '{pre} {pre_value} → {post} {post_value} el {day}: mejora inferior a {min_gain} del margen hasta {max_score}',
    fr: '{pre} {pre_value} → {post} {post_value} le {day} : gain inférieur à {min_gain} de la marge jusqu’à {max_score}',
  },
  'explain.no_person_key': {
    en: 'no person_key, so no employment records can be matched',
    es: 'sin person_key, no se puede asociar ningún registro de empleo',
    fr: 'pas de person_key : aucun relevé d’emploi ne peut être rapproché',
  },
  'explain.no_month_employed': {
    en: 'no month from {from} to {to} with earnings ≥ {min_earnings}',
    es: 'ningún mes de {from} a {to} con ingresos ≥ {min_earnings}',
    fr: 'aucun mois de {from} à {to} avec des revenus ≥ {min_earnings}',
  },
  'explain.employed_months': {
    en: 'employed {count} of the {needed} months needed in {from}–{to}',
    es: 'empleado {count} de los {needed} meses necesarios en {from}–{to}',
    fr: 'en emploi {count} des {needed} mois nécessaires en {from}–{to}',
  },
  'explain.employed_months_known_to': {
    en: 'employed {count} of the {needed} months needed in {from}–{to} (complete months known up to {last})',
    es: 'empleado {count} de los {needed} meses necesarios en {from}–{to} (meses completos conocidos hasta {last})',
    fr: 'en emploi {count} des {needed} mois nécessaires en {from}–{to} (mois complets connus jusqu’à {last})',
  },
  'explain.earnings_short': {
    en: 'earnings {amount} of {needed} needed in {from}–{to}',
    es: 'ingresos de {amount} de los {needed} necesarios en {from}–{to}',
    fr: 'revenus de {amount} sur les {needed} nécessaires en {from}–{to}',
  },
  'explain.paid': {
    en: 'paid {amount} (price {price}, version {version})',
    es: 'pagado {amount} (precio {price}, versión {version})',
    fr: 'payé {amount} (prix {price}, version {version})',
  },
  'explain.cut_by_total_cap': {
    en: 'price {price} cut to {amount} by the total cap of the contract',
    es: 'precio {price} reducido a {amount} por el tope total del contrato',
    fr: 'prix {price} réduit à {amount} par le plafond total du contrat',
  },
  'explain.cut_by_participant_cap': {
    en: 'price {price} cut to {amount} by the per-participant cap',
    es: 'precio {price} reducido a {amount} por el tope por participante',
    fr: 'prix {price} réduit à {amount} par le plafond par participant',
  },
  'explain.volume_cap_reached': {
    en: 'not paid: the volume cap for {outcome} was already reached',
    es: 'no pagado: ya se había alcanzado el tope de volumen de {outcome}',
    fr: 'non payé : le plafond de volume de {outcome} était déjà atteint',
  },
  'explain.participant_cap_reached': {
    en: 'not paid: the per-participant cap was already reached',
    es: 'no pagado: ya se había alcanzado el tope por participante',
    fr: 'non payé : le plafond par participant était déjà atteint',
  },
  'explain.total_cap_reached': {
    en: 'not paid: the total cap of the contract was already reached',
    es: 'no pagado: ya se había alcanzado el tope total del contrato',
    fr: 'non payé : le plafond total du contrat était déjà atteint',
  },
  'explain.out_of_period': {
    en: 'not payable: achieved outside the contract period {from} – {to}',
    es: 'no pagadero: logrado fuera del periodo del contrato {from} – {to}',
    fr: 'non payable : atteint hors de la période du contrat {from} – {to}',
  },
  'explain.ineligible.window': {
    en: 'enrolled outside the enrolment window',
    es: 'inscrito fuera del periodo de inscripción',
    fr: 'inscrit hors de la période d’inscription',
  },
  'explain.ineligible.attribute': {
    en: 'fails eligibility on {attribute}',
    es: 'no cumple la elegibilidad en {attribute}',
    fr: 'ne remplit pas la condition d’éligibilité sur {attribute}',
  },
  'explain.status': { en: 'status {status}', es: 'estado {status}', fr: 'statut {status}' },
} as const satisfies Texts;
