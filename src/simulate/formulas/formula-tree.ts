// A parsed formula as plain data: what compile-formula.ts checks and compiles, made from mathjs's
// syntax tree once (parse-formula.ts) and kept with the model (VariableSpec.formulaTree), so a model
// read from the content cache, or sent to a worker thread, compiles without loading mathjs.
//
//   text ──mathjs parse──▶ MathNode ──formulaTreeOf──▶ FormulaTree ──check, compile──▶ closure tree
//
// Parentheses are dropped (they only group); every other node keeps what the checks and their
// messages read: a constant's value, a name, an operator's function and sign, a call's name and text.
import type { MathNode } from 'mathjs';

export type FormulaTree =
  /** A number. */
  | { readonly kind: 'number'; readonly value: number }
  /** A variable's or a parameter's name. */
  | { readonly kind: 'symbol'; readonly name: string }
  /** An operator: mathjs's function name (`add`, `unaryMinus`, …) and its sign as written (`+`, `-`, …). */
  | { readonly kind: 'operator'; readonly fn: string; readonly op: string; readonly args: readonly FormulaTree[] }
  /** A function call: its name (or the text of what is called) and the call's text, for messages. */
  | { readonly kind: 'call'; readonly name: string; readonly text: string; readonly args: readonly FormulaTree[] }
  /**
   * Anything else (a string or boolean constant, an assignment, a matrix, …): never compiled, only
   * reported, by its text, found in the formula (a constant) or at its start.
   */
  | { readonly kind: 'other'; readonly text: string; readonly constant: boolean };

/** The tree of a mathjs syntax tree (see FormulaTree). */
export function formulaTreeOf(node: MathNode): FormulaTree {
  const n = node as MathNode & { name?: string; op?: string; fn?: unknown; args?: MathNode[]; content?: MathNode; value?: unknown };
  switch (node.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? { kind: 'number', value: n.value } : { kind: 'other', text: node.toString(), constant: true };
    case 'ParenthesisNode':
      return formulaTreeOf(n.content!);
    case 'SymbolNode':
      return { kind: 'symbol', name: n.name! };
    case 'OperatorNode':
      return { kind: 'operator', fn: String(n.fn), op: n.op!, args: n.args!.map(formulaTreeOf) };
    case 'FunctionNode': {
      const fnNode = n.fn as MathNode & { name?: string };
      return { kind: 'call', name: fnNode.type === 'SymbolNode' ? fnNode.name! : fnNode.toString(), text: node.toString(), args: n.args!.map(formulaTreeOf) };
    }
    default:
      return { kind: 'other', text: node.toString(), constant: false };
  }
}
