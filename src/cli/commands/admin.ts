/**
 * `resulta admin …`: administration from the server machine, on the store the server uses
 * (RESULTA_DATA, or DATABASE_URL). Whoever runs it there can open the database anyway, so it
 * acts as a platform administrator, recorded in the audit log as `cli:<user>`. The first
 * administrator is invited with `resulta admin init`; the rest is what the API's /admin/…
 * routes do. The implementations load only when a command runs (../admin-actions.ts).
 */
import type { Command } from 'commander';
import { t } from '../lang.js';

type Options = Record<string, string | boolean | undefined>;
type Action = keyof typeof import('../admin-actions.js');

/** Runs one of admin-actions.ts with the command's options (and argument, if any). */
const run =
  (name: Action) =>
  async (...args: unknown[]) => {
    const actions = await import('../admin-actions.js');
    const options = args.find((a) => typeof a === 'object' && a !== null && !('opts' in a));
    const argument = typeof args[0] === 'string' ? args[0] : undefined;
    await actions[name]((options ?? {}) as Options, argument);
  };

export function adminCommand(program: Command): void {
  const admin = program.command('admin').description(t('admin.cli.description'));

  admin
    .command('init')
    .description(t('admin.cli.init.description'))
    .requiredOption('--email <email>', t('admin.cli.option.email'))
    .requiredOption('--organisation <id>', t('admin.cli.option.organisation'))
    .option('--organisation-name <name>', t('admin.cli.option.organisation_name'))
    .option('--kind <kind>', t('admin.cli.option.kind'), 'funder')
    .option('--name <name>', t('admin.cli.option.name'))
    .option('--language <language>', t('admin.cli.option.language'))
    .action(run('init'));

  admin
    .command('create-organisation')
    .description(t('admin.cli.create_organisation.description'))
    .requiredOption('--id <id>', t('admin.cli.option.id'))
    .requiredOption('--name <name>', t('admin.cli.option.organisation_title'))
    .requiredOption('--kind <kind>', t('admin.cli.option.kind'))
    .action(run('createOrganisation'));

  admin
    .command('list-organisations')
    .description(t('admin.cli.list_organisations.description'))
    .action(run('listOrganisations'));

  admin
    .command('invite')
    .description(t('admin.cli.invite.description'))
    .requiredOption('--email <email>', t('admin.cli.option.email'))
    .requiredOption('--organisation <id>', t('admin.cli.option.organisation'))
    .option('--role <role>', t('admin.cli.option.role'), 'member')
    .option('--programme <id>', t('admin.cli.option.programme'))
    .option('--name <name>', t('admin.cli.option.name'))
    .option('--language <language>', t('admin.cli.option.language'))
    .option('--send', t('admin.cli.option.send'))
    .action(run('invite'));

  admin
    .command('list-invitations')
    .description(t('admin.cli.list_invitations.description'))
    .action(run('listInvitations'));

  admin
    .command('withdraw-invitation')
    .description(t('admin.cli.withdraw_invitation.description'))
    .argument('<id>', t('admin.cli.argument.invitation'))
    .action(run('withdrawInvitation'));

  admin
    .command('list-users')
    .description(t('admin.cli.list_users.description'))
    .option('--organisation <id>', t('admin.cli.option.organisation'))
    .action(run('listUsers'));

  admin
    .command('deactivate-user')
    .description(t('admin.cli.deactivate_user.description'))
    .requiredOption('--email <email>', t('admin.cli.option.email'))
    .requiredOption('--reason <text>', t('admin.cli.option.reason'))
    .action(run('deactivateUser'));

  for (const [name, action, description] of [
    ['grant-role', 'grantRole', t('admin.cli.grant_role.description')],
    ['revoke-role', 'revokeRole', t('admin.cli.revoke_role.description')],
  ] as const)
    admin
      .command(name)
      .description(description)
      .requiredOption('--email <email>', t('admin.cli.option.email'))
      .requiredOption('--role <role>', t('admin.cli.option.admin_role'))
      .option('--programme <id>', t('admin.cli.option.programme'))
      .action(run(action));

  admin
    .command('create-programme')
    .description(t('admin.cli.create_programme.description'))
    .requiredOption('--id <id>', t('admin.cli.option.id'))
    .requiredOption('--title <title>', t('admin.cli.option.title'))
    .requiredOption('--funder <id>', t('admin.cli.option.funder'))
    .option('--contract <file>', t('admin.cli.option.contract'))
    .action(run('createProgramme'));

  admin
    .command('list-programmes')
    .description(t('admin.cli.list_programmes.description'))
    .action(run('listProgrammes'));

  admin
    .command('list-members')
    .description(t('admin.cli.list_members.description'))
    .requiredOption('--programme <id>', t('admin.cli.option.programme'))
    .action(run('listMembers'));

  admin
    .command('add-member')
    .description(t('admin.cli.add_member.description'))
    .requiredOption('--programme <id>', t('admin.cli.option.programme'))
    .requiredOption('--organisation <id>', t('admin.cli.option.organisation'))
    .action(run('addMember'));

  admin
    .command('remove-member')
    .description(t('admin.cli.remove_member.description'))
    .requiredOption('--programme <id>', t('admin.cli.option.programme'))
    .requiredOption('--organisation <id>', t('admin.cli.option.organisation'))
    .requiredOption('--reason <text>', t('admin.cli.option.reason'))
    .action(run('removeMember'));

  admin
    .command('set-contract')
    .description(t('admin.cli.set_contract.description'))
    .requiredOption('--programme <id>', t('admin.cli.option.programme'))
    .requiredOption('--file <contract.yaml>', t('admin.cli.option.file'))
    .option('--reason <text>', t('admin.cli.option.reason'))
    .action(run('setContract'));
}
