// JSON the server has already turned into text, sent as it is. Not through res.send: that hashes every body for an
// ETag, and API answers are never kept by any cache (Cache-Control: no-store), so nobody could ever send one back.
import type { Response } from 'express';

export function sendJsonText(res: Response, text: string, type = 'application/json'): void {
  // Encoded once: given a string, Node would measure its UTF-8 length and then encode it again on the socket. A case
  // response is built from many pieces (its history grows event by event), and each of those passes walks them all.
  const body = Buffer.from(text, 'utf8');
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Length', body.length);
  // Node leaves the body out by itself for a HEAD request.
  res.end(body);
}
