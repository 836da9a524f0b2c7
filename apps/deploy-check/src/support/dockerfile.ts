import { posix } from 'node:path';
import { DockerfileParser, type From, type Instruction, ModifiableInstruction, PropertyInstruction } from 'dockerfile-ast';
import { readWorkspaceFile } from './workspace';

export const DOCKERFILE = 'docker/Dockerfile';

/** One build stage: its FROM, the stage it is built on (if any), its own instructions. */
export interface Stage {
  name: string | null;
  from: From;
  parent?: Stage;
  instructions: Instruction[];
}

export function loadStages(): Stage[] {
  const dockerfile = DockerfileParser.parse(readWorkspaceFile(DOCKERFILE));
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const image = from.getImage();
      stages.push({
        name: from.getBuildStage(),
        from,
        parent: stages.find((s) => s.name !== null && s.name === image),
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    } else if (instruction.getKeyword() !== 'ARG') {
      throw new Error(`${DOCKERFILE}: ${instruction.getKeyword()} before the first FROM`);
    }
  }
  return stages;
}

/** The stage and the stages it is built on, base first. */
export function lineage(stage: Stage): Stage[] {
  return stage.parent ? [...lineage(stage.parent), stage] : [stage];
}

/** Instructions with `keyword` in effect for `stage` (inherited ones first). */
export function effective(stage: Stage, keyword: string): Instruction[] {
  return lineage(stage).flatMap((s) => s.instructions.filter((i) => i.getKeyword() === keyword));
}

export function flag(instruction: Instruction, name: string): string | undefined {
  if (!(instruction instanceof ModifiableInstruction)) return undefined;
  return instruction.getFlags().find((f) => f.getName() === name)?.getValue() ?? undefined;
}

/** ENV variables in effect for `stage`, later definitions winning. */
export function environment(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const instruction of effective(stage, 'ENV')) {
    if (!(instruction instanceof PropertyInstruction)) continue;
    for (const property of instruction.getProperties()) {
      env.set(property.getName(), property.getValue() ?? '');
    }
  }
  return env;
}

/** The working directory in effect at the end of `stage` (absolute). */
export function workdir(stage: Stage): string {
  return effective(stage, 'WORKDIR').reduce((dir, i) => posix.resolve(dir, i.getArgumentsContent() ?? ''), '/');
}

/** The exec-form array of a JSON instruction (CMD, ENTRYPOINT) or of `HEALTHCHECK … CMD [...]`. */
export function execForm(instruction: Instruction): string[] {
  const raw = (instruction.getRawArgumentsContent() ?? '').replace(/\\\n/g, ' ').trim();
  const json = instruction.getKeyword() === 'HEALTHCHECK' ? raw.replace(/^CMD\s+/, '') : raw;
  if (!json.startsWith('[')) throw new Error(`${instruction.getKeyword()} is not in exec form: ${raw}`);
  return JSON.parse(json) as string[];
}

/** `COPY [--from=x] src… dest`: sources and destination as written. */
export function copyArguments(instruction: Instruction): { from?: string; sources: string[]; destination: string } {
  const args = instruction.getArguments().map((a) => a.getValue());
  return { from: flag(instruction, 'from'), sources: args.slice(0, -1), destination: args[args.length - 1] };
}
