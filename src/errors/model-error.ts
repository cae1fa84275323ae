// ModelError: the inputs are well formed but a model cannot be built from them (too few points, …).

/** Names the variable, the law and the data involved; the CLI reports it with exit code 2. */
export class ModelError extends Error {
  readonly variable: string;
  readonly law: string;

  constructor(variable: string, law: string, message: string) {
    super(`${variable} (law ${law}): ${message}`);
    this.name = 'ModelError';
    this.variable = variable;
    this.law = law;
  }
}
