// Every time a cleared reader is given confidential content, and every time a reader asks for confidential content and
// is refused, the audit log records who, when, which case and which forms: never the content itself.
import type { CaseStore, Redactor } from '../../engine/index.js';
import type { Viewer } from '../types.js';

export class DisclosureAudit {
  constructor(
    private readonly store: CaseStore,
    private readonly now: () => string,
  ) {}

  async record(viewer: Viewer, caseId: string, redactor: Redactor, via: string): Promise<void> {
    if (redactor.refused.size > 0)
      await this.append('confidential.refused', viewer, caseId, redactor, redactor.refused, via);
    if (redactor.disclosed.size > 0)
      await this.append('confidential.read', viewer, caseId, redactor, redactor.disclosed, via);
  }

  private async append(
    action: string,
    viewer: Viewer,
    caseId: string,
    redactor: Redactor,
    forms: Set<string>,
    via: string,
  ): Promise<void> {
    const audience = redactor.reader.audience;
    await this.store.appendAudit({
      at: this.now(),
      userId: viewer.username,
      caseId,
      action,
      detail: { role: viewer.role, forms: [...forms].sort(), via, ...(audience ? { audience } : {}) },
    });
  }
}
