/** Administration: organisations, users, invitations, programmes and their members. */
import type { Texts } from '../catalogue.js';

/** Refusals, problems and e-mails of administration (services, API). */
const adminTexts = {
  'admin.refused.not_administrator': {
    en: 'You do not administer Resulta. Ask a platform administrator, or an administrator of your organisation or programme.',
    es: 'Usted no administra Resulta. Pídaselo a un administrador de la plataforma, o a un administrador de su organización o de su programa.',
    fr: 'Vous n’administrez pas Resulta. Adressez-vous à un administrateur de la plateforme, ou à un administrateur de votre organisation ou de votre programme.',
  },
  'admin.refused.create_organisation': {
    en: 'You may not create an organisation of kind "{kind}": platform administrators create any organisation, programme administrators providers, verifiers and investors.',
    es: 'No puede crear una organización de tipo "{kind}": los administradores de la plataforma crean cualquier organización; los administradores de un programa, proveedores, verificadores e inversores.',
    fr: 'Vous ne pouvez pas créer une organisation de type « {kind} » : les administrateurs de la plateforme créent toute organisation, les administrateurs d’un programme des prestataires, des vérificateurs et des investisseurs.',
  },
  'admin.refused.create_programme': {
    en: 'Only a platform administrator, or an administrator of the organisation "{funder}", may create a programme it funds.',
    es: 'Solo un administrador de la plataforma, o un administrador de la organización "{funder}", puede crear un programa que ella financie.',
    fr: 'Seul un administrateur de la plateforme, ou un administrateur de l’organisation « {funder} », peut créer un programme qu’elle finance.',
  },
  'admin.refused.people': {
    en: 'You may not add or deactivate people of "{organisation}": you do not administer it, or it takes part in programmes you do not administer.',
    es: 'No puede agregar ni dar de baja personas de "{organisation}": usted no administra esa organización, o participa en programas que usted no administra.',
    fr: 'Vous ne pouvez pas ajouter ni désactiver des personnes de « {organisation} » : vous ne l’administrez pas, ou elle participe à des programmes que vous n’administrez pas.',
  },
  'admin.refused.grant': {
    en: 'You may not give or take away the role {role}.',
    es: 'No puede otorgar ni quitar el rol {role}.',
    fr: 'Vous ne pouvez pas attribuer ni retirer le rôle {role}.',
  },
  'admin.refused.self': {
    en: 'You cannot deactivate your own account; ask another administrator.',
    es: 'No puede dar de baja su propia cuenta; pídaselo a otro administrador.',
    fr: 'Vous ne pouvez pas désactiver votre propre compte ; demandez-le à un autre administrateur.',
  },
  'admin.refused.session': {
    en: 'Only a person signed in may administer Resulta; API tokens may not.',
    es: 'Solo una persona con sesión iniciada puede administrar Resulta; los tokens de API no.',
    fr: 'Seule une personne connectée peut administrer Resulta ; les jetons d’API ne le peuvent pas.',
  },
  'admin.organisation.id': {
    en: 'The organisation id "{id}" must be 2 to 63 lower-case letters (a–z), digits and hyphens, starting with a letter or a digit.',
    es: 'El identificador de organización "{id}" debe tener de 2 a 63 letras minúsculas (a–z), dígitos y guiones, y empezar con una letra o un dígito.',
    fr: 'L’identifiant d’organisation « {id} » doit compter de 2 à 63 lettres minuscules (a–z), chiffres et tirets, et commencer par une lettre ou un chiffre.',
  },
  'admin.organisation.name': {
    en: 'The organisation needs a name of at most {max} characters.',
    es: 'La organización necesita un nombre de hasta {max} caracteres.',
    fr: 'L’organisation doit avoir un nom de {max} caractères au plus.',
  },
  'admin.organisation.kind': {
    en: 'The kind "{kind}" is not one of funder, provider, verifier, investor.',
    es: 'El tipo "{kind}" no es ninguno de funder (financiador), provider (proveedor), verifier (verificador) o investor (inversor).',
    fr: 'Le type « {kind} » n’est ni funder (bailleur), ni provider (prestataire), ni verifier (vérificateur), ni investor (investisseur).',
  },
  'admin.organisation.exists': {
    en: 'An organisation with the id "{id}" exists already.',
    es: 'Ya existe una organización con el identificador "{id}".',
    fr: 'Une organisation d’identifiant « {id} » existe déjà.',
  },
  'admin.organisation.unknown': {
    en: 'There is no organisation "{id}".',
    es: 'No existe la organización "{id}".',
    fr: 'Il n’existe pas d’organisation « {id} ».',
  },
  'admin.programme.id': {
    en: 'The programme id "{id}" must be 2 to 63 lower-case letters (a–z), digits and hyphens, starting with a letter or a digit.',
    es: 'El identificador de programa "{id}" debe tener de 2 a 63 letras minúsculas (a–z), dígitos y guiones, y empezar con una letra o un dígito.',
    fr: 'L’identifiant de programme « {id} » doit compter de 2 à 63 lettres minuscules (a–z), chiffres et tirets, et commencer par une lettre ou un chiffre.',
  },
  'admin.programme.title': {
    en: 'The programme needs a title of at most {max} characters.',
    es: 'El programa necesita un título de hasta {max} caracteres.',
    fr: 'Le programme doit avoir un titre de {max} caractères au plus.',
  },
  'admin.programme.exists': {
    en: 'A programme with the id "{id}" exists already.',
    es: 'Ya existe un programa con el identificador "{id}".',
    fr: 'Un programme d’identifiant « {id} » existe déjà.',
  },
  'admin.programme.unknown': {
    en: 'There is no programme "{id}" that you administer.',
    es: 'No existe ningún programa "{id}" que usted administre.',
    fr: 'Il n’existe pas de programme « {id} » que vous administrez.',
  },
  'admin.programme.no_contract': {
    en: 'The programme "{id}" has no contract yet: an administrator sets it from its YAML file first.',
    es: 'El programa "{id}" todavía no tiene contrato: primero un administrador debe cargarlo desde su archivo YAML.',
    fr: 'Le programme « {id} » n’a pas encore de contrat : un administrateur doit d’abord le définir à partir de son fichier YAML.',
  },
  'admin.programme.funder_kind': {
    en: 'The organisation "{id}" is of kind "{kind}": a programme is funded by an organisation of kind funder.',
    es: 'La organización "{id}" es de tipo "{kind}": un programa lo financia una organización de tipo funder (financiador).',
    fr: 'L’organisation « {id} » est de type « {kind} » : un programme est financé par une organisation de type funder (bailleur).',
  },
  'admin.member.kind': {
    en: 'The organisation "{id}" is a funder: the members of a programme are providers, verifiers and investors, and its funder is set when it is created.',
    es: 'La organización "{id}" es un financiador: los miembros de un programa son proveedores, verificadores e inversores, y su financiador se fija al crearlo.',
    fr: 'L’organisation « {id} » est un bailleur : les membres d’un programme sont des prestataires, des vérificateurs et des investisseurs, et son bailleur est fixé à sa création.',
  },
  'admin.member.exists': {
    en: '"{organisation}" takes part in "{programme}" already.',
    es: '"{organisation}" ya participa en "{programme}".',
    fr: '« {organisation} » participe déjà à « {programme} ».',
  },
  'admin.member.unknown': {
    en: '"{organisation}" is not a member of "{programme}".',
    es: '"{organisation}" no es miembro de "{programme}".',
    fr: '« {organisation} » n’est pas membre de « {programme} ».',
  },
  'admin.member.reason': {
    en: 'Removing a member needs a reason; it is kept in the audit log.',
    es: 'Para quitar un miembro hay que indicar un motivo; queda en el registro de auditoría.',
    fr: 'Retirer un membre exige un motif ; il est conservé dans le journal d’audit.',
  },
  'admin.contract.reason': {
    en: 'The programme has a contract already: a new version needs a reason, kept in the audit log.',
    es: 'El programa ya tiene un contrato: una nueva versión requiere un motivo, que queda en el registro de auditoría.',
    fr: 'Le programme a déjà un contrat : une nouvelle version exige un motif, conservé dans le journal d’audit.',
  },
  'admin.contract.pending': {
    en: 'Correction {version} awaits a decision; approve or reject it before changing the contract again.',
    es: 'La corrección {version} espera una decisión; apruébela o recházela antes de volver a modificar el contrato.',
    fr: 'La correction {version} attend une décision ; approuvez-la ou rejetez-la avant de modifier à nouveau le contrat.',
  },
  'admin.user.email': {
    en: '"{email}" is not an e-mail address.',
    es: '"{email}" no es una dirección de correo electrónico.',
    fr: '« {email} » n’est pas une adresse électronique.',
  },
  'admin.user.name': {
    en: 'A name has at most {max} characters.',
    es: 'Un nombre tiene como máximo {max} caracteres.',
    fr: 'Un nom compte au plus {max} caractères.',
  },
  'admin.user.exists': {
    en: 'Someone already has an account with the address {email}.',
    es: 'Ya hay una cuenta con la dirección {email}.',
    fr: 'Un compte existe déjà avec l’adresse {email}.',
  },
  'admin.user.other_organisation': {
    en: 'The deactivated account {email} belongs to "{organisation}": a person who works for another organisation needs another e-mail address.',
    es: 'La cuenta dada de baja {email} pertenece a "{organisation}": quien trabaja para otra organización necesita otra dirección de correo.',
    fr: 'Le compte désactivé {email} appartient à « {organisation} » : une personne qui travaille pour une autre organisation a besoin d’une autre adresse électronique.',
  },
  'admin.user.unknown': {
    en: 'No account has the address {email}.',
    es: 'Ninguna cuenta tiene la dirección {email}.',
    fr: 'Aucun compte n’a l’adresse {email}.',
  },
  'admin.user.unknown_id': {
    en: 'There is no account {id} that you administer.',
    es: 'No existe ninguna cuenta {id} que usted administre.',
    fr: 'Il n’existe pas de compte {id} que vous administrez.',
  },
  'admin.user.inactive': {
    en: 'The account {email} is deactivated.',
    es: 'La cuenta {email} está dada de baja.',
    fr: 'Le compte {email} est désactivé.',
  },
  'admin.user.reason': {
    en: 'Deactivating an account needs a reason; it is kept in the audit log.',
    es: 'Para dar de baja una cuenta hay que indicar un motivo; queda en el registro de auditoría.',
    fr: 'Désactiver un compte exige un motif ; il est conservé dans le journal d’audit.',
  },
  'admin.role.member': { en: 'member', es: 'miembro', fr: 'membre' },
  'admin.role.organisation_admin': {
    en: 'administrator of the organisation',
    es: 'administrador de la organización',
    fr: 'administrateur de l’organisation',
  },
  'admin.role.programme_admin': {
    en: 'administrator of the programme',
    es: 'administrador del programa',
    fr: 'administrateur du programme',
  },
  'admin.role.platform_admin': {
    en: 'platform administrator',
    es: 'administrador de la plataforma',
    fr: 'administrateur de la plateforme',
  },
  'admin.role.unknown': {
    en: 'The role "{role}" is not one of member, organisation_admin, programme_admin, platform_admin.',
    es: 'El rol "{role}" no es ninguno de member, organisation_admin, programme_admin o platform_admin.',
    fr: 'Le rôle « {role} » n’est ni member, ni organisation_admin, ni programme_admin, ni platform_admin.',
  },
  'admin.role.programme_needed': {
    en: 'A programme administrator is named for one programme: give the programme.',
    es: 'Un administrador de programa se designa para un programa: indique cuál.',
    fr: 'Un administrateur de programme est désigné pour un programme : indiquez lequel.',
  },
  'admin.role.programme_unexpected': {
    en: 'Only the role programme_admin names a programme.',
    es: 'Solo el rol programme_admin se refiere a un programa.',
    fr: 'Seul le rôle programme_admin porte sur un programme.',
  },
  'admin.role.not_funder': {
    en: '{email} works for "{organisation}", which does not fund "{programme}": the administrators of a programme are people of its funder.',
    es: '{email} trabaja para "{organisation}", que no financia "{programme}": los administradores de un programa son personas de su financiador.',
    fr: '{email} travaille pour « {organisation} », qui ne finance pas « {programme} » : les administrateurs d’un programme sont des personnes de son bailleur.',
  },
  'admin.role.held': {
    en: '{email} has the role {role} already.',
    es: '{email} ya tiene el rol {role}.',
    fr: '{email} a déjà le rôle {role}.',
  },
  'admin.role.not_held': {
    en: '{email} does not have the role {role}.',
    es: '{email} no tiene el rol {role}.',
    fr: '{email} n’a pas le rôle {role}.',
  },
  'admin.invitation.not_in_programme': {
    en: '"{organisation}" does not take part in "{programme}"; add it to the programme first.',
    es: '"{organisation}" no participa en "{programme}"; agréguela primero al programa.',
    fr: '« {organisation} » ne participe pas à « {programme} » ; ajoutez-la d’abord au programme.',
  },
  'admin.invitation.not_funder': {
    en: '"{organisation}" does not fund "{programme}": the administrators of a programme are people of its funder.',
    es: '"{organisation}" no financia "{programme}": los administradores de un programa son personas de su financiador.',
    fr: '« {organisation} » ne finance pas « {programme} » : les administrateurs d’un programme sont des personnes de son bailleur.',
  },
  'admin.invitation.unknown': {
    en: 'There is no invitation {id} that you administer.',
    es: 'No existe ninguna invitación {id} que usted administre.',
    fr: 'Il n’existe pas d’invitation {id} que vous administrez.',
  },
  'admin.invitation.closed': {
    en: 'Invitation {id} has been accepted or withdrawn already.',
    es: 'La invitación {id} ya fue aceptada o retirada.',
    fr: 'L’invitation {id} a déjà été acceptée ou retirée.',
  },
  'admin.invitation.invalid': {
    en: 'This invitation link does not work: it may have expired, been used already or been withdrawn. Ask the person who invited you for a new one.',
    es: 'Este enlace de invitación no funciona: puede haber vencido, haberse usado ya o haber sido retirado. Pida una nueva invitación a quien lo invitó.',
    fr: 'Ce lien d’invitation ne fonctionne pas : il a peut-être expiré, déjà servi ou été retiré. Demandez une nouvelle invitation à la personne qui vous a invité.',
  },
  'admin.password.short': {
    en: 'The password needs at least {min} characters.',
    es: 'La contraseña debe tener al menos {min} caracteres.',
    fr: 'Le mot de passe doit compter au moins {min} caractères.',
  },
  'admin.password.long': {
    en: 'The password may have at most {max} characters.',
    es: 'La contraseña puede tener como máximo {max} caracteres.',
    fr: 'Le mot de passe peut compter au plus {max} caractères.',
  },
  'admin.password.email': {
    en: 'The password must not contain the first part of your e-mail address.',
    es: 'La contraseña no debe contener la primera parte de su dirección de correo.',
    fr: 'Le mot de passe ne doit pas contenir la première partie de votre adresse électronique.',
  },
  'admin.password.common': {
    en: 'This password is among the first that anyone guessing would try; choose another, such as a few unrelated words.',
    es: 'Esta contraseña está entre las primeras que probaría cualquiera que intente adivinarla; elija otra, por ejemplo varias palabras sin relación entre sí.',
    fr: 'Ce mot de passe est parmi les premiers qu’essaierait quiconque cherche à le deviner ; choisissez-en un autre, par exemple quelques mots sans rapport entre eux.',
  },
  'admin.mail.subject': {
    en: 'Your invitation to Resulta ({organisation})',
    es: 'Su invitación a Resulta ({organisation})',
    fr: 'Votre invitation à Resulta ({organisation})',
  },
  'admin.mail.body': {
    en: 'Hello,\n\n{inviter} invites you to use Resulta in the organisation {organisation}. Your role: {role}.\n\nTo accept, open this link and choose your password:\n\n{link}\n\nThe link works once, until {expires}. If you did not expect this invitation, ignore this e-mail: no account is opened until the link is used.',
    es: 'Hola:\n\n{inviter} le envía una invitación para usar Resulta en la organización {organisation}. Su rol: {role}.\n\nPara aceptar, abra este enlace y elija su contraseña:\n\n{link}\n\nEl enlace sirve una sola vez, hasta el {expires}. Si no esperaba esta invitación, ignore este correo: no se abre ninguna cuenta mientras no se use el enlace.',
    fr: 'Bonjour,\n\n{inviter} vous invite à utiliser Resulta au sein de l’organisation {organisation}. Votre rôle : {role}.\n\nPour accepter, ouvrez ce lien et choisissez votre mot de passe :\n\n{link}\n\nLe lien ne sert qu’une fois, jusqu’au {expires}. Si vous n’attendiez pas cette invitation, ignorez ce message : aucun compte n’est ouvert tant que le lien n’a pas servi.',
  },
  'admin.mail.body_programme': {
    en: 'Hello,\n\n{inviter} invites you to use Resulta in the organisation {organisation}, for the programme "{programme}". Your role: {role}.\n\nTo accept, open this link and choose your password:\n\n{link}\n\nThe link works once, until {expires}. If you did not expect this invitation, ignore this e-mail: no account is opened until the link is used.',
    es: 'Hola:\n\n{inviter} le envía una invitación para usar Resulta en la organización {organisation}, para el programa "{programme}". Su rol: {role}.\n\nPara aceptar, abra este enlace y elija su contraseña:\n\n{link}\n\nEl enlace sirve una sola vez, hasta el {expires}. Si no esperaba esta invitación, ignore este correo: no se abre ninguna cuenta mientras no se use el enlace.',
    fr: 'Bonjour,\n\n{inviter} vous invite à utiliser Resulta au sein de l’organisation {organisation}, pour le programme « {programme} ». Votre rôle : {role}.\n\nPour accepter, ouvrez ce lien et choisissez votre mot de passe :\n\n{link}\n\nLe lien ne sert qu’une fois, jusqu’au {expires}. Si vous n’attendiez pas cette invitation, ignorez ce message : aucun compte n’est ouvert tant que le lien n’a pas servi.',
  },
  'admin.mail.operator': {
    en: 'The administrator of this Resulta installation',
    es: 'El administrador de esta instalación de Resulta',
    fr: 'L’administrateur de cette installation de Resulta',
  },
  'admin.mail.failed': {
    en: 'The invitation e-mail could not be sent, so the invitation was withdrawn; the error is in the server log. Check the mail settings (RESULTA_SMTP_URL), then invite again.',
    es: 'No se pudo enviar el correo de invitación, por lo que la invitación fue retirada; el error figura en el registro del servidor. Revise la configuración de correo (RESULTA_SMTP_URL) y vuelva a invitar.',
    fr: 'Le message d’invitation n’a pas pu être envoyé ; l’invitation a donc été retirée et l’erreur figure dans le journal du serveur. Vérifiez la configuration de la messagerie (RESULTA_SMTP_URL), puis invitez à nouveau.',
  },
  'admin.init.exists': {
    en: 'Resulta has an administrator already ({email}); administrators invite each other from now on (resulta admin invite --role platform_admin).',
    es: 'Resulta ya tiene un administrador ({email}); de ahora en adelante los administradores se invitan entre sí (resulta admin invite --role platform_admin).',
    fr: 'Resulta a déjà un administrateur ({email}) ; désormais, les administrateurs s’invitent entre eux (resulta admin invite --role platform_admin).',
  },
  'admin.init.organisation': {
    en: 'There is no organisation "{id}": give its name (--organisation-name) to create it, and its kind (--kind, funder by default).',
    es: 'No existe la organización "{id}": indique su nombre (--organisation-name) para crearla, y su tipo (--kind, funder por omisión).',
    fr: 'Il n’existe pas d’organisation « {id} » : donnez son nom (--organisation-name) pour la créer, et son type (--kind, funder par défaut).',
  },
  'admin.store.locked': {
    en: 'The embedded database in {folder} is in use by process {pid} (a running resulta serve?). Stop it first, or run Resulta on a PostgreSQL server (DATABASE_URL), which several processes share. If no such process runs, delete {file}.',
    es: 'La base de datos integrada en {folder} está en uso por el proceso {pid} (¿un resulta serve en ejecución?). Deténgalo primero, o use Resulta con un servidor PostgreSQL (DATABASE_URL), que varios procesos pueden compartir. Si no hay tal proceso, borre {file}.',
    fr: 'La base intégrée dans {folder} est utilisée par le processus {pid} (un resulta serve en cours ?). Arrêtez-le d’abord, ou faites tourner Resulta sur un serveur PostgreSQL (DATABASE_URL), que plusieurs processus peuvent partager. Si aucun processus de ce type ne tourne, supprimez {file}.',
  },
  'admin.settings.url': {
    en: '{name}="{value}" is not a URL of the kind expected ({protocols}).',
    es: '{name}="{value}" no es una URL del tipo esperado ({protocols}).',
    fr: '{name}="{value}" n’est pas une URL du type attendu ({protocols}).',
  },
  'admin.settings.days': {
    en: '{name}="{value}": expected a whole number of days from 1 to {max}.',
    es: '{name}="{value}": se esperaba un número entero de días entre 1 y {max}.',
    fr: '{name}="{value}" : un nombre entier de jours entre 1 et {max} était attendu.',
  },
} as const satisfies Texts;

