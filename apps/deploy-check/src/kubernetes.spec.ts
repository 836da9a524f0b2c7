import { existsSync } from 'node:fs';
import { loadConfig } from '@convoy/server/config';
import { effective, loadStages } from './support/dockerfile';
import {
  K8S_DIR,
  k8sRelative,
  loadKustomization,
  loadManifests,
  type Manifest,
  manifestFiles,
  MODELS,
  modelKey,
  typeCheckManifests,
} from './support/kubernetes';
import { documentedVariables, mallocSettings, readWorkspaceFile, SAMPLE_SECRETS, workspacePath } from './support/workspace';

/**
 * Routes a manifest may point at: the committed OpenAPI document's paths, plus the few routes that
 * are deliberately not in it (Prometheus text and Telegram's webhook are not part of the public API).
 */
const NON_OPENAPI_ROUTES = ['/metrics', '/telegram/webhook'];
const ROUTES = new Set([...Object.keys(JSON.parse(readWorkspaceFile('apps/api/openapi.json')).paths), ...NON_OPENAPI_ROUTES]);

/** The app's own cap on a shutdown (apps/api/src/main.ts): after it, it exits whatever is left. */
const SHUTDOWN_DEADLINE_SECONDS =
  Number((/SHUTDOWN_DEADLINE_MS\s*=\s*([\d_]+)/.exec(readWorkspaceFile('apps/api/src/main.ts'))?.[1] ?? 'NaN').replace(/_/g, '')) / 1000;

const documents = loadManifests();
const manifests = documents.map((d) => d.manifest);
const applied = documents.filter((d) => !d.file.endsWith('.example.yaml')).map((d) => d.manifest);

function one<T = Manifest>(kind: string, name?: string, from = applied): T {
  const found = from.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0] as T;
}

// Shapes read below (the models validate everything; these name what the checks touch)
interface Probe {
  httpGet?: { path: string; port: number | string };
  periodSeconds?: number;
  failureThreshold?: number;
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
  command?: string[];
  args?: string[];
}
interface PodSpec {
  containers: Container[];
  securityContext?: Record<string, unknown>;
  volumes?: { name: string; emptyDir?: object; persistentVolumeClaim?: { claimName: string } }[];
  terminationGracePeriodSeconds?: number;
  topologySpreadConstraints?: { labelSelector?: { matchLabels?: Record<string, string> } }[];
  affinity?: { podAntiAffinity?: object };
  automountServiceAccountToken?: boolean;
  serviceAccountName?: string;
}
interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

const deployment = one('Deployment');
const deploymentSpec = deployment.spec as { replicas: number; selector: { matchLabels: Record<string, string> }; template: PodTemplate };
const pod = deploymentSpec.template;
const api = pod.spec.containers[0];
const configMap = one('ConfigMap');
const configData = configMap.data as Record<string, string>;
const service = one('Service');
const httpPort = api.ports?.find((p) => p.name === 'http');

