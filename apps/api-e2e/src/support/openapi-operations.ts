/** The parts of an OpenAPI 3 document the fuzz test reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  required?: string[];
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface QueryParameter {
  name: string;
  schema: JsonSchema;
}

/** One operation as the fuzz test walks it; schemas have their `$ref`s resolved. */
export interface Operation {
  method: string;
  /** The template, e.g. /api/v1/orgs/{orgId}/members/{userId}. */
  path: string;
  /** Every `{name}` in the template, declared as a parameter or not (orgId is not). */
  pathParameters: string[];
  query: QueryParameter[];
  body?: JsonSchema;
  /** The operation takes a CSV file as its body (`text/csv`) instead of JSON. */
  takesCsv: boolean;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

function resolve(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name]);
  }
  return {
    ...schema,
    ...(schema.items ? { items: resolve(document, schema.items) } : {}),
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([key, value]) => [key, resolve(document, value)]),
          ),
        }
      : {}),
  };
}

/** Every operation of the document, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        query: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({ name: parameter.name, schema: resolve(document, parameter.schema) })),
        ...(bodySchema ? { body: resolve(document, bodySchema) } : {}),
        takesCsv: operation.requestBody?.content?.['text/csv'] !== undefined,
      };
    }),
  );
}
