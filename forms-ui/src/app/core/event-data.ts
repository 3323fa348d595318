// The form for what an event carries: its data schema from the pathway, titled with the event's own wording, with
// the team's officers offered as choices for the field the engine's capacity check reads.
import type { Schema } from '../../core/schema.js';
import type { EventDefinition, Officer } from './types.js';

/** The event data field naming an officer, as the engine's `withinCapacity` condition reads it by default. */
export const OFFICER_FIELD = 'officer';

export function hasData(definition: EventDefinition | undefined): boolean {
  return Object.keys((definition?.data?.properties ?? {}) as object).length > 0;
}

function officerChoices(officers: Officer[]): Schema[] {
  return officers.map((o) => ({
    const: o.username,
    title: `${o.name} – ${o.active} of ${o.capacity} active cases${o.active >= o.capacity ? ' (at capacity)' : ''}`,
  }));
}

export function eventDataSchema(title: string, definition: EventDefinition, officers: Officer[] = []): Schema {
  const data = (definition.data ?? { type: 'object' }) as Schema;
  const properties = { ...((data.properties ?? {}) as Record<string, Schema>) };
  const field = properties[OFFICER_FIELD];
  if (officers.length && field && field.type === 'string' && !field.oneOf && !field.enum) {
    properties[OFFICER_FIELD] = { ...field, 'x-widget': 'radios', oneOf: officerChoices(officers) };
  }
  return {
    ...data,
    $id: 'event-data',
    title,
    ...(definition.description ? { description: definition.description } : {}),
    properties,
  };
}
