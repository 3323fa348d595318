// Issue 6: every protocol form renders with no console errors, and axe-core finds no WCAG 2.2 A/AA violation in its
// empty, error and read-only states.
import { describe, expect, it } from 'vitest';
import { conditionalFields } from '../../forms-ui/src/core/conditions.js';
import { ensureBuilt, servedSchema } from './support/build.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

const forms = await ensureBuilt();
/** [form, yes/no question, the question it reveals] for every top-level conditional question behind a yes/no. */
const revealCases: [string, string, string][] = [];
for (const id of forms) {
  const schema = await servedSchema(id);
  const props = schema.properties as Record<string, { type?: string }>;
  for (const [key, conditional] of conditionalFields(schema)) {
    const trigger = conditional.triggers[0]!;
    if (props[trigger]?.type === 'boolean') revealCases.push([id, trigger, key]);
  }
}
/** [form, titles of its confidential questions] (the whole form's own questions when the form itself is confidential). */
const confidentialForms: [string, string[]][] = [];
for (const id of forms) {
  const schema = await servedSchema(id);
  const props = Object.values(schema.properties as Record<string, { title?: string; 'x-confidential'?: boolean }>);
  const secret = schema['x-confidential'] === true ? props : props.filter((p) => p['x-confidential'] === true);
  const titles = secret.map((p) => p.title).filter((t): t is string => !!t && !/^(name|date)$/i.test(t));
  if (titles.length) confidentialForms.push([id, titles]);
}
const session = useBrowserSession();

describe('<dao-form> with every protocol form', () => {
  it('should have forms to render', () => {
    expect(forms.length).toBeGreaterThan(0);
  });

  it.each(forms)('should render %s accessibly when empty, with errors and read-only', async (formId) => {
    const form = await FormPage.open(session.browser, session.server, { formId });
    try {
      expect(await form.controlCount()).toBeGreaterThan(0);
      expect(await form.axe(), 'empty').toEqual([]);

      await form.submit();
      const invalid = await form.events('dao-invalid');
      if (invalid.length) {
        await expect.poll(() => form.focused()).toMatchObject({ className: 'error-summary' });
        expect(await form.summaryLinks.count()).toBeGreaterThan(0);
        expect(await form.axe(), 'with errors').toEqual([]);
      }

      await form.setProperty('readonly', true);
      expect(await form.element.locator('input, textarea').count()).toBe(0);
      expect(await form.axe(), 'read-only').toEqual([]);
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});

describe('<dao-form> conditional reveal on protocol forms', () => {
  it('should have yes/no questions that reveal others', () => {
    expect(revealCases.length).toBeGreaterThan(0);
  });

  it.each(revealCases)(
    'should reveal in %s the question %s opens with yes (%s), and hide it with no',
    async (formId, trigger, revealed) => {
      const form = await FormPage.open(session.browser, session.server, { formId });
      try {
        const question = form.element.locator(`[id="f-${revealed}"]`);
        expect(await question.count()).toBe(0);
        await form.element.locator(`[id="f-${trigger}"]`).check();
        await expect.poll(() => question.count()).toBe(1);
        await form.element.locator(`[data-path="${trigger}"] input`).nth(1).check();
        await expect.poll(() => question.count()).toBe(0);
      } finally {
        await form.close();
      }
    },
  );
});

describe('<dao-form> read-only for a reader not cleared for confidential information', () => {
  it.each(confidentialForms)('should leave the confidential parts of %s out of the DOM', async (formId, titles) => {
    const form = await FormPage.open(session.browser, session.server, {
      formId,
      attributes: 'readonly audience="the person referred"',
    });
    try {
      const text = await form.shadowText();
      for (const title of titles) expect(text).not.toContain(title);
      const cleared = await FormPage.open(session.browser, session.server, {
        formId,
        attributes: 'readonly audience-cleared',
      });
      try {
        for (const title of titles) expect(await cleared.shadowText()).toContain(title);
      } finally {
        await cleared.close();
      }
    } finally {
      await form.close();
    }
  });
});
