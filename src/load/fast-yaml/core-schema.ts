/** Plain scalars resolved under the YAML 1.2 core schema, exactly as the `yaml` package resolves them. */
import { DASH, DOT } from './chars';

// In the order the yaml package tries them.
const CORE_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The value of a non-empty plain scalar's text under the YAML 1.2 core schema: null for
 * `null`/`Null`/`NULL`/`~`, booleans for the three spellings of true/false, numbers for
 * integers (decimal, `0o` octal, `0x` hex), floats, `.inf` and `.nan`; the text itself otherwise
 * (`yes`, `on`, `0b1`, `1_000` stay strings, as in YAML 1.2 and compose-go's yaml.v3).
 */
export function plainScalarValue(raw: string): string | number | boolean | null {
  const c = raw.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    // Most compose values are words; only null/true/false spellings are not strings.
    switch (raw) {
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
    }
    return raw;
  }
  if (raw === '~') return null;
  if (!((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT)) return raw;
  if (CORE_OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (CORE_INT.test(raw)) return parseInt(raw, 10);
  if (CORE_HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (CORE_INF_NAN.test(raw)) {
    if (raw.slice(-3).toLowerCase() === 'nan') return NaN;
    return raw.charCodeAt(0) === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (CORE_EXP.test(raw) || CORE_FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

/** A scalar's value as a mapping key: both readers give every key as a string (null -> "null", 80 -> "80"). */
export function keyString(v: string | number | boolean | null): string {
  return v === null ? 'null' : String(v);
}
