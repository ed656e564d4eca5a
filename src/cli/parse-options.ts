/**
 * Command-line options with errors a person can act on. `node:util`'s strict mode throws
 * `ERR_PARSE_ARGS_*` with wording of its own and no option name to pick up, so the tokens are read in loose
 * mode and checked here: each error names the option and, when the values are closed, the allowed ones.
 * Shared by `npm run verify`, `npm run preview` and `npm run sandbox`.
 */
import {parseArgs} from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Closed list of values (`--costs blended|unblended`). */
  readonly values?: readonly string[];
  /** May be given several times (`--linked A --linked B`): every value, in order. */
  readonly multiple?: boolean;
}

type Specs = Readonly<Record<string, OptionSpec>>;
type OneValue<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S extends {readonly values: readonly (infer V)[]} ? V : string;
type ValueOf<S extends OptionSpec> = S extends {readonly multiple: true} ? readonly OneValue<S>[] : OneValue<S>;
/** What was given, typed from the specs: absent options are undefined. */
export type OptionValues<S extends Specs> = {readonly [K in keyof S]?: ValueOf<S[K]>};

export type ParsedOptions<S extends Specs> = {readonly ok: true; readonly values: OptionValues<S>} | {readonly ok: false; readonly error: string};

const oneOf = (values: readonly string[]) => values.join(' or ');

export function parseOptions<S extends Specs>(args: readonly string[], specs: S): ParsedOptions<S> {
  const {tokens} = parseArgs({args: [...args], options: specs, strict: false, allowPositionals: true, tokens: true});
  const values: Record<string, string | boolean | string[]> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') return {ok: false, error: `unexpected argument "${token.value}"`};
    if (token.kind === 'option-terminator') continue; // what follows `--` is positional, refused above
    const spec = specs[token.name];
    if (!spec) return {ok: false, error: `unknown option ${token.rawName}`};
    if (spec.type === 'boolean') {
      if (token.value !== undefined) return {ok: false, error: `${token.rawName} takes no value`};
      values[token.name] = true;
      continue;
    }
    // Loose mode takes the next word as the value even when it is another option (`--bucket --json`).
    const value = token.inlineValue ? token.value : token.value?.startsWith('-') ? undefined : token.value;
    if (value === undefined) return {ok: false, error: `${token.rawName} needs a value${spec.values ? `: ${oneOf(spec.values)}` : ''}`};
    if (spec.values && !spec.values.includes(value)) return {ok: false, error: `${token.rawName} must be ${oneOf(spec.values)}, not "${value}"`};
    values[token.name] = spec.multiple ? [...((values[token.name] as string[] | undefined) ?? []), value] : value;
  }
  return {ok: true, values: values as OptionValues<S>};
}
