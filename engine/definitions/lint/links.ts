// Links between cases of two pathways (meta.links): each end declares the other, an event crosses only where the
// receiving end accepts it, and startLinkedCase / sendLinked name a link their own pathway declares. Also the case
// values a pathway shows on its summary (meta.summaryValues, often what a link brought): each is one it records.
import type { LinkMeta } from '../../compile/compile-pathway.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

function linksOf(meta: JsonObject): Record<string, LinkMeta> {
  return (meta.links ?? {}) as Record<string, LinkMeta>;
}

/** The link of `pathway` that leads back to `other`, if it declares exactly one. */
export function linkBack(
  links: Record<string, LinkMeta>,
  other: string,
): { name: string; link: LinkMeta } | { count: number } {
  const back = Object.entries(links).filter(([, link]) => link.pathway === other);
  return back.length === 1 ? { name: back[0]![0], link: back[0]![1] } : { count: back.length };
}

export function lintLinks(ctx: LintContext): void {
  const { set } = ctx;
  const metaOf = (id: string) => (set.pathways.get(id)?.data.meta ?? {}) as JsonObject;
  for (const [id, walk] of ctx.walks) {
    const source = set.pathways.get(id)!.source;
    const meta = metaOf(id);
    const links = linksOf(meta);
    const declared = (meta.events ?? {}) as JsonObject;
    for (const [name, link] of Object.entries(links)) {
      const at = ['meta', 'links', name];
      (link.accepts ?? []).forEach((event, i) => {
        if (!(event in declared))
          ctx.report(
            source,
            [...at, 'accepts', i],
            'unknown-event',
            `event "${event}" is not declared under meta.events`,
          );
      });
      if (!set.pathways.has(link.pathway)) {
        if (!set.broken.pathways.has(link.pathway))
          ctx.report(source, [...at, 'pathway'], 'unknown-pathway', `unknown pathway "${link.pathway}"`);
        continue;
      }
      const back = linkBack(linksOf(metaOf(link.pathway)), id);
      if ('count' in back) {
        const message = `pathway "${link.pathway}" must declare one link back to "${id}" under meta.links (it declares ${back.count})`;
        ctx.report(source, [...at, 'pathway'], 'link-not-declared', message);
      }
    }
    // A value on the summary is one this pathway records (an assign), else it would never show anything.
    const written = new Set(
      walk.uses.flatMap((u) => (u.type === 'assign' ? [String(u.params.path).split('.')[0]] : [])),
    );
    ((meta.summaryValues ?? []) as { path: string }[]).forEach((shown, i) => {
      if (!written.has(shown.path.split('.')[0]!))
        ctx.report(
          source,
          ['meta', 'summaryValues', i, 'path'],
          'unknown-value',
          `no assign of this pathway records "${shown.path}"`,
        );
    });
    for (const use of walk.uses) {
      if (use.type !== 'startLinkedCase' && use.type !== 'sendLinked') continue;
      const name = String(use.params.link);
      const link = links[name];
      if (!link) {
        const message = `link "${name}" is not declared under meta.links; declared: ${Object.keys(links).join(', ') || 'none'}`;
        ctx.report(source, [...use.yamlPath, 'params', 'link'], 'unknown-link', message);
        continue;
      }
      if (use.type !== 'sendLinked' || !set.pathways.has(link.pathway)) continue;
      const back = linkBack(linksOf(metaOf(link.pathway)), id);
      const event = String(use.params.event);
      if ('link' in back && !(back.link.accepts ?? []).includes(event)) {
        const message = `pathway "${link.pathway}" does not accept "${event}" over its link "${back.name}" (meta.links.${back.name}.accepts)`;
        ctx.report(source, [...use.yamlPath, 'params', 'event'], 'event-not-accepted', message);
      }
    }
  }
}
