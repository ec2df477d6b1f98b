/** Checking the audit log's hash chain, for those who answer for it (funders, verifiers). */
import { type AuditCheck, verifyAuditLog } from '../store/audit-log.js';
import type { Store } from '../store/database.js';

/** How many entries the log holds and every entry where its chain breaks. */
export function checkAuditLog(store: Store): Promise<AuditCheck> {
  return verifyAuditLog(store.db);
}
