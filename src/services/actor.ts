/** Who is acting, for the audit log; the HTTP layer will derive it from the session. */
export interface Actor {
  readonly id: string;
}
