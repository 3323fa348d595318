// Where the product is mounted ('' when it serves alone, '/dao' when a host app mounts it there), seen from inside a
// router that app.ts mounts at a fixed path below it: Express puts the part of the URL its mounts matched on
// req.baseUrl, and a mount path without parameters matches exactly as many characters as it has.
import type { Request } from 'express';

export function productPath(req: Request, mountedAt: string): string {
  return req.baseUrl.slice(0, req.baseUrl.length - mountedAt.length);
}
