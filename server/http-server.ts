// The HTTP server for an Express app. Express gives each request and response the app's prototypes
// (`Object.setPrototypeOf`) as it takes them, and then it, its router and the body parser add properties to them one
// by one. Every such change gives the object a new hidden class in V8, and the property reads of every middleware met
// ever-changing classes: a fifth of the request thread went on looking properties up afresh. Here Node makes each
// request and response with the app's prototypes already and with those properties already there (undefined until
// set), so Express's change of prototype does nothing and each object keeps one shape from birth.
import { IncomingMessage, ServerResponse, createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

type RequestConstructor = (this: Record<string, unknown>, socket: Socket) => void;
type ResponseConstructor = (this: Record<string, unknown>, req: IncomingMessage, options?: unknown) => void;

/** `createHttpServer(app).listen(port, host)` serves `app` as `app.listen(port, host)` does. */
export function createHttpServer(app: Express): Server {
  function AppRequest(this: Record<string, unknown>, socket: Socket): void {
    (IncomingMessage as unknown as RequestConstructor).call(this, socket);
    // What Express 5, its router and body-parser add to every request they route (a test lists them afresh).
    this.res = undefined;
    this.next = undefined;
    this.baseUrl = undefined;
    this.originalUrl = undefined;
    this._parsedUrl = undefined;
    this.params = undefined;
    this.body = undefined;
    this.route = undefined;
  }
  AppRequest.prototype = app.request;

  function AppResponse(this: Record<string, unknown>, req: IncomingMessage, options?: unknown): void {
    (ServerResponse as unknown as ResponseConstructor).call(this, req, options);
    // What Node's server and Express add to every response; the status is the prototype's, held from the start.
    this._maxRequestsPerSocket = undefined;
    this.locals = undefined;
    this.statusCode = 200;
    this.statusMessage = undefined;
  }
  AppResponse.prototype = app.response;
  // V8 keeps these responses in dictionary mode (Node's constructor adds more properties than it makes room for in an
  // object built this way). Built by a subclass of ServerResponse they stay fast, but the app's response prototype
  // must then be replaced by the subclass's, and side by side that served no more events per second (built with
  // Reflect.construct, they were slower still).

  return createServer(
    { IncomingMessage: AppRequest as unknown as typeof IncomingMessage, ServerResponse: AppResponse as unknown as typeof ServerResponse },
    app,
  );
}
