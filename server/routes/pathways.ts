// Pathways of the current definitions: list, one (meta and states), its Mermaid diagram, optionally marking where a
// case is now, and the precompiled validator of what each of its events carries.
import { Router } from 'express';
import {
  type CompiledDefinitions,
  walkPathway,
  pathwayToMermaid,
  type CaseData,
  type JsonObject,
} from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import type { Services } from '../services/index.js';
import { requestedDefinitions } from '../services/requested-definitions.js';
import { serviceUser } from './users.js';

function pathwayOf(defs: CompiledDefinitions, id: string) {
  const pathway = defs.pathways.get(id);
  if (!pathway) throw problem(404, 'not-found', `There is no pathway "${id}".`);
  return pathway;
}

/** Dotted paths of the leaf states in a state value ("a", {a: "b"} → "a.b", parallel regions → several). */
export function leafStatePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([key, child]) =>
    leafStatePaths(child, `${prefix}${key}.`),
  );
}

export function pathwayRoutes(services: Services): Router {
  const router = Router();
  router.use(requireUser(services));

  router.get('/', async (_req, res) => {
    const { defs, version } = await services.registry.current();
    const role = signedIn(res).role;
    const pathways = [...defs.pathways.values()].map(({ id, meta }) => ({
      id,
      title: meta.title,
      description: meta.description ?? null,
      startsCase: meta.startsCase !== false,
      mayStart: meta.startsCase !== false && (meta.startedBy ?? []).includes(role),
    }));
    res.json({ definitionVersion: version, pathways });
  });

  router.get('/:id', async (req, res) => {
    const { defs, version } = await requestedDefinitions(services, req.query);
    const pathway = pathwayOf(defs, req.params.id);
    const states = walkPathway(pathway.config)
      .states.filter((s) => s.statePath.length)
      .map((s) => ({ path: s.statePath.join('.'), type: s.type, meta: s.node.meta ?? {} }));
    res.json({ id: pathway.id, definitionVersion: version, meta: pathway.meta, states });
  });

  router.get('/:id/diagram', async (req, res) => {
    let { defs } = await services.registry.current();
    let current: string[] = [];
    if (typeof req.query.case === 'string') {
      const loaded = await services.cases.load(req.query.case, serviceUser(signedIn(res)));
      defs = loaded.defs;
      const instances = Object.values((loaded.record.snapshot as CaseData).instances).filter(
        (i) => i.pathway === req.params.id && !i.done,
      );
      current = instances.flatMap((i) => leafStatePaths((i.snapshot as { value: unknown }).value));
    }
    res.type('text/plain').send(pathwayToMermaid(pathwayOf(defs, req.params.id).config, current));
  });

  // The same check the server makes of an event's data, for the browser to run before sending it.
  router.get('/:id/events/:type/validator.js', async (req, res) => {
    const { defs, version } = await requestedDefinitions(services, req.query);
    const schema = pathwayOf(defs, req.params.id).meta.events[req.params.type]?.data;
    if (!schema)
      throw problem(
        404,
        'not-found',
        `Pathway "${req.params.id}" has no event "${req.params.type}" that carries details.`,
      );
    res.type('text/javascript').send(
      services.validatorModules.moduleFor(`${version}:${req.params.id}:event:${req.params.type}`, {
        $id: `${req.params.id}.${req.params.type}`,
        ...(schema as JsonObject),
      }),
    );
  });

  return router;
}