/** Every pod template in the directory (Deployment, CronJob, Job), for the rules all must follow. */
function podTemplates(): { where: string; template: PodTemplate }[] {
  return documents.flatMap(({ file, manifest }) => {
    const spec = manifest.spec as { template?: PodTemplate; jobTemplate?: { spec: { template: PodTemplate } } } | undefined;
    const template =
      manifest.kind === 'CronJob' ? spec?.jobTemplate?.spec.template : ['Deployment', 'Job'].includes(manifest.kind) ? spec?.template : undefined;
    return template ? [{ where: `${file} ${manifest.kind}/${manifest.metadata.name}`, template }] : [];
  });
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('docker/k8s manifests', () => {
  it('parse, and each is a kind Convoy uses', () => {
    expect(manifestFiles().length).toBeGreaterThanOrEqual(10);
    expect(documents.filter((d) => !MODELS[modelKey(d.manifest)]).map((d) => `${d.file}: ${modelKey(d.manifest)}`)).toEqual([]);
  });

  it('validate against the Kubernetes schemas (kubernetes-models)', () => {
    const failures = documents.flatMap(({ file, index, manifest }) => {
      try {
        new MODELS[modelKey(manifest)].model(manifest as never).validate();
        return [];
      } catch (error) {
        return [`${file} #${index}: ${error instanceof Error ? error.message : String(error)}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('have no unknown fields or mistyped values (their kubernetes-models types)', () => {
    expect(typeCheckManifests(documents)).toEqual([]);
  });

  it('the schema checks have teeth: a misspelt field and a wrong type are reported', () => {
    const broken = structuredClone(documents.find((d) => d.manifest.kind === 'Deployment'));
    if (!broken) throw new Error('no Deployment');
    const container = (broken.manifest.spec as typeof deploymentSpec).template.spec.containers[0] as unknown as Record<string, unknown>;
    container['readinessprobe'] = container['readinessProbe'];
    (broken.manifest.spec as Record<string, unknown>)['replicas'] = 'two';
    expect(() => new MODELS['apps/v1/Deployment'].model(broken.manifest as never).validate()).toThrow(/replicas/);
    const problems = typeCheckManifests([broken]);
    expect(problems.join('\n')).toMatch(/readinessprobe/);
    expect(problems.join('\n')).toMatch(/replicas|string.*number/);
  });

  it('are all named, without a namespace of their own except the examples (kustomize sets it)', () => {
    for (const m of applied) expect({ name: m.metadata.name, namespace: m.metadata.namespace }).toEqual({ name: expect.any(String), namespace: undefined });
    const namespace = one('Namespace').metadata.name;
    for (const m of manifests.filter((x) => !applied.includes(x))) expect(m.metadata.namespace).toBe(namespace);
  });
});

describe('docker/k8s/kustomization.yaml', () => {
  const kustomization = loadKustomization();

  it('lists existing files: every manifest except the *.example.yaml ones', () => {
    for (const resource of kustomization.resources) expect(existsSync(workspacePath(K8S_DIR, resource))).toBe(true);
    const expected = manifestFiles().map(k8sRelative).filter((f) => !f.endsWith('.example.yaml'));
    expect([...kustomization.resources].sort()).toEqual(expected.sort());
    expect(kustomization.resources).not.toContain('secret.example.yaml');
  });

  it('puts everything in the Namespace it creates, and pins the image to a release tag', () => {
    expect(kustomization.namespace).toBe(one('Namespace').metadata.name);
    const [repository] = api.image.split(':');
    const image = kustomization.images?.find((i) => i.name === repository);
    expect(image?.newTag).toMatch(/^\d+\.\d+\.\d+/);
    expect(api.image).not.toMatch(/:latest$/);
  });
});

describe('the api Deployment', () => {
  it('runs at least two replicas selected by the pod template’s labels', () => {
    expect(deploymentSpec.replicas).toBeGreaterThanOrEqual(2);
    expect(matches(deploymentSpec.selector.matchLabels, pod.metadata.labels)).toBe(true);
  });

  it('probes liveness and startup on /health/live and readiness on /health/ready, on the http port', () => {
    expect(api.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(api.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(api.readinessProbe?.httpGet?.path).toBe('/health/ready');
    for (const probe of [api.startupProbe, api.livenessProbe, api.readinessProbe]) {
      expect([httpPort?.name, httpPort?.containerPort]).toContain(probe?.httpGet?.port);
    }
    // migrations run before the server listens: the startup probe allows a minute at least
    const startup = api.startupProbe as Probe;
    expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(60);
  });

  it('points every probe and scrape annotation at a route the API has', () => {
    const paths = documents.flatMap(({ manifest }) =>
      JSON.stringify(manifest).match(/"path":"(\/[^"]*)"/g)?.map((p) => p.slice(8, -1)) ?? [],
    );
    const probed = [api.startupProbe, api.livenessProbe, api.readinessProbe].map((p) => p?.httpGet?.path);
    const scraped = pod.metadata.annotations?.['prometheus.io/path'];
    for (const route of [...probed, scraped]) expect(ROUTES.has(route as string) ? route : `missing route ${route}`).toBe(route);
    // ingress paths are prefixes of real routes (or the dashboard's /)
    const ingressPaths = paths.filter((p) => !probed.includes(p));
    for (const path of ingressPaths) {
      const served = path === '/' || path === '/socket.io' || [...ROUTES].some((r) => r === path || r.startsWith(`${path}/`));
      expect(served ? path : `nothing is served at ${path}`).toBe(path);
    }
  });

  it('listens on the PORT of the ConfigMap, which the Service, NetworkPolicy and scrape annotation use', () => {
    expect(httpPort?.containerPort).toBe(Number(configData['PORT']));
    const servicePorts = (service.spec as { ports: { name: string; port: number; targetPort: number | string }[] }).ports;
    expect(servicePorts).toHaveLength(1);
    expect([httpPort?.name, httpPort?.containerPort]).toContain(servicePorts[0].targetPort);
    expect(matches((service.spec as { selector: Record<string, string> }).selector, pod.metadata.labels)).toBe(true);
    expect(pod.metadata.annotations?.['prometheus.io/port']).toBe(String(httpPort?.containerPort));
    const policyPorts = ((one('NetworkPolicy').spec as { ingress: { ports: { port: number }[] }[] }).ingress ?? []).flatMap((r) => r.ports);
    expect(policyPorts.map((p) => p.port)).toEqual([httpPort?.containerPort]);
  });

  it('gets its configuration from the ConfigMap and the convoy-secrets Secret', () => {
    expect(api.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }, { secretRef: { name: 'convoy-secrets' } }]);
    expect(one('Secret', 'convoy-secrets', manifests).metadata.name).toBe('convoy-secrets');
  });

  it('runs as the image’s non-root user with a read-only root filesystem and no capabilities', () => {
    const dockerUser = effective(loadStages().slice(-1)[0], 'USER').pop()?.getArgumentsContent()?.split(':')[0];
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: Number(dockerUser), seccompProfile: { type: 'RuntimeDefault' } });
    expect(api.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.spec.automountServiceAccountToken).toBe(false);
  });

  it('mounts an emptyDir on /tmp (the only place anything may write; DATA_DIR points there)', () => {
    const tmp = api.volumeMounts?.find((m) => m.mountPath === '/tmp');
    expect(pod.spec.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    expect(configData['DATA_DIR']).toMatch(/^\/tmp\//);
  });

  it('drains before it stops: preStop sleep, then the app’s own drain and shutdown inside the grace period', () => {
    const preStop = api.lifecycle?.preStop;
    const sleep = preStop?.sleep?.seconds ?? (preStop?.exec?.command[0] === 'sleep' ? Number(preStop.exec.command[1]) : NaN);
    expect(sleep).toBeGreaterThan(0);
    expect(Number.isFinite(SHUTDOWN_DEADLINE_SECONDS)).toBe(true);
    const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
    expect(grace).toBeGreaterThanOrEqual(30);
    expect(grace).toBeGreaterThan(sleep + SHUTDOWN_DEADLINE_SECONDS);
    expect(Number(configData['SHUTDOWN_DRAIN_SECONDS'])).toBeLessThan(SHUTDOWN_DEADLINE_SECONDS);
  });

  it('requests and limits CPU and memory, and spreads replicas over nodes', () => {
    expect(Object.keys(api.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(api.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    const spread = pod.spec.topologySpreadConstraints ?? [];
    expect(spread.length > 0 || pod.spec.affinity?.podAntiAffinity !== undefined).toBe(true);
    for (const constraint of spread) expect(matches(constraint.labelSelector?.matchLabels, pod.metadata.labels)).toBe(true);
  });
});

describe('configuration', () => {
  const documented = documentedVariables();
  const secret = one<Manifest>('Secret', 'convoy-secrets', manifests);
  const secretKeys = Object.keys({ ...(secret.stringData ?? {}), ...(secret.data ?? {}) });

  it('sets only variables .env.example documents (ConfigMap, Secret example, container env)', () => {
    const containerEnv = podTemplates().flatMap(({ template }) => template.spec.containers.flatMap((c) => (c.env ?? []).map((e) => e.name)));
    const set = [...Object.keys(configData), ...secretKeys, ...containerEnv.filter((n) => n !== 'BACKUP_FILE')];
    expect(set.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('gives glibc malloc the settings .env.example documents, through the ConfigMap the pods load', () => {
    expect(Object.keys(mallocSettings()).length).toBeGreaterThan(0);
    expect(Object.fromEntries(Object.keys(mallocSettings()).map((name) => [name, configData[name]]))).toEqual(mallocSettings());
  });

  it('is a valid production configuration once the Secret holds real values', () => {
    const config = loadConfig({ ...configData, ...SAMPLE_SECRETS });
    expect(config.isProduction).toBe(true);
    expect(config.port).toBe(httpPort?.containerPort);
    expect(config.demoFleet).toBe(0);
  });

  it('keeps DATABASE_URL and APP_SECRET, which production requires, in the Secret, never in the ConfigMap', () => {
    expect(configData['NODE_ENV']).toBe('production');
    expect(secretKeys).toEqual(expect.arrayContaining(['DATABASE_URL', 'APP_SECRET']));
    expect(Object.keys(configData)).not.toEqual(expect.arrayContaining(['DATABASE_URL']));
    expect(Object.keys(configData)).not.toContain('APP_SECRET');
    // the ConfigMap alone is refused, naming both (a pod without the Secret exits 1, it never runs half-configured)
    expect(() => loadConfig(configData)).toThrow(/DATABASE_URL=\(unset\): is required in production[\s\S]*APP_SECRET=\(unset\)/);
  });

  it('trusts one proxy hop, the ingress controller, which is all the NetworkPolicy lets in', () => {
    expect(loadConfig({ ...configData, ...SAMPLE_SECRETS }).trustProxy).toBe(1);
    const policy = one('NetworkPolicy').spec as { ingress: { from: { namespaceSelector?: { matchLabels: Record<string, string> } }[] }[] };
    const sources = policy.ingress.flatMap((rule) => rule.from ?? []);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.namespaceSelector?.matchLabels['kubernetes.io/metadata.name']).toBe('ingress-nginx');
  });

  it('cannot start with the Secret example’s placeholders', () => {
    expect(() => loadConfig({ ...configData, ...(secret.stringData as Record<string, string>) })).toThrow(/APP_SECRET=\(hidden\)/);
    expect(() => loadConfig({ ...configData, ...(secret.stringData as Record<string, string>) })).toThrow(/DATABASE_URL=\(hidden\)/);
  });

  it('runs the bot in webhook mode on this deployment’s own host, which the Ingress serves with TLS', () => {
    const webhook = new URL(configData['TELEGRAM_WEBHOOK_URL']);
    const publicUrl = new URL(configData['PUBLIC_URL']);
    expect(webhook.protocol).toBe('https:');
    expect(webhook.pathname).toBe('/telegram/webhook');
    expect(ROUTES.has(webhook.pathname)).toBe(true);
    expect(webhook.host).toBe(publicUrl.host);
    const ingresses = applied.filter((m) => m.kind === 'Ingress');
    for (const ingress of ingresses) {
      const spec = ingress.spec as { rules: { host: string }[]; tls: { hosts: string[] }[] };
      expect(spec.rules.map((r) => r.host)).toEqual([publicUrl.host]);
      expect(spec.tls.flatMap((t) => t.hosts)).toContain(publicUrl.host);
    }
  });
});

describe('Service, Ingress, HPA, PDB, NetworkPolicy', () => {
  const servicePort = (service.spec as { ports: { name: string; port: number }[] }).ports[0];

  it('every Ingress path goes to the Service’s port', () => {
    const backends = applied
      .filter((m) => m.kind === 'Ingress')
      .flatMap((m) => (m.spec as { rules: { http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[] }).rules)
      .flatMap((r) => r.http.paths.map((p) => p.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe(service.metadata.name);
      expect([servicePort.name, servicePort.port]).toContain(backend.port.name ?? backend.port.number);
    }
  });

  it('keeps websockets open through ingress-nginx on /socket.io and hides /metrics', () => {
    const byPath = new Map(
      applied
        .filter((m) => m.kind === 'Ingress')
        .flatMap((m) => (m.spec as { rules: { http: { paths: { path: string }[] } }[] }).rules.flatMap((r) => r.http.paths.map((p) => [p.path, m] as const))),
    );
    const live = byPath.get('/socket.io')?.metadata.annotations ?? {};
    expect(Number(live['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(live['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
    const metrics = byPath.get('/metrics')?.metadata.annotations ?? {};
    expect(metrics['nginx.ingress.kubernetes.io/whitelist-source-range']).toBe('127.0.0.1/32');
    for (const m of applied.filter((x) => x.kind === 'Ingress')) expect((m.spec as { ingressClassName: string }).ingressClassName).toBe('nginx');
  });

  it('scales the Deployment on CPU between at least 2 replicas (autoscaling/v2)', () => {
    const hpa = one('HorizontalPodAutoscaler');
    const spec = hpa.spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
      metrics: { type: string; resource?: { name: string } }[];
    };
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(spec.minReplicas).toBeLessThanOrEqual(deploymentSpec.replicas);
    expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
    expect(spec.metrics.map((m) => m.resource?.name)).toContain('cpu');
  });

  it('keeps at least one replica through voluntary disruptions', () => {
    const spec = one('PodDisruptionBudget').spec as { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    expect(spec.minAvailable).toBe(1);
    expect(matches(spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
  });

  it('lets in only the ingress controller, and out only DNS, Postgres, Redis and HTTPS', () => {
    const policy = one('NetworkPolicy').spec as {
      podSelector: { matchLabels: Record<string, string> };
      policyTypes: string[];
      ingress: { from: { namespaceSelector?: { matchLabels: Record<string, string> } }[] }[];
      egress: { ports: { port: number; protocol: string }[] }[];
    };
    expect(matches(policy.podSelector.matchLabels, pod.metadata.labels)).toBe(true);
    expect([...policy.policyTypes].sort()).toEqual(['Egress', 'Ingress']);
    const sources = policy.ingress.flatMap((r) => r.from);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.namespaceSelector?.matchLabels['kubernetes.io/metadata.name']).toBe('ingress-nginx');
    const egress = policy.egress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`)).sort();
    expect(egress).toEqual(['TCP/443', 'TCP/53', 'TCP/5432', 'TCP/6379', 'UDP/53']);
  });
});

describe('backups', () => {
  const cronJob = one('CronJob');
  const template = (cronJob.spec as { jobTemplate: { spec: { template: PodTemplate } } }).jobTemplate.spec.template;

  it('pg_dumps DATABASE_URL from the same Secret into the backup PersistentVolumeClaim', () => {
    const [container] = template.spec.containers;
    expect([...(container.command ?? []), ...(container.args ?? [])].join(' ')).toMatch(/pg_dump\b[^\n]*"\$DATABASE_URL"/);
    expect(container.env).toContainEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'convoy-secrets', key: 'DATABASE_URL' } } });
    const claim = template.spec.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim?.claimName;
    expect(one('PersistentVolumeClaim', claim).metadata.name).toBe(claim);
    expect((cronJob.spec as { concurrencyPolicy: string }).concurrencyPolicy).toBe('Forbid');
  });

  it('the restore example reads the same volume', () => {
    const job = one('Job', undefined, manifests);
    const spec = (job.spec as { template: PodTemplate }).template.spec;
    expect(spec.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim?.claimName).toBe(one('PersistentVolumeClaim').metadata.name);
    expect([...(spec.containers[0].args ?? [])].join(' ')).toMatch(/pg_restore\b/);
  });
});

describe('every pod (api, backup, restore)', () => {
  it.each(podTemplates().map((p) => [p.where, p.template] as const))('%s meets Pod Security "restricted"', (_where, template) => {
    expect(template.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(Number(template.spec.securityContext?.['runAsUser'])).toBeGreaterThan(0);
    for (const container of template.spec.containers) {
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    }
    expect(template.spec.automountServiceAccountToken).toBe(false);
  });

  it('the Namespace enforces Pod Security "restricted"', () => {
    expect(one('Namespace').metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});
