// zod/mini for the Sheets server library (issue 12: the script Sheets loads for every formula cell
// stays small). The rate-card schema (core/rates/schema.ts) is written once, with zod; in the Sheets
// build `zod/mini` resolves here: the few schema kinds and checks that schema uses, with zod's rules
// for what fails first and the same issue fields (code, path, expected, minimum, maximum, inclusive,
// values, keys) that validateCard turns into a bilingual message. Everything else (Excel, the CLI,
// the browser, the build-time check of the built-in cards) runs the real zod, and
// test/sheets/zod-mini.test.ts runs both on thousands of mutated cards and requires the same result.
// Only what core/rates/schema.ts calls is here; anything else is absent on purpose (a schema that
// needs more fails the Sheets build's test, not silently).

const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPlain = (x) => {
  if (!isObject(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === null || p === Object.prototype;
};
// Strings are measured in code points, as zod does.
const lengthOf = (x) => (typeof x === 'string' ? Array.from(x).length : x.length);
const hasLength = (x) => x !== null && x !== undefined && x.length !== undefined;

/**
 * A schema: `type(value, issues)` checks the kind and returns the parsed value; `checks` run after
 * it, in order. As in zod, a wrong kind (or a fraction for an integer) stops the checks after it,
 * except the length checks, which still run on anything that has a length; a failed bound does not.
 */
function schema(type, checks = []) {
  const run = (value, issues) => {
    const start = issues.length;
    const out = type(value, issues);
    let stopped = issues.length > start; // the kind failed
    for (const c of checks) {
      if (stopped && !c.length) continue;
      if (c.length && !hasLength(value)) continue;
      const issue = c.test(value);
      if (issue) {
        issues.push(issue);
        if (issue.stop) stopped = true;
      }
    }
    return out;
  };
  return {
    run,
    check: (...more) => schema(type, [...checks, ...more]),
    safeParse(value) {
      const issues = [];
      const data = run(value, issues);
      for (const i of issues) delete i.stop;
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
    parse(value) {
      const r = this.safeParse(value);
      if (!r.success) throw new Error(JSON.stringify(r.error.issues));
      return r.data;
    },
  };
}

const typeError = (expected) => ({ code: 'invalid_type', expected, path: [] });
const kind = (ok, expected) => (value, issues) => {
  if (!ok(value)) issues.push(typeError(expected));
  return value;
};
const prefixed = (key, from, issues) => {
  for (let i = from; i < issues.length; i++) issues[i].path.unshift(key);
};

export const string = () => schema(kind((x) => typeof x === 'string', 'string'));
export const number = () => schema(kind((x) => typeof x === 'number' && Number.isFinite(x), 'number'));
/** A safe integer: a fraction is a wrong type and stops; beyond the safe range is too big/small. */
export const int = () =>
  number().check({
    test: (x) =>
      !Number.isInteger(x)
        ? { ...typeError('int'), format: 'safeint', stop: true }
        : x > Number.MAX_SAFE_INTEGER
          ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, inclusive: true, path: [] }
          : x < Number.MIN_SAFE_INTEGER
            ? { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, inclusive: true, path: [] }
            : undefined,
  });

const bound = (code, key, limit, inclusive, pass) => ({
  test: (x) => (pass(x) ? undefined : { code, [key]: limit, inclusive, path: [] }),
});
export const minimum = (n) => bound('too_small', 'minimum', n, true, (x) => x >= n);
export const gt = (n) => bound('too_small', 'minimum', n, false, (x) => x > n);
export const maximum = (n) => bound('too_big', 'maximum', n, true, (x) => x <= n);
export const minLength = (n) => ({ length: true, test: (x) => (lengthOf(x) >= n ? undefined : { code: 'too_small', minimum: n, inclusive: true, path: [] }) });
export const maxLength = (n) => ({ length: true, test: (x) => (lengthOf(x) <= n ? undefined : { code: 'too_big', maximum: n, inclusive: true, path: [] }) });
export const regex = (re) => ({
  test: (x) => {
    re.lastIndex = 0;
    return re.test(x) ? undefined : { code: 'invalid_format', format: 'regex', pattern: String(re), path: [] };
  },
});

/** z.enum: one of the values (compared with ===). */
function oneOf(values) {
  const list = [...values];
  return schema((value, issues) => {
    if (!list.includes(value)) issues.push({ code: 'invalid_value', values: list, path: [] });
    return value;
  });
}
export { oneOf as enum };

export const array = (element) =>
  schema((value, issues) => {
    if (!Array.isArray(value)) {
      issues.push(typeError('array'));
      return value;
    }
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const from = issues.length;
      out[i] = element.run(value[i], issues);
      prefixed(i, from, issues);
    }
    return out;
  });

/** An object with exactly these keys: every key in shape order, then one issue naming the unknown ones. */
export const strictObject = (shape) =>
  schema((value, issues) => {
    if (!isObject(value)) {
      issues.push(typeError('object'));
      return value;
    }
    const out = {};
    for (const key of Object.keys(shape)) {
      if (key === '__proto__') continue;
      const from = issues.length;
      const v = shape[key].run(value[key], issues);
      prefixed(key, from, issues);
      if (v !== undefined || key in value) out[key] = v;
    }
    const unknown = [];
    for (const key in value) if (!Object.prototype.hasOwnProperty.call(shape, key)) unknown.push(key); // for…in, as zod
    if (unknown.length) issues.push({ code: 'unrecognized_keys', keys: unknown, path: [] });
    return out;
  });

/** A record whose keys must pass `keys` (a string schema) and whose values pass `values`. */
export const record = (keys, values) =>
  schema((value, issues) => {
    if (!isPlain(value)) {
      issues.push(typeError('record'));
      return value;
    }
    const out = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      const bad = [];
      keys.run(key, bad);
      if (bad.length) {
        issues.push({ code: 'invalid_key', path: [key] });
        continue;
      }
      const from = issues.length;
      out[key] = values.run(value[key], issues);
      prefixed(key, from, issues);
    }
    return out;
  });
