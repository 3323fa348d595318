// Drafts are kept per person and form; a form a pathway keeps per instance (each document's own audit) has one draft
// per instance, so a draft of one document's audit never fills in another's.

export function draftKey(formId: string, instance?: string): string {
  return instance ? `${formId}@${instance}` : formId;
}
