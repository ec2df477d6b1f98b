/**
 * One page of participants: id (the way into the participant's page), provider, enrolment
 * day, and in the latest run segment, eligibility, outcomes achieved, what the run makes
 * payable and whether a cap cut anything. A real table, with a caption and column headers;
 * on a tablet it keeps what answers "was this person paid?" (provider, enrolment day and
 * segment are on the participant's page) and scrolls sideways rather than squeezing.
 *
 * Plain elements, not Mantine's, and the words looked up once per page: this table is drawn
 * on every page turn and filter change (participant-table.css says what that saves).
 */
import { VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { CSSProperties, ReactNode } from 'react';
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import { useMessages } from '../../i18n/use-messages.js';
import { centsText } from './amounts.js';
import './participant-table.css';
import { participantPath } from './paths.js';
import type { FoundParticipant, SearchAnswer } from './queries.js';
import { statusColour, statusWord } from './words.js';

/** What a row says, worded once for the whole page. */
interface RowWords {
  readonly programme: string;
  readonly showProvider: boolean;
  readonly provider: (id: string) => string;
  readonly day: (iso: string) => string;
  readonly money: (cents: number) => string;
  readonly eligible: (yes: boolean) => string;
  readonly achieved: (count: number) => string;
  readonly status: (status: string) => string;
  readonly noSegment: string;
}

export function ParticipantTable({
  programme,
  answer,
  showProvider,
}: {
  readonly programme: string;
  readonly answer: SearchAnswer;
  /** Not for a provider: every row is its own. */
  readonly showProvider: boolean;
}) {
  const { t, fmt, locale } = useMessages();
  const providerName = new Map(answer.facets.providers.map((p) => [p.id, p.name]));
  const outcomes = answer.facets.outcomes.length;
  const words: RowWords = {
    programme,
    showProvider,
    provider: (id) => providerName.get(id) ?? id,
    day: (iso) => fmt.date(iso),
    money: (c) => centsText(c, answer.facets.currency, fmt, locale),
    eligible: (yes) => t(yes ? 'web.participants.eligible.yes' : 'web.participants.eligible.no'),
    achieved: (achieved) => t('web.participants.achieved_of', { achieved, outcomes }),
    status: (s) => t(statusWord(s)),
    noSegment: t('web.participants.no_segment'),
  };
  const column = (code: MessageCode, className?: string) => (
    <th scope="col" className={className}>
      {t(code)}
    </th>
  );
  return (
    <div className="participants-scroll">
      <table className="participants-table" data-testid="participants">
        <VisuallyHidden component="caption">{t('web.participants.table.caption')}</VisuallyHidden>
        <thead>
          <tr>
            {column('web.participants.column.id')}
            {showProvider ? column('web.participants.column.provider', 'wide-only') : null}
            {column('web.participants.column.enrolled', 'wide-only')}
            {column('web.participants.column.segment', 'wide-only')}
            {column('web.participants.column.eligible')}
            {column('web.participants.column.achieved')}
            {column('web.participants.column.payable', 'amount')}
            {column('web.participants.column.caps')}
          </tr>
        </thead>
        <tbody>
          {answer.participants.map((p) => (
            <Row key={p.participant_id} p={p} words={words} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ p, words }: { readonly p: FoundParticipant; readonly words: RowWords }) {
  const inRun = (shown: ReactNode) => (p.in_run ? shown : <span className="none">—</span>);
  const payable = p.achievements.reduce((sum, a) => sum + a.amount_cents, 0);
  const cut = [...new Set(p.achievements.map((a) => a.status))].filter((s) => s !== 'paid');
  return (
    <tr data-testid="participant-row">
      <td>
        <Link to={participantPath(words.programme, p.participant_id)}>{p.participant_id}</Link>
      </td>
      {words.showProvider ? <td className="wide-only">{words.provider(p.provider_id)}</td> : null}
      <td className="wide-only day">{words.day(p.enrolled_on)}</td>
      <td className="wide-only">{inRun(p.segment ?? words.noSegment)}</td>
      <td>{p.eligible === null ? <span className="none">—</span> : words.eligible(p.eligible)}</td>
      <td>{inRun(words.achieved(p.achievements.length))}</td>
      <td className="amount">{inRun(words.money(payable))}</td>
      <td>
        <span className="statuses">
          {cut.map((s) => (
            <span
              key={s}
              className="status"
              style={{ '--status-colour': statusColour(s) } as CSSProperties}
            >
              {words.status(s)}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}
