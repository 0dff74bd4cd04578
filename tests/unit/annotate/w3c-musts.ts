import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import type { AnySchemaObject, ValidateFunction } from 'ajv-draft-04';
import { REPO_ROOT } from '../../helpers/library.js';

// Runs the W3C Web Annotation conformance "test" files (WPT JSONtest format) against a JSON
// object. The suite is read at test time from ../shared (beside the repository); nothing of it
// is copied into the repository.
//
// JSONtest semantics, as the WPT harness applies them:
// - a .test file lists assertions: a path to a JSON schema file (draft-04), an inline schema,
//   an object naming an "assertionFile" with overrides, or a nested group of "assertions"
//   combined with "compareWith": "and" | "or";
// - each assertion has an assertionType (must/should/may), an expectedResult ("valid" by
//   default, or "invalid"), and onUnexpectedResult: "failAndContinue" (default), "failAndSkip",
//   "failAndStop", "passAndContinue", "passAndSkip", "passAndStop";
// - a result equal to expectedResult passes; otherwise onUnexpectedResult says whether that is
//   a failure or an acceptable pass, and whether the remaining assertions still run;
// - failures of an assertionType listed in the test's "skipFailures" do not fail the test.

export const CONFORMANCE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'w3c-web-annotation');
export const conformanceAvailable = (): boolean => fs.existsSync(path.join(CONFORMANCE_DIR, 'annotations', 'annotationMusts.test'));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

// A CommonJS module: under NodeNext the class is its `default` property.
const Ajv = AjvModule.default;

// RFC 3986 "URI" (scheme required) and RFC 3339 "date-time", the two formats the schemas use.
const URI = /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9a-f]{2})*$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && se <= 60;
}

export interface AssertionOutcome {
  file: string;
  title: string;
  assertionType: string;
  expected: 'valid' | 'invalid';
  actual: 'valid' | 'invalid';
  result: 'pass' | 'fail' | 'skipped' | 'not run';
  message: string;
}

export class ConformanceSuite {
  private readonly ajv: InstanceType<typeof Ajv>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly root: string = CONFORMANCE_DIR) {
    this.ajv = new Ajv({ allErrors: false, strictTypes: false, strictTuples: false, strictRequired: false, validateSchema: true });
    // JSONtest metadata on each assertion schema: known, carries no validation.
    for (const keyword of ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']) this.ajv.addKeyword({ keyword });
    this.ajv.addFormat('uri', { type: 'string', validate: (s: string) => URI.test(s) });
    this.ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    const defs = path.join(root, 'definitions');
    for (const f of fs.readdirSync(defs).filter((x) => x.endsWith('.json')).sort()) {
      this.ajv.addSchema(JSON.parse(fs.readFileSync(path.join(defs, f), 'utf8')) as AnySchemaObject);
    }
  }

  private validator(key: string, schema: AnySchemaObject): ValidateFunction {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    // Assertion ids are file names; two files may share one, so each is compiled on its own.
    if (typeof schema.id === 'string' && this.ajv.getSchema(schema.id)) this.ajv.removeSchema(schema.id);
    const v = this.ajv.compile(schema);
    this.compiled.set(key, v);
    return v;
  }

  private loadAssertion(file: string): AnySchemaObject {
    return JSON.parse(fs.readFileSync(path.join(this.root, file), 'utf8')) as AnySchemaObject;
  }

  /** Run one .test file (path relative to the suite root) against data. */
  run(testFile: string, data: Json): { outcomes: AssertionOutcome[]; passed: boolean } {
    const test = JSON.parse(fs.readFileSync(path.join(this.root, testFile), 'utf8')) as JsonObject;
    const skipFailures = Array.isArray(test.skipFailures) ? test.skipFailures.map(String) : [];
    const outcomes: AssertionOutcome[] = [];
    this.runList(asList(test.assertions), data, skipFailures, outcomes, testFile);
    return { outcomes, passed: outcomes.every((o) => o.result !== 'fail') };
  }

  /** Returns false when an assertion asked to stop (…AndSkip / …AndStop). */
  private runList(entries: Json[], data: Json, skipFailures: string[], out: AssertionOutcome[], where: string): boolean {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Json;
      if (isObject(entry) && Array.isArray(entry.assertions)) {
        const group: AssertionOutcome[] = [];
        this.runList(entry.assertions, data, [], group, `${where}#${i}`);
        const ok = entry.compareWith === 'or' ? group.some((o) => o.result === 'pass') : group.every((o) => o.result !== 'fail');
        const type = typeof entry.assertionType === 'string' ? entry.assertionType : 'must';
        out.push({
          file: `${where}#${i}`,
          title: typeof entry.title === 'string' ? entry.title : `group (${String(entry.compareWith ?? 'and')})`,
          assertionType: type,
          expected: 'valid',
          actual: ok ? 'valid' : 'invalid',
          result: ok ? 'pass' : skipFailures.includes(type) ? 'skipped' : 'fail',
          message: ok ? '' : group.filter((o) => o.result === 'fail').map((o) => o.message).join(' | '),
        });
        continue;
      }
      let schema: AnySchemaObject;
      let key: string;
      if (typeof entry === 'string') {
        schema = this.loadAssertion(entry);
        key = entry;
      } else if (isObject(entry) && typeof entry.assertionFile === 'string') {
        const { assertionFile, ...overrides } = entry;
        schema = { ...this.loadAssertion(assertionFile), ...overrides } as AnySchemaObject;
        key = `${assertionFile}?${JSON.stringify(overrides)}`;
      } else if (isObject(entry)) {
        schema = entry as AnySchemaObject;
        key = `${where}#inline${i}`;
      } else {
        throw new Error(`${where}: assertion ${i} is not understood`);
      }
      const expected = schema.expectedResult === 'invalid' ? 'invalid' : 'valid';
      const onUnexpected = typeof schema.onUnexpectedResult === 'string' ? schema.onUnexpectedResult : 'failAndContinue';
      const assertionType = typeof schema.assertionType === 'string' ? schema.assertionType : 'must';
      const validate = this.validator(key, schema);
      const actual = validate(data) ? 'valid' : 'invalid';
      let result: AssertionOutcome['result'] = 'pass';
      if (actual !== expected) {
        if (onUnexpected.startsWith('fail')) result = skipFailures.includes(assertionType) ? 'skipped' : 'fail';
      }
      out.push({
        file: key,
        title: typeof schema.title === 'string' ? schema.title : key,
        assertionType,
        expected,
        actual,
        result,
        message:
          actual === expected
            ? ''
            : `${key}: ${typeof schema.errorMessage === 'string' ? schema.errorMessage : 'unexpected result'} (${this.ajv.errorsText(validate.errors)})`,
      });
      if (actual !== expected && /And(Skip|Stop)$/.test(onUnexpected)) {
        for (const rest of entries.slice(i + 1)) {
          out.push({ file: typeof rest === 'string' ? rest : `${where}#rest`, title: '', assertionType: '', expected: 'valid', actual: 'invalid', result: 'not run', message: '' });
        }
        return false;
      }
    }
    return true;
  }
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
