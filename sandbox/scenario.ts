/**
 * A scenario is one JSON file holding a whole simulated world: `abiquo` (users, roles, scopes, enterprises,
 * properties, credentials) and `aws` (accounts, IAM users and keys, buckets and their contents).
 * A scenario may `extends` another file of this folder; objects are merged deeply, arrays replace.
 * The shapes of the two sections belong to `abiquo/scenario-types.ts` and `aws/scenario-types.ts`.
 */
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const scenariosDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

export interface ScenarioFile {
  name: string;
  description: string;
  extends?: string;
  abiquo?: Record<string, unknown>;
  aws?: Record<string, unknown>;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: Json, override: Json): Json {
  if (!isObject(base) || !isObject(override)) return override === undefined ? base : override;
  const merged: Record<string, Json> = {...base};
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/** Resolves a scenario by file path or by bare name (`happy-path`) in `sandbox/scenarios/`. */
export function scenarioPath(nameOrFile: string): string {
  if (nameOrFile.endsWith('.json')) return path.resolve(nameOrFile.includes('/') ? nameOrFile : path.join(scenariosDir, nameOrFile));
  return path.join(scenariosDir, `${nameOrFile}.json`);
}

export function loadScenario(nameOrFile: string, seen: readonly string[] = []): ScenarioFile {
  const file = scenarioPath(nameOrFile);
  if (seen.includes(file)) throw new Error(`Scenario ${file} extends itself through ${seen.join(' → ')}`);
  const own = JSON.parse(readFileSync(file, 'utf8')) as ScenarioFile;
  if (!own.extends) return own;
  const parent = loadScenario(path.join(path.dirname(file), own.extends), [...seen, file]);
  const {extends: _ignored, ...rest} = own;
  return deepMerge(parent, rest) as ScenarioFile;
}

export function listScenarios(): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}
