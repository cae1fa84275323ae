// Every target kind, by name: adding a kind is one file in this folder and one line here.
import { cagrKind } from './cagr.js';
import { cumulativeKind } from './cumulative.js';
import { growthEachYearKind } from './growth-each-year.js';
import { levelKind } from './level.js';
import { shareKind } from './share.js';
import type { TargetKindDefinition } from './target-kind.js';

const registered: readonly TargetKindDefinition[] = [levelKind, growthEachYearKind, cagrKind, cumulativeKind, shareKind];

const kinds = new Map(registered.map((kind) => [kind.name, kind]));

/** The kinds by name, in the order the docs list them. */
export const targetKindRegistry: ReadonlyMap<string, TargetKindDefinition> = kinds;

/**
 * Registers a kind defined outside this folder (a plug-in loaded by a program that embeds the
 * engine, or a test's kind); shipped kinds are listed above instead.
 * @throws Error when a kind of that name is registered already
 */
export function registerTargetKind(kind: TargetKindDefinition): void {
  if (kinds.has(kind.name)) throw new Error(`internal: target kind ${kind.name} is registered already`);
  kinds.set(kind.name, kind);
}

/**
 * The definition of a kind.
 * @throws Error (a bug: targets are checked against the registry when parsed) for an unknown kind
 * @example targetKind('level').judged; // => 'level'
 */
export function targetKind(name: string): TargetKindDefinition {
  const kind = targetKindRegistry.get(name);
  if (!kind) throw new Error(`internal: target kind ${name} is not registered`);
  return kind;
}
