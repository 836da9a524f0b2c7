import { join } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { listWorkspaceFiles, readWorkspaceFile, WORKSPACE_ROOT } from './workspace';

export const K8S_DIR = 'docker/k8s';

/** A manifest as parsed from YAML (plain data; the models below validate it). */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface ManifestDocument {
  file: string;
  index: number;
  manifest: Manifest;
}

interface ModelClass {
  new (data: never): { validate(): void };
}

/**
 * The kinds Convoy's manifests may use: their kubernetes-models class (runtime schema validation)
 * and the module + interface that types them (unknown-field checks, see typeCheckManifests).
 */
export const MODELS: Record<string, { model: ModelClass; module: string; type: string }> = {
  'v1/Namespace': { model: Namespace, module: 'kubernetes-models/v1/Namespace', type: 'INamespace' },
  'v1/ServiceAccount': { model: ServiceAccount, module: 'kubernetes-models/v1/ServiceAccount', type: 'IServiceAccount' },
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret, module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'v1/PersistentVolumeClaim': {
    model: PersistentVolumeClaim,
    module: 'kubernetes-models/v1/PersistentVolumeClaim',
    type: 'IPersistentVolumeClaim',
  },
  'apps/v1/Deployment': { model: Deployment, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'batch/v1/CronJob': { model: CronJob, module: 'kubernetes-models/batch/v1/CronJob', type: 'ICronJob' },
  'batch/v1/Job': { model: Job, module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
  'networking.k8s.io/v1/Ingress': { model: Ingress, module: 'kubernetes-models/networking.k8s.io/v1/Ingress', type: 'IIngress' },
  'networking.k8s.io/v1/NetworkPolicy': {
    model: NetworkPolicy,
    module: 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    type: 'INetworkPolicy',
  },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
};

export function modelKey(manifest: Pick<Manifest, 'apiVersion' | 'kind'>): string {
  return `${manifest.apiVersion}/${manifest.kind}`;
}

/** Every YAML file under docker/k8s except kustomization.yaml. */
export function manifestFiles(): string[] {
  return listWorkspaceFiles(K8S_DIR).filter((f) => /\.ya?ml$/.test(f) && !/\/kustomization\.ya?ml$/.test(f));
}

/** Parses every document of every manifest file; YAML errors and warnings throw, naming the file. */
export function loadManifests(): ManifestDocument[] {
  return manifestFiles().flatMap((file) => {
    const documents = parseAllDocuments(readWorkspaceFile(file), { prettyErrors: true });
    return documents.map((document, index) => {
      const problems = [...document.errors, ...document.warnings];
      if (problems.length > 0) throw new Error(`${file} #${index}: ${problems.map((p) => p.message).join('; ')}`);
      return { file, index, manifest: document.toJS() as Manifest };
    });
  });
}

/**
 * Unknown fields and wrong types, which the runtime validators let through: every manifest is
 * written as an object literal of its kubernetes-models interface (`const m: IDeployment = {…}`) and
 * type-checked, so TypeScript's excess-property check rejects `readinessprobe:` or `port: true`.
 * Returns one message per problem, naming the file and the path.
 */
export function typeCheckManifests(documents: ManifestDocument[]): string[] {
  const imports = new Map<string, string>();
  const declarations = documents.map(({ manifest }, i) => {
    const entry = MODELS[modelKey(manifest)];
    if (!entry) throw new Error(`no model for ${modelKey(manifest)}`);
    imports.set(entry.type, entry.module);
    return `export const manifest${i}: ${entry.type} = ${JSON.stringify(manifest, null, 2)};`;
  });
  const source = [
    ...[...imports].map(([type, module]) => `import type { ${type} } from '${module}';`),
    ...declarations,
  ].join('\n');
  const fileName = join(WORKSPACE_ROOT, 'apps/deploy-check/src/__manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (f: string) => f === fileName || exists(f))(host.fileExists.bind(host));
  host.readFile = (f) => (f === fileName ? source : readFile(f));
  host.getSourceFile = (f, language, onError, create) =>
    f === fileName ? ts.createSourceFile(f, source, language, true) : getSourceFile(f, language, onError, create);
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error('the generated manifest source was not compiled');
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  return diagnostics.map((diagnostic) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const declaration = source.split('\n').slice(0, line + 1).reverse().find((l) => l.startsWith('export const manifest'));
    const which = Number(/manifest(\d+)/.exec(declaration ?? '')?.[1]);
    const where = documents[which] ? `${documents[which].file} #${documents[which].index}` : `line ${line + 1}`;
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/** The Kustomization (no model in kubernetes-models: checked by hand). */
export interface Kustomization {
  namespace?: string;
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
}

export function loadKustomization(): Kustomization {
  const [document, ...rest] = parseAllDocuments(readWorkspaceFile(K8S_DIR, 'kustomization.yaml'));
  if (rest.length > 0 || document.errors.length > 0) throw new Error('kustomization.yaml: one valid document expected');
  return document.toJS() as Kustomization;
}

/** `docker/k8s/pdb.yaml` → `pdb.yaml` (as kustomization.yaml lists it). */
export function k8sRelative(file: string): string {
  return file.slice(K8S_DIR.length + 1);
}
