// <groups-page>: the groups the definitions declare (Better Me, Better Us) run for several cases, for people whose
// role runs groups: set one up (its scheduled sessions follow weekly), open one to add members from the cases at the
// stage it declares, add catch-up sessions, and take each session's attendance once for the whole group.
import { html, nothing, type TemplateResult } from 'lit';
import { appointmentTime, localInstant, OUTCOME_WORDS } from '../core/appointments.js';
import { caseName } from '../core/case-label.js';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { errorSummary, loaded, problemText } from '../core/templates.js';
import type { CasePage, CaseSummary } from '../core/types.js';
import type { GroupKind } from '../../../../engine/appointments/appointment-kinds.js';
import type { GroupRecord, GroupSession } from '../../../../engine/store/appointment-types.js';
import { LoadController } from '../controllers/load-controller.js';

type Member = { caseId: string; case: Pick<CaseSummary, 'person' | 'caseNumber'> | null };
type Group = GroupRecord & { memberCases: Member[]; facilitatorNames: string[] };

interface Loaded {
  kinds: GroupKind[];
  groups: GroupRecord[];
  group?: Group;
  /** Cases at the group's member stage that are not yet members. */
  candidates: CaseSummary[];
}

/** Properties: `context`, `groupId` (the group open, if any). */
export class GroupsPage extends LightElement {
  static override properties = {
    context: { attribute: false },
    groupId: { attribute: false },
    session: { state: true },
    message: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  declare context: AppContext;
  declare groupId: string | undefined;
  /** The session whose attendance is being taken. */
  declare session: number | undefined;
  declare message: string | undefined;
  declare problem: string | undefined;
  declare busy: boolean;

  readonly #load = new LoadController<Loaded>(
    this,
    () => this.#fetch(),
    () => (this.context ? `groups:${this.groupId ?? ''}` : undefined),
  );

  constructor() {
    super();
    this.busy = false;
  }

