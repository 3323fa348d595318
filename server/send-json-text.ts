// JSON the server has already turned into text, sent as it is. Not through res.send: that hashes every body for an
// ETag, and API answers are never kept by any cache (Cache-Control: no-store), so nobody could ever send one back.
import type { Response } from 'express';

export function sendJsonText(res: Response, text: string, type = 'application/json'): void {
  // Lower-case names: Node keys a response's headers by the lower-case name, and lowers every name it is given.
  res.setHeader('content-type', `${type}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(text, 'utf8'));
  // Node leaves the body out by itself for a HEAD request.
  res.end(text, 'utf8');
}
