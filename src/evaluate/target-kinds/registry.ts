// Every target kind, by name: adding a kind is one file in this folder and one line here.
import { cagrKind } from './cagr.js';
import { cumulativeKind } from './cumulative.js';
import { growthEachYearKind } from './growth-each-year.js';
import { levelKind } from './level.js';
import { shareKind } from './share.js';
import type { TargetKindDefinition } from './target-kind.js';

const registered: readonly TargetKindDefinition[] = [levelKind, growthEachYearKind, cagrKind, cumulativeKind, shareKind];

/** The kinds by name, in the order the docs list them. */
export const targetKindRegistry: ReadonlyMap<string, TargetKindDefinition> = new Map(registered.map((kind) => [kind.name, kind]));

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
