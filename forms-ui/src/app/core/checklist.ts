// Pairs the tasks of where a case is with the forms to fill there, by their wording (no names of forms in code). No DOM.

export interface ChecklistForm {
  id: string;
  title: string;
  submitted: boolean;
}

export interface ChecklistItem {
  text: string;
  form?: ChecklistForm;
}

/** Words that say what to do rather than what with. */
const COMMON = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'to',
  'in',
  'on',
  'with',
  'my',
  'your',
  'is',
  'are',
  'complete',
  'fill',
  'attach',
  'signed',
  'form',
  'record',
  'review',
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !COMMON.has(w)),
  );
}

/** How much of the task's wording the form's title covers (0–1). */
function overlap(task: Set<string>, title: Set<string>): number {
  if (!task.size) return 0;
  return [...task].filter((w) => title.has(w)).length / task.size;
}

/** Pairs each task with the form its wording names (most of its words are in the form's title), if any; forms no task
 * names come last. */
export function checklistItems(tasks: string[], forms: ChecklistForm[]): ChecklistItem[] {
  const unused = new Set(forms);
  const items: ChecklistItem[] = tasks.map((text) => {
    const task = words(text);
    let best: { form: ChecklistForm; score: number } | undefined;
    for (const form of unused) {
      const score = overlap(task, words(form.title));
      if (score >= 0.5 && score > (best?.score ?? 0)) best = { form, score };
    }
    if (best) unused.delete(best.form);
    return best ? { text, form: best.form } : { text };
  });
  for (const form of unused) items.push({ text: `Fill in the ${form.title}`, form });
  return items;
}
