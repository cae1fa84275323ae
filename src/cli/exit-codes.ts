// Exit codes of the `forecast` command (DESIGN §8).

export const exitCodes = {
  /** The command ran. */
  ok: 0,
  /** `--check` was given and a target was missed. */
  targetMissed: 1,
  /** An input file broke a rule (InputError, ModelError) or the command line was wrong. */
  inputError: 2,
  /** A bug: anything else. */
  internalError: 3,
} as const;
