/**
 * The web app's own words: navigation, page titles, labels, buttons (web/, docs/web.md).
 * Codes are `web.<page or part>.<what>`; a page's words sit together under its name.
 */
import type { Texts } from '../catalogue.js';

const shell = {
  'web.app.name': { en: 'Resulta', es: 'Resulta', fr: 'Resulta' },
  'web.app.skip_to_content': {
    en: 'Skip to content',
    es: 'Ir al contenido',
    fr: 'Aller au contenu',
  },
  'web.app.loading': { en: 'Loading…', es: 'Cargando…', fr: 'Chargement…' },
  'web.app.not_found': {
    en: 'There is no page at this address.',
    es: 'No hay ninguna página en esta dirección.',
    fr: 'Aucune page ne se trouve à cette adresse.',
  },
  'web.app.back_home': {
    en: 'Back to the start page',
    es: 'Volver a la página de inicio',
    fr: 'Revenir à la page d’accueil',
  },
  'web.app.error': {
    en: 'Something went wrong: {message}',
    es: 'Algo salió mal: {message}',
    fr: 'Une erreur s’est produite : {message}',
  },
  'web.app.retry': { en: 'Try again', es: 'Reintentar', fr: 'Réessayer' },
  'web.app.offline': {
    en: 'The server could not be reached. Check the connection and try again.',
    es: 'No se pudo contactar con el servidor. Compruebe la conexión e inténtelo de nuevo.',
    fr: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  },
  'web.nav.toggle': {
    en: 'Show or hide the navigation',
    es: 'Mostrar u ocultar la navegación',
    fr: 'Afficher ou masquer la navigation',
  },
  'web.nav.label': {
    en: 'Main navigation',
    es: 'Navegación principal',
    fr: 'Navigation principale',
  },
  'web.nav.dashboard': { en: 'Dashboard', es: 'Panel', fr: 'Tableau de bord' },
  'web.nav.participants': { en: 'Participants', es: 'Participantes', fr: 'Participants' },
  'web.nav.contracts': { en: 'Contract', es: 'Contrato', fr: 'Contrat' },
  'web.nav.imports': { en: 'Imports', es: 'Importaciones', fr: 'Importations' },
  'web.nav.runs': {
    en: 'Runs and verification',
    es: 'Cálculos y verificación',
    fr: 'Calculs et vérification',
  },
  'web.nav.bills': { en: 'Bills', es: 'Facturas', fr: 'Factures' },
  'web.nav.admin': { en: 'Administration', es: 'Administración', fr: 'Administration' },
  'web.nav.programme': { en: 'Programme', es: 'Programa', fr: 'Programme' },
  'web.nav.no_programme': {
    en: 'Your organisation takes part in no programme yet.',
    es: 'Su organización todavía no participa en ningún programa.',
    fr: 'Votre organisation ne participe encore à aucun programme.',
  },
  'web.language.label': { en: 'Language', es: 'Idioma', fr: 'Langue' },
  'web.language.en': { en: 'English', es: 'English', fr: 'English' },
  'web.language.es': { en: 'Español', es: 'Español', fr: 'Español' },
  'web.language.fr': { en: 'Français', es: 'Français', fr: 'Français' },
  'web.role.funder': { en: 'Funder', es: 'Financiador', fr: 'Bailleur' },
  'web.role.provider': { en: 'Provider', es: 'Proveedor', fr: 'Prestataire' },
  'web.role.verifier': { en: 'Verifier', es: 'Verificador', fr: 'Vérificateur' },
  'web.role.investor': { en: 'Investor', es: 'Inversor', fr: 'Investisseur' },
  'web.account.signed_in_as': {
    en: 'Signed in as {user} ({role}, {organisation})',
    es: 'Sesión iniciada como {user} ({role}, {organisation})',
    fr: 'Connecté en tant que {user} ({role}, {organisation})',
  },
  'web.account.sign_out': { en: 'Sign out', es: 'Cerrar sesión', fr: 'Se déconnecter' },
  'web.page.coming': {
    en: 'This page is being built.',
    es: 'Esta página está en construcción.',
    fr: 'Cette page est en cours de construction.',
  },
} as const satisfies Texts;

const signIn = {
  'web.sign_in.title': { en: 'Sign in', es: 'Iniciar sesión', fr: 'Connexion' },
  'web.sign_in.intro': {
    en: 'Outcome contracts, payments and evidence for your programmes.',
    es: 'Contratos por resultados, pagos y evidencias de sus programas.',
    fr: 'Contrats à résultats, paiements et justificatifs de vos programmes.',
  },
  'web.sign_in.email': { en: 'E-mail', es: 'Correo electrónico', fr: 'Adresse e-mail' },
  'web.sign_in.password': { en: 'Password', es: 'Contraseña', fr: 'Mot de passe' },
  'web.sign_in.submit': { en: 'Sign in', es: 'Iniciar sesión', fr: 'Se connecter' },
  'web.sign_in.bad_credentials': {
    en: 'Wrong e-mail or password.',
    es: 'Correo electrónico o contraseña incorrectos.',
    fr: 'Adresse e-mail ou mot de passe incorrect.',
  },
  'web.sign_in.too_many': {
    en: 'Too many failed attempts. Try again in {seconds} seconds.',
    es: 'Demasiados intentos fallidos. Vuelva a intentarlo dentro de {seconds} segundos.',
    fr: 'Trop de tentatives infructueuses. Réessayez dans {seconds} secondes.',
  },
  'web.sign_in.signed_out': {
    en: 'You are signed out.',
    es: 'Ha cerrado la sesión.',
    fr: 'Vous êtes déconnecté.',
  },
} as const satisfies Texts;

export const webMessages = { ...shell, ...signIn } as const satisfies Texts;