  async #fetch(): Promise<Loaded> {
    const { api } = this.context;
    const { kinds, groups } = await api.get<{ kinds: GroupKind[]; groups: GroupRecord[] }>('api/groups');
    if (!this.groupId) return { kinds, groups, candidates: [] };
    const group = await api.get<Group>(`api/groups/${encodeURIComponent(this.groupId)}`);
    const kind = kinds.find((k) => k.kind === group.kind);
    const query = new URLSearchParams({ stage: kind?.memberState ?? '', pathway: kind?.pathway ?? '', limit: '100' });
    const page = await api.get<CasePage>(`api/cases?${query}`);
    return { kinds, groups, group, candidates: page.cases.filter((c) => !group.members.includes(c.id)) };
  }

  async #write(action: () => Promise<unknown>, done: string): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    this.message = undefined;
    try {
      await action();
      this.session = undefined;
      // Said once the group shown is the one that includes the change.
      await this.#load.reload();
      this.message = done;
    } catch (error) {
      this.problem = problemText(error);
      await this.#load.reload();
    } finally {
      this.busy = false;
      await this.updateComplete;
      this.querySelector<HTMLElement>(this.problem ? '.error-summary' : '.groups__done')?.focus();
    }
  }

  #field(form: HTMLFormElement, name: string): string {
    return String(new FormData(form).get(name) ?? '').trim();
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const firstSessionAt = localInstant(this.#field(form, 'date'), this.#field(form, 'time'));
    if (!firstSessionAt) {
      this.problem = 'Enter the date and start time of the first session';
      return;
    }
    const body = {
      kind: this.#field(form, 'kind'),
      title: this.#field(form, 'title') || undefined,
      facilitators: this.#field(form, 'facilitators')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
      firstSessionAt,
      place: this.#field(form, 'place'),
    };
    let created: GroupRecord | undefined;
    await this.#write(
      async () => (created = await this.context.api.post<GroupRecord>('api/groups', body)),
      'The group is set up.',
    );
    if (created) location.hash = href('/groups', created.id);
  }

  async #addMember(event: SubmitEvent, group: Group): Promise<void> {
    event.preventDefault();
    const caseId = this.#field(event.target as HTMLFormElement, 'caseId');
    const path = `api/groups/${encodeURIComponent(group.id)}/members`;
    await this.#write(
      () => this.context.api.post(path, { expectedVersion: group.version, caseId }),
      'The member is added.',
    );
  }

  async #addCatchUp(event: SubmitEvent, group: Group): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const startsAt = localInstant(this.#field(form, 'date'), this.#field(form, 'time'));
    if (!startsAt) {
      this.problem = 'Enter the date and start time of the catch-up session';
      return;
    }
    const body = {
      expectedVersion: group.version,
      catchUpFor: Number(this.#field(form, 'catchUpFor')),
      startsAt,
      place: this.#field(form, 'place'),
    };
    const path = `api/groups/${encodeURIComponent(group.id)}/sessions`;
    await this.#write(() => this.context.api.post(path, body), 'The catch-up session is added.');
  }

  async #takeAttendance(event: SubmitEvent, group: Group, session: GroupSession): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const attendance: Record<string, { outcome: string; reason: string }> = {};
    for (const caseId of group.members) {
      const outcome = this.#field(form, `outcome-${caseId}`);
      if (outcome) attendance[caseId] = { outcome, reason: this.#field(form, `reason-${caseId}`) };
    }
    const path = `api/groups/${encodeURIComponent(group.id)}/sessions/${session.number}/attendance`;
    await this.#write(
      () => this.context.api.post(path, { expectedVersion: group.version, attendance }),
      `Attendance at session ${session.number} is recorded on each member's case.`,
    );
  }

  #memberName(group: Group, caseId: string): string {
    const member = group.memberCases.find((m) => m.caseId === caseId);
    return member?.case ? caseName(member.case, caseId) : 'A case you cannot see';
  }

  #sessionLabel(s: GroupSession): string {
    return s.catchUp ? `Catch-up session for session ${s.catchUpFor}` : `Session ${s.number}`;
  }

  #attendanceForm(group: Group, s: GroupSession): TemplateResult {
    const open = group.members.filter((caseId) => !s.attendance[caseId]);
    return html`<form class="group-attendance" @submit=${(e: SubmitEvent) => void this.#takeAttendance(e, group, s)}>
      ${open.map(
        (caseId) => html`<fieldset class="fieldset">
          <legend class="fieldset__legend">${this.#memberName(group, caseId)}</legend>
          <div class="form-group">
            <label class="label" for="outcome-${caseId}">Attendance</label>
            <select class="select" id="outcome-${caseId}" name="outcome-${caseId}">
              <option value="">Not recorded now</option>
              ${Object.entries(OUTCOME_WORDS).map(([value, words]) => html`<option value=${value}>${words}</option>`)}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="reason-${caseId}">Why they were late or did not attend</label>
            <input class="input" id="reason-${caseId}" name="reason-${caseId}" type="text" />
          </div>
        </fieldset>`,
      )}
      <button class="button" type="submit" ?disabled=${this.busy}>Record attendance at ${this.#sessionLabel(s)}</button>
    </form>`;
  }

  #sessions(group: Group): TemplateResult {
    return html`<h2 class="heading-m">Sessions</h2>
      <table class="table group-sessions">
        <caption class="visually-hidden">Sessions of ${group.title}</caption>
        <thead>
          <tr><th scope="col">Session</th><th scope="col">When and where</th><th scope="col">Attendance</th></tr>
        </thead>
        <tbody>
          ${group.sessions.map((s) => {
            const taken = Object.keys(s.attendance).length;
            return html`<tr>
              <th scope="row">${this.#sessionLabel(s)}</th>
              <td>${appointmentTime(s)}, ${s.place}</td>
              <td>
                ${taken ? html`<p class="body">Recorded for ${taken} of ${group.members.length}</p>` : nothing}
                ${
                  group.members.length && taken < group.members.length
                    ? this.session === s.number
                      ? this.#attendanceForm(group, s)
                      : html`<button
                          class="button button--secondary"
                          type="button"
                          @click=${() => (this.session = s.number)}
                        >
                          Take attendance<span class="visually-hidden"> at ${this.#sessionLabel(s)}</span></button>`
                    : nothing
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  }

  #group(data: Loaded, group: Group): TemplateResult {
    const scheduled = group.sessions.filter((s) => !s.catchUp);
    return html`<h1 class="heading-l" tabindex="-1">${group.title}</h1>
      <p class="body"><a class="link" href=${href('/groups')}>All groups</a></p>
      <p class="body">Facilitators: ${group.facilitatorNames.join(', ')}</p>
      <h2 class="heading-m">Members</h2>
      ${
        group.memberCases.length
          ? html`<ul class="list group-members">${group.memberCases.map(
              (m) =>
                html`<li>
                  <a class="link" href=${href('/cases', m.caseId)}>${this.#memberName(group, m.caseId)}</a>
                </li>`,
            )}</ul>`
          : html`<p class="body">No members yet.</p>`
      }
      ${
        data.candidates.length
          ? html`<form class="group-add-member" @submit=${(e: SubmitEvent) => void this.#addMember(e, group)}>
              <div class="form-group">
                <label class="label" for="group-member">Add a member</label>
                <select class="select" id="group-member" name="caseId">
                  ${data.candidates.map((c) => html`<option value=${c.id}>${caseName(c, c.id)}</option>`)}
                </select>
              </div>
              <button class="button button--secondary" type="submit" ?disabled=${this.busy}>Add to the group</button>
            </form>`
          : nothing
      }
      ${this.#sessions(group)}
      <h2 class="heading-m">Add a catch-up session</h2>
      <form class="group-catch-up" @submit=${(e: SubmitEvent) => void this.#addCatchUp(e, group)}>
        <div class="form-group">
          <label class="label" for="catch-up-for">For session</label>
          <select class="select" id="catch-up-for" name="catchUpFor">
            ${scheduled.map((s) => html`<option value=${s.number}>Session ${s.number}</option>`)}
          </select>
        </div>
        ${this.#dateTime('catch-up')}
        <div class="form-group">
          <label class="label" for="catch-up-place">Place</label>
          <input class="input" id="catch-up-place" name="place" type="text" required />
        </div>
        <button class="button button--secondary" type="submit" ?disabled=${this.busy}>Add catch-up session</button>
      </form>`;
  }

  #dateTime(prefix: string): TemplateResult {
    return html`<div class="form-group">
        <label class="label" for="${prefix}-date">Date</label>
        <input class="input input--width-10" id="${prefix}-date" name="date" type="date" required />
      </div>
      <div class="form-group">
        <label class="label" for="${prefix}-time">Start time</label>
        <input class="input input--width-5" id="${prefix}-time" name="time" type="time" required />
      </div>`;
  }

  #list(data: Loaded): TemplateResult {
    return html`<h1 class="heading-l" tabindex="-1">Groups</h1>
      ${
        data.groups.length
          ? html`<ul class="list group-list">${data.groups.map(
              (g) => html`<li><a class="link" href=${href('/groups', g.id)}>${g.title}</a>:
                ${g.members.length} member${g.members.length === 1 ? '' : 's'}, first session
                ${appointmentTime(g.sessions[0]!)}</li>`,
            )}</ul>`
          : html`<p class="body">No groups are set up yet.</p>`
      }
      <h2 class="heading-m">Set up a group</h2>
      <form class="group-create" @submit=${(e: SubmitEvent) => void this.#create(e)}>
        <div class="form-group">
          <label class="label" for="group-kind">Programme</label>
          <select class="select" id="group-kind" name="kind">
            ${data.kinds.map((k) => html`<option value=${k.kind}>${k.title} (${k.sessions} sessions)</option>`)}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="group-title">Name of the group (optional)</label>
          <input class="input" id="group-title" name="title" type="text" />
        </div>
        <div class="form-group">
          <label class="label" for="group-facilitators">Facilitators</label>
          <div class="hint" id="group-facilitators-hint">User names, separated by commas.</div>
          <input class="input" id="group-facilitators" name="facilitators" type="text" required
            aria-describedby="group-facilitators-hint" .value=${this.context.user.username} />
        </div>
        ${this.#dateTime('group-first')}
        <div class="form-group">
          <label class="label" for="group-place">Place</label>
          <input class="input" id="group-place" name="place" type="text" required />
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Set up the group</button>
      </form>`;
  }

  protected override render(): unknown {
    const done = this.message
      ? html`<p class="body groups__done" role="status" tabindex="-1"><strong>${this.message}</strong></p>`
      : nothing;
    return html`${done}
      ${this.problem ? errorSummary([{ text: this.problem }]) : nothing}
      ${loaded(this.#load, (data) => (data.group ? this.#group(data, data.group) : this.#list(data)))}`;
  }
}

if (!customElements.get('groups-page')) customElements.define('groups-page', GroupsPage);
