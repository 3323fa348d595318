// What the screens look up about the definitions, fetched once per page load: pathways (their states' meta and their
// events' titles and data schemas) and form schemas as this reader is served them. A case stays on the version of the
// definitions it started with, so what is looked up for a case names that version.
import type { Schema } from '../../core/schema.js';
import type { ApiClient } from './api-client.js';
import type { EventDefinition, Instance, PathwayBody } from './types.js';

export class Catalogue {
  #pathways = new Map<string, Promise<PathwayBody>>();
  /** Pathways already fetched, for what must be known while rendering (an event's sign-off or warning style). */
  #loaded = new Map<string, PathwayBody>();
  #forms = new Map<string, Promise<Schema>>();

  constructor(private readonly api: ApiClient) {}

  /** A pathway at a version of the definitions (the current one when none is given). */
  pathway(id: string, version?: number): Promise<PathwayBody> {
    const url = atVersion(`api/pathways/${encodeURIComponent(id)}`, version);
    const found = this.#cached(this.#pathways, `api/pathways/${encodeURIComponent(id)}`, version);
    void found.then(
      (body) => this.#loaded.set(url, body),
      () => undefined,
    );
    return found;
  }

  /** An event's definition if its pathway has been fetched already (see `pathway`), else undefined. */
  knownEvent(pathwayId: string, type: string, version?: number): EventDefinition | undefined {
    return this.#loaded.get(atVersion(`api/pathways/${encodeURIComponent(pathwayId)}`, version))?.meta.events?.[type];
  }

  /** Whether a pathway has been fetched already. */
  hasPathway(pathwayId: string, version?: number): boolean {
    return this.#loaded.has(atVersion(`api/pathways/${encodeURIComponent(pathwayId)}`, version));
  }

  /** A form's schema at a version of the definitions (the current one when none is given). */
  form(id: string, version?: number): Promise<Schema> {
    return this.#cached(this.#forms, `api/forms/${encodeURIComponent(id)}`, version);
  }

  /** The URL of a form's precompiled validator at a version of the definitions. */
  formValidatorUrl(id: string, version?: number): string {
    return this.api.url(atVersion(`api/forms/${encodeURIComponent(id)}/validator.js`, version));
  }

  /** The URL of the precompiled validator of what an event carries, at a version of the definitions. */
  eventValidatorUrl(pathwayId: string, type: string, version?: number): string {
    return this.api.url(
      atVersion(
        `api/pathways/${encodeURIComponent(pathwayId)}/events/${encodeURIComponent(type)}/validator.js`,
        version,
      ),
    );
  }

  /** One request per path and version; a failed one is forgotten, so it is tried again next time. */
  #cached<T>(cache: Map<string, Promise<T>>, path: string, version: number | undefined): Promise<T> {
    const url = atVersion(path, version);
    let found = cache.get(url);
    if (!found) {
      found = this.api.get<T>(url);
      found.catch(() => cache.delete(url));
      cache.set(url, found);
    }
    return found;
  }

  /** Forgets everything: after publishing a new version of the definitions. */
  clear(): void {
    this.#pathways.clear();
    this.#loaded.clear();
    this.#forms.clear();
  }

  async event(pathwayId: string, type: string, version?: number): Promise<EventDefinition | undefined> {
    return (await this.pathway(pathwayId, version)).meta.events?.[type];
  }
}

function atVersion(path: string, version: number | undefined): string {
  return version === undefined ? path : `${path}?version=${version}`;
}

/** The dotted paths of the states an instance is in now, with their ancestors ("a.b" → "a", "a.b"). */
export function activeStatePaths(state: string): string[] {
  const paths = new Set<string>();
  for (const leaf of state.split(', ').filter(Boolean)) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('.'));
  }
  return [...paths];
}

/** The forms an instance's current states list for filling in, and its own form where its state lets it be edited. */
export function instanceForms(pathway: PathwayBody, instance: Instance): string[] {
  const active = new Set(activeStatePaths(instance.state));
  const forms: string[] = [];
  for (const state of pathway.states) {
    if (!active.has(state.path)) continue;
    for (const form of (state.meta.forms as string[] | undefined) ?? []) if (!forms.includes(form)) forms.push(form);
    if (state.meta.editsDocument === true && instance.form && !forms.includes(instance.form)) forms.push(instance.form);
  }
  return forms;
}
