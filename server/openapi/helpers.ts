// Small builders for the OpenAPI document, so each operation reads as one line of intent.

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const PROBLEMS = {
  400: problemResponse('The request is malformed'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Your role may not do this, or the CSRF token is missing'),
  404: problemResponse('Not found, or not visible to you'),
  409: problemResponse('The case changed since you loaded it (currentVersion says to what)'),
  413: problemResponse('The body is larger than 1 MB'),
  422: problemResponse('Refused: allowedEvents and errors (field errors) say why'),
  429: problemResponse('Too many failed sign-ins (see Retry-After)'),
};

type Code = keyof typeof PROBLEMS;

export function json(schema: Schema, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

export function op(
  summary: string,
  options: {
    tag: string;
    ok?: unknown;
    okStatus?: number;
    body?: Schema;
    params?: Schema[];
    errors?: Code[];
    public?: boolean;
  },
) {
  const responses: Record<string, unknown> = { [options.okStatus ?? 200]: options.ok ?? json({ type: 'object' }) };
  for (const code of options.errors ?? []) responses[code] = PROBLEMS[code];
  if (!options.public) responses[401] ??= PROBLEMS[401];
  return {
    summary,
    tags: [options.tag],
    ...(options.params ? { parameters: options.params } : {}),
    ...(options.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: options.body } } } }
      : {}),
    ...(options.public ? { security: [] } : {}),
    responses,
  };
}

export const pathParam = (name: string, description: string): Schema => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
export const queryParam = (name: string, description: string, schema: Schema = { type: 'string' }): Schema => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