/** The command line's administration (`resulta admin …`) and `resulta serve`. */
const cliTexts = {
  'admin.cli.description': {
    en: 'administer this installation: organisations, people, invitations, programmes (on RESULTA_DATA, or DATABASE_URL)',
    es: 'administrar esta instalación: organizaciones, personas, invitaciones, programas (en RESULTA_DATA, o DATABASE_URL)',
    fr: 'administrer cette installation : organisations, personnes, invitations, programmes (sur RESULTA_DATA, ou DATABASE_URL)',
  },
  'admin.cli.init.description': {
    en: 'invite the first platform administrator and print the link (only while there is none)',
    es: 'invitar al primer administrador de la plataforma e imprimir el enlace (solo mientras no haya ninguno)',
    fr: 'inviter le premier administrateur de la plateforme et afficher le lien (tant qu’il n’y en a aucun)',
  },
  'admin.cli.create_organisation.description': {
    en: 'create an organisation (funder, provider, verifier or investor)',
    es: 'crear una organización (financiador, proveedor, verificador o inversor)',
    fr: 'créer une organisation (bailleur, prestataire, vérificateur ou investisseur)',
  },
  'admin.cli.list_organisations.description': {
    en: 'list the organisations',
    es: 'listar las organizaciones',
    fr: 'lister les organisations',
  },
  'admin.cli.invite.description': {
    en: 'invite a person into an organisation with a role; prints the one-time link, or e-mails it with --send',
    es: 'invitar a una persona a una organización con un rol; imprime el enlace de un solo uso, o lo envía por correo con --send',
    fr: 'inviter une personne dans une organisation avec un rôle ; affiche le lien à usage unique, ou l’envoie par courriel avec --send',
  },
  'admin.cli.list_invitations.description': {
    en: 'list the invitations not yet accepted or withdrawn',
    es: 'listar las invitaciones aún no aceptadas ni retiradas',
    fr: 'lister les invitations ni acceptées ni retirées',
  },
  'admin.cli.withdraw_invitation.description': {
    en: 'withdraw an invitation: its link stops working',
    es: 'retirar una invitación: su enlace deja de funcionar',
    fr: 'retirer une invitation : son lien cesse de fonctionner',
  },
  'admin.cli.list_users.description': {
    en: 'list the people with an account, and their administrative roles',
    es: 'listar las personas con cuenta y sus roles de administración',
    fr: 'lister les personnes ayant un compte, et leurs rôles d’administration',
  },
  'admin.cli.deactivate_user.description': {
    en: 'deactivate an account: no more sign-in; sessions end, API tokens are revoked',
    es: 'dar de baja una cuenta: ya no puede iniciar sesión; sus sesiones terminan y sus tokens de API se revocan',
    fr: 'désactiver un compte : plus de connexion ; ses sessions prennent fin, ses jetons d’API sont révoqués',
  },
  'admin.cli.grant_role.description': {
    en: 'give a person an administrative role',
    es: 'otorgar a una persona un rol de administración',
    fr: 'attribuer à une personne un rôle d’administration',
  },
  'admin.cli.revoke_role.description': {
    en: 'take an administrative role away from a person',
    es: 'quitar a una persona un rol de administración',
    fr: 'retirer à une personne un rôle d’administration',
  },
  'admin.cli.create_programme.description': {
    en: 'create a programme funded by an organisation, with its contract if given',
    es: 'crear un programa financiado por una organización, con su contrato si se indica',
    fr: 'créer un programme financé par une organisation, avec son contrat s’il est donné',
  },
  'admin.cli.list_programmes.description': {
    en: 'list the programmes',
    es: 'listar los programas',
    fr: 'lister les programmes',
  },
  'admin.cli.list_members.description': {
    en: "list a programme's funder, members and administrators",
    es: 'listar el financiador, los miembros y los administradores de un programa',
    fr: 'lister le bailleur, les membres et les administrateurs d’un programme',
  },
  'admin.cli.add_member.description': {
    en: 'add a provider, verifier or investor to a programme',
    es: 'agregar un proveedor, verificador o inversor a un programa',
    fr: 'ajouter un prestataire, un vérificateur ou un investisseur à un programme',
  },
  'admin.cli.remove_member.description': {
    en: 'remove a member organisation from a programme',
    es: 'quitar una organización miembro de un programa',
    fr: 'retirer une organisation membre d’un programme',
  },
  'admin.cli.set_contract.description': {
    en: "set a programme's contract from a YAML file (version 1, or a new version with --reason)",
    es: 'fijar el contrato de un programa desde un archivo YAML (versión 1, o una nueva versión con --reason)',
    fr: 'définir le contrat d’un programme à partir d’un fichier YAML (version 1, ou une nouvelle version avec --reason)',
  },
  'admin.cli.option.email': {
    en: "the person's e-mail address",
    es: 'la dirección de correo de la persona',
    fr: 'l’adresse électronique de la personne',
  },
  'admin.cli.option.name': {
    en: "the person's name",
    es: 'el nombre de la persona',
    fr: 'le nom de la personne',
  },
  'admin.cli.option.organisation': {
    en: 'organisation id',
    es: 'identificador de la organización',
    fr: 'identifiant de l’organisation',
  },
  'admin.cli.option.organisation_name': {
    en: "the organisation's name, to create it",
    es: 'el nombre de la organización, para crearla',
    fr: 'le nom de l’organisation, pour la créer',
  },
  'admin.cli.option.kind': {
    en: 'funder, provider, verifier or investor',
    es: 'funder (financiador), provider (proveedor), verifier (verificador) o investor (inversor)',
    fr: 'funder (bailleur), provider (prestataire), verifier (vérificateur) ou investor (investisseur)',
  },
  'admin.cli.option.id': {
    en: 'id: lower-case letters, digits and hyphens',
    es: 'identificador: letras minúsculas, dígitos y guiones',
    fr: 'identifiant : lettres minuscules, chiffres et tirets',
  },
  'admin.cli.option.organisation_title': {
    en: "the organisation's name",
    es: 'el nombre de la organización',
    fr: 'le nom de l’organisation',
  },
  'admin.cli.option.role': {
    en: 'member, organisation_admin, programme_admin or platform_admin',
    es: 'member, organisation_admin, programme_admin o platform_admin',
    fr: 'member, organisation_admin, programme_admin ou platform_admin',
  },
  'admin.cli.option.admin_role': {
    en: 'platform_admin, organisation_admin or programme_admin',
    es: 'platform_admin, organisation_admin o programme_admin',
    fr: 'platform_admin, organisation_admin ou programme_admin',
  },
  'admin.cli.option.programme': {
    en: 'programme id',
    es: 'identificador del programa',
    fr: 'identifiant du programme',
  },
  'admin.cli.option.language': {
    en: "language of the invitation: en, es or fr (default: the command line's)",
    es: 'idioma de la invitación: en, es o fr (por omisión, el de la línea de comandos)',
    fr: 'langue de l’invitation : en, es ou fr (par défaut, celle de la ligne de commande)',
  },
  'admin.cli.option.send': {
    en: 'e-mail the link (through RESULTA_SMTP_URL, else into the outbox folder) instead of printing it',
    es: 'enviar el enlace por correo (por RESULTA_SMTP_URL, o a la carpeta de salida) en lugar de imprimirlo',
    fr: 'envoyer le lien par courriel (via RESULTA_SMTP_URL, sinon dans le dossier d’envoi) au lieu de l’afficher',
  },
  'admin.cli.option.reason': {
    en: 'why; kept in the audit log',
    es: 'el motivo; queda en el registro de auditoría',
    fr: 'le motif ; conservé dans le journal d’audit',
  },
  'admin.cli.option.title': {
    en: "the programme's title",
    es: 'el título del programa',
    fr: 'le titre du programme',
  },
  'admin.cli.option.funder': {
    en: 'id of the funding organisation',
    es: 'identificador de la organización financiadora',
    fr: 'identifiant de l’organisation qui finance',
  },
  'admin.cli.option.file': {
    en: 'the contract file (YAML)',
    es: 'el archivo del contrato (YAML)',
    fr: 'le fichier du contrat (YAML)',
  },
  'admin.cli.option.contract': {
    en: 'its contract file (YAML), set at once',
    es: 'su archivo de contrato (YAML), que se fija de inmediato',
    fr: 'son fichier de contrat (YAML), défini aussitôt',
  },
  'admin.cli.argument.invitation': {
    en: 'invitation id (see list-invitations)',
    es: 'identificador de la invitación (ver list-invitations)',
    fr: 'identifiant de l’invitation (voir list-invitations)',
  },
  'admin.cli.language': {
    en: '--language {language}: Resulta writes invitations in en, es or fr.',
    es: '--language {language}: Resulta escribe las invitaciones en en, es o fr.',
    fr: '--language {language} : Resulta rédige les invitations en en, es ou fr.',
  },
  'admin.cli.init.done': {
    en: 'First administrator invited: {email} ({organisation}). Open this link to choose a password; it works once, until {expires}:',
    es: 'Primer administrador invitado: {email} ({organisation}). Abra este enlace para elegir una contraseña; sirve una sola vez, hasta el {expires}:',
    fr: 'Premier administrateur invité : {email} ({organisation}). Ouvrez ce lien pour choisir un mot de passe ; il ne sert qu’une fois, jusqu’au {expires} :',
  },
  'admin.cli.invited': {
    en: 'Invitation {id}: {email} into {organisation} as {role}, until {expires}. Give this link to the person; it works once:',
    es: 'Invitación {id}: {email} en {organisation} como {role}, hasta el {expires}. Entregue este enlace a la persona; sirve una sola vez:',
    fr: 'Invitation {id} : {email} dans {organisation} en tant que {role}, jusqu’au {expires}. Transmettez ce lien à la personne ; il ne sert qu’une fois :',
  },
  'admin.cli.sent_smtp': {
    en: 'Invitation {id}: e-mailed to {email} through the SMTP server; the link works until {expires}.',
    es: 'Invitación {id}: enviada por correo a {email} a través del servidor SMTP; el enlace sirve hasta el {expires}.',
    fr: 'Invitation {id} : envoyée par courriel à {email} via le serveur SMTP ; le lien est valable jusqu’au {expires}.',
  },
  'admin.cli.sent_outbox': {
    en: 'Invitation {id}: no SMTP server is configured (RESULTA_SMTP_URL), so the e-mail to {email} was written to {file}; the link works until {expires}.',
    es: 'Invitación {id}: no hay servidor SMTP configurado (RESULTA_SMTP_URL), así que el correo para {email} se escribió en {file}; el enlace sirve hasta el {expires}.',
    fr: 'Invitation {id} : aucun serveur SMTP n’est configuré (RESULTA_SMTP_URL), le message pour {email} a donc été écrit dans {file} ; le lien est valable jusqu’au {expires}.',
  },
  'admin.cli.withdrawn': {
    en: 'Invitation {id} withdrawn: its link no longer works.',
    es: 'Invitación {id} retirada: su enlace ya no funciona.',
    fr: 'Invitation {id} retirée : son lien ne fonctionne plus.',
  },
  'admin.cli.organisation_created': {
    en: 'Organisation {id} ({kind}) created: {name}',
    es: 'Organización {id} ({kind}) creada: {name}',
    fr: 'Organisation {id} ({kind}) créée : {name}',
  },
  'admin.cli.organisation_line': {
    en: '{id}  {kind}  {name}  ({users, plural, one {# person} other {# people}}, {programmes, plural, one {# programme} other {# programmes}})',
    es: '{id}  {kind}  {name}  ({users, plural, one {# persona} other {# personas}}, {programmes, plural, one {# programa} other {# programas}})',
    fr: '{id}  {kind}  {name}  ({users, plural, one {# personne} other {# personnes}}, {programmes, plural, one {# programme} other {# programmes}})',
  },
  'admin.cli.user_line': {
    en: '{email}  {name}  {organisation} ({kind})  {roles}',
    es: '{email}  {name}  {organisation} ({kind})  {roles}',
    fr: '{email}  {name}  {organisation} ({kind})  {roles}',
  },
  'admin.cli.deactivated_mark': {
    en: '[deactivated]',
    es: '[dada de baja]',
    fr: '[désactivé]',
  },
  'admin.cli.invitation_line': {
    en: '{id}  {email}  {organisation}  {role}  until {expires}  {status}',
    es: '{id}  {email}  {organisation}  {role}  hasta el {expires}  {status}',
    fr: '{id}  {email}  {organisation}  {role}  jusqu’au {expires}  {status}',
  },
  'admin.cli.status.pending': { en: 'pending', es: 'pendiente', fr: 'en attente' },
  'admin.cli.status.expired': { en: 'expired', es: 'vencida', fr: 'expirée' },
  'admin.cli.status.accepted': { en: 'accepted', es: 'aceptada', fr: 'acceptée' },
  'admin.cli.status.withdrawn': { en: 'withdrawn', es: 'retirada', fr: 'retirée' },
  'admin.cli.programme_line': {
    en: '{id}  {title}  funder {funder}, contract {version}, {members, plural, one {# member} other {# members}}',
    es: '{id}  {title}  financiador {funder}, contrato {version}, {members, plural, one {# miembro} other {# miembros}}',
    fr: '{id}  {title}  bailleur {funder}, contrat {version}, {members, plural, one {# membre} other {# membres}}',
  },
  'admin.cli.no_contract': { en: 'none yet', es: 'aún sin contrato', fr: 'pas encore' },
  'admin.cli.none': { en: '(none)', es: '(ninguno)', fr: '(aucun)' },
  'admin.cli.members.funder': {
    en: 'Funder: {id} ({name})',
    es: 'Financiador: {id} ({name})',
    fr: 'Bailleur : {id} ({name})',
  },
  'admin.cli.members.members': { en: 'Members:', es: 'Miembros:', fr: 'Membres :' },
  'admin.cli.members.administrators': {
    en: 'Administrators:',
    es: 'Administradores:',
    fr: 'Administrateurs :',
  },
  'admin.cli.programme_created': {
    en: 'Programme {id} created, funded by {funder}.',
    es: 'Programa {id} creado, financiado por {funder}.',
    fr: 'Programme {id} créé, financé par {funder}.',
  },
  'admin.cli.programme_next': {
    en: 'Next: resulta admin set-contract --programme {id} --file contract.yaml',
    es: 'Siguiente paso: resulta admin set-contract --programme {id} --file contract.yaml',
    fr: 'Étape suivante : resulta admin set-contract --programme {id} --file contract.yaml',
  },
  'admin.cli.contract_set': {
    en: 'Contract of {programme}: version {version}, {status}.',
    es: 'Contrato de {programme}: versión {version}, {status}.',
    fr: 'Contrat de {programme} : version {version}, {status}.',
  },
  'admin.cli.contract.in_force': { en: 'in force', es: 'vigente', fr: 'en vigueur' },
  'admin.cli.contract.pending_correction': {
    en: 'a correction awaiting approval',
    es: 'una corrección pendiente de aprobación',
    fr: 'une correction en attente d’approbation',
  },
  'admin.cli.contract.rejected': { en: 'rejected', es: 'rechazada', fr: 'rejetée' },
  'admin.cli.member_added': {
    en: '{organisation} now takes part in {programme}.',
    es: '{organisation} ahora participa en {programme}.',
    fr: '{organisation} participe désormais à {programme}.',
  },
  'admin.cli.member_removed': {
    en: '{organisation} no longer takes part in {programme}.',
    es: '{organisation} ya no participa en {programme}.',
    fr: '{organisation} ne participe plus à {programme}.',
  },
  'admin.cli.deactivated': {
    en: 'Account {email} deactivated: it can no longer sign in; its sessions ended and its API tokens were revoked.',
    es: 'Cuenta {email} dada de baja: ya no puede iniciar sesión; sus sesiones terminaron y sus tokens de API fueron revocados.',
    fr: 'Compte {email} désactivé : il ne peut plus se connecter ; ses sessions ont pris fin et ses jetons d’API ont été révoqués.',
  },
  'admin.cli.granted': {
    en: '{email} now has the role {role}.',
    es: '{email} ahora tiene el rol {role}.',
    fr: '{email} a désormais le rôle {role}.',
  },
  'admin.cli.revoked': {
    en: '{email} no longer has the role {role}.',
    es: '{email} ya no tiene el rol {role}.',
    fr: '{email} n’a plus le rôle {role}.',
  },
  'admin.cli.serve.description': {
    en: 'serve the HTTP API and the web app (PORT, default 8080) on RESULTA_DATA or DATABASE_URL',
    es: 'servir la API HTTP y la aplicación web (PORT, por omisión 8080) sobre RESULTA_DATA o DATABASE_URL',
    fr: 'servir l’API HTTP et l’application web (PORT, 8080 par défaut) sur RESULTA_DATA ou DATABASE_URL',
  },
  'admin.cli.serve.option.demo': {
    en: 'seed the demo programme first, into an empty database only (npm start does)',
    es: 'cargar antes el programa de demostración, solo en una base de datos vacía (npm start lo hace)',
    fr: 'charger d’abord le programme de démonstration, dans une base vide seulement (npm start le fait)',
  },
  'admin.cli.serve.seeding': {
    en: 'Preparing the demo programme (first start only) …',
    es: 'Preparando el programa de demostración (solo la primera vez) …',
    fr: 'Préparation du programme de démonstration (au premier démarrage seulement) …',
  },
  'admin.cli.serve.demo_users': {
    en: 'Demo users (password {password}, also in {file}):',
    es: 'Usuarios de demostración (contraseña {password}, también en {file}):',
    fr: 'Utilisateurs de démonstration (mot de passe {password}, aussi dans {file}) :',
  },
  'admin.cli.serve.demo_present': {
    en: 'The demo programme is in the database already; its users’ password is in {file}.',
    es: 'El programa de demostración ya está en la base de datos; la contraseña de sus usuarios está en {file}.',
    fr: 'Le programme de démonstration est déjà dans la base ; le mot de passe de ses utilisateurs est dans {file}.',
  },
  'admin.cli.serve.not_empty': {
    en: 'The database holds data that is not the demo (programmes: {programmes}; organisations: {organisations}; accounts: {users}; invitations: {invitations}). The demo is only seeded into an empty database, so nothing was changed. Start without --demo to serve this data, or point RESULTA_DATA (or DATABASE_URL) at an empty database for the demo.',
    es: 'La base de datos contiene datos que no son la demostración (programas: {programmes}; organizaciones: {organisations}; cuentas: {users}; invitaciones: {invitations}). La demostración solo se carga en una base de datos vacía, así que no se modificó nada. Inicie sin --demo para servir estos datos, o apunte RESULTA_DATA (o DATABASE_URL) a una base de datos vacía para la demostración.',
    fr: 'La base contient des données qui ne sont pas la démonstration (programmes : {programmes} ; organisations : {organisations} ; comptes : {users} ; invitations : {invitations}). La démonstration n’est chargée que dans une base vide : rien n’a été modifié. Démarrez sans --demo pour servir ces données, ou faites pointer RESULTA_DATA (ou DATABASE_URL) vers une base vide pour la démonstration.',
  },
  'admin.cli.serve.no_administrator': {
    en: 'No administrator yet. Create the first one on this machine, then open the link it prints:\n  resulta admin init --email you@example.org --organisation ministry-of-labour --organisation-name "Ministry of Labour"',
    es: 'Todavía no hay ningún administrador. Cree el primero en esta máquina y abra el enlace que se imprime:\n  resulta admin init --email usted@ejemplo.org --organisation ministerio-de-trabajo --organisation-name "Ministerio de Trabajo"',
    fr: 'Aucun administrateur pour l’instant. Créez le premier sur cette machine, puis ouvrez le lien affiché :\n  resulta admin init --email vous@exemple.org --organisation ministere-du-travail --organisation-name "Ministère du Travail"',
  },
  'admin.cli.serve.listening': {
    en: 'Resulta API on {url} — the web app at /, the API described at /openapi.json',
    es: 'API de Resulta en {url} — la aplicación web en /, la API descrita en /openapi.json',
    fr: 'API de Resulta sur {url} — l’application web à /, l’API décrite à /openapi.json',
  },
} as const satisfies Texts;

export const adminMessages = {
  ...adminTexts,
  ...cliTexts,
} as const satisfies Texts;
