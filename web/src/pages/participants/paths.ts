/** Addresses of a programme's participant pages (ids may hold any character: encoded). */
export const programmePath = (programme: string) =>
  `/app/programmes/${encodeURIComponent(programme)}`;

export const participantPath = (programme: string, participant: string) =>
  `${programmePath(programme)}/participants/${encodeURIComponent(participant)}`;
