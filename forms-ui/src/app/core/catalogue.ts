// What the screens look up about the definitions, fetched once per page load: pathways (their states' meta and their
// events' titles and data schemas) and form schemas as this reader is served them.
import type { Schema } from '../../core/schema.js';
import type { ApiClient } from './api-client.js';
import type { EventDefinition, Instance, PathwayBody } from './types.js';

export class Catalogue {
  #pathways = new Map<string, Promise<PathwayBody>>();
  #forms = new Map<string, Promise<Schema>>();

  constructor(private readonly api: ApiClient) {}

  pathway(id: string): Promise<PathwayBody> {
    return this.#cached(this.#pathways, `api/pathways/${encodeURIComponent(id)}`, id);
  }

  form(id: string): Promise<Schema> {
    return this.#cached(this.#forms, `api/forms/${encodeURIComponent(id)}`, id);
  }

  /** One request per id; a failed one is forgotten, so it is tried again next time. */
  #cached<T>(cache: Map<string, Promise<T>>, path: string, id: string): Promise<T> {
    let found = cache.get(id);
    if (!found) {
      found = this.api.get<T>(path);
      found.catch(() => cache.delete(id));
      cache.set(id, found);
    }
    return found;
  }

  /** Forgets everything: after publishing a new version of the definitions. */
  clear(): void {
    this.#pathways.clear();
    this.#forms.clear();
  }

  async event(pathwayId: string, type: string): Promise<EventDefinition | undefined> {
    return (await this.pathway(pathwayId)).meta.events?.[type];
  }

  /** The title of an event type in any of these pathways (the history names events by type). */
  async eventTitle(pathwayIds: string[], type: string): Promise<string | undefined> {
    for (const id of pathwayIds) {
      const title = (await this.pathway(id).catch(() => undefined))?.meta.events?.[type]?.title;
      if (title) return title;
    }
    return undefined;
  }
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
