// Every time a cleared reader is given confidential content, the audit log records who, when, which case and which
// forms: never the content itself.
import type { CaseStore } from '../../engine/store/index.js';
import type { Viewer } from '../types.js';
import type { Redactor } from './redaction.js';

export class DisclosureAudit {
  constructor(private readonly store: CaseStore, private readonly now: () => string) {}

  async record(viewer: Viewer, caseId: string, redactor: Redactor, via: string): Promise<void> {
    if (redactor.disclosed.size === 0) return;
    await this.store.appendAudit({
      at: this.now(),
      userId: viewer.username,
      caseId,
      action: 'confidential.read',
      detail: { role: viewer.role, forms: [...redactor.disclosed].sort(), via, ...(redactor.reader.audience ? { audience: redactor.reader.audience } : {}) },
    });
  }
}
