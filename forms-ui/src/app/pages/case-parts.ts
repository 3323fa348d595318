// Two parts of the case page as templates: its forms (to fill, and submitted, each with its print view and PDF) and
// its history (who did what and when, by name and role, the sign-offs marked).
import { html, nothing, type TemplateResult } from 'lit';
import type { CasePage, Loaded } from './case-page.js';
import { tag } from '../core/templates.js';

export function formsPart(page: CasePage, data: Loaded): TemplateResult {
  const { body } = data;
  const ids = Object.keys(body.forms);
  const url = (id: string, format: 'print' | 'pdf') =>
    page.context.api.url(`api/cases/${encodeURIComponent(body.id)}/forms/${encodeURIComponent(id)}/${format}`);
  return html`${page.formsToFill(data, 'h3')}
    <h3 class="heading-m">Forms submitted</h3>
    ${
      ids.length
        ? ids.map((id) => {
            const title = data.formTitles.get(id) ?? id;
            return html`<div class="submitted">
              <submitted-form
                .context=${page.context}
                form-id=${id}
                .definitionVersion=${body.forms[id]!.definitionVersion ?? body.definitionVersion}
                .submission=${body.forms[id]}
                .people=${body.people ?? {}}
                form-title=${title}
              ></submitted-form>
              <ul class="list document-links">
                <li>
                  <a class="link" href=${url(id, 'print')} target="_blank" rel="noopener"
                    >Print view of the ${title} (opens in new tab)</a
                  >
                </li>
                <li>
                  <a class="link" href=${url(id, 'pdf')} target="_blank" rel="noopener"
                    >PDF of the ${title} (opens in new tab)</a
                  >
                </li>
              </ul>
            </div>`;
          })
        : html`<p class="body">No forms have been submitted on this case yet.</p>`
    }`;
}

export function historyPart(data: Loaded): TemplateResult {
  const titles: Record<string, string> = {};
  const signOffs = new Set<string>();
  for (const pathway of data.pathways.values()) {
    for (const [type, event] of Object.entries(pathway.meta.events ?? {})) {
      titles[type] ??= event.title ?? type;
      if (event.signOff) signOffs.add(type);
    }
  }
  return html`<case-history
      .history=${data.body.history}
      .titles=${titles}
      .signOffs=${signOffs}
      .people=${data.body.people ?? {}}
      .roleTitles=${data.body.roleTitles ?? {}}
    ></case-history>
    ${
      data.body.history.some((h) => signOffs.has(h.type))
        ? html`<p class="hint">${tag('Sign-off', 'purple')} marks an event that signed something off.</p>`
        : nothing
    }`;
}
