/**
 * Offline checks of what Excel loads besides code: the generated functions.json / functions-zh-cn.json
 * against Microsoft's custom-functions schema (bundled in @microsoft/app-manifest, v1.25), and the
 * structure of manifest.xml (shared runtime, every resid resolves, https, stable id).
 * `npm run validate` (Microsoft's online validator) stays out of CI.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { CATALOGUE } from '../../core/functions';
import { buildMetadata, clip, NAMESPACE } from '../../addin-excel/metadata';

const require = createRequire(import.meta.url);
const DIST = path.resolve('dist/excel');
const SCHEMA = require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.schema.json');
const readJson = (f: string) => JSON.parse(readFileSync(path.join(DIST, f), 'utf8'));

function customFunctionsValidator() {
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false });
  (addFormats.default ?? addFormats)(ajv);
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  ajv.addSchema(schema, 'teams');
  return ajv.compile({ $ref: 'teams#/definitions/extensionCustomFunctions' });
}

describe('functions.json / functions-zh-cn.json', () => {
  const validate = customFunctionsValidator();
  for (const file of ['functions.json', 'functions-zh-cn.json']) {
    it(`${file} is valid against Microsoft's extensionCustomFunctions schema`, () => {
      // allowErrorForDataTypeAny is a top-level property of the standalone metadata file
      // (custom-functions.schema.json, "Manually create JSON metadata"), which the unified-manifest
      // block this schema describes does not carry: checked on its own below.
      const { allowErrorForDataTypeAny, ...meta } = readJson(file);
      expect(allowErrorForDataTypeAny).toBe(true);
      const doc = { ...meta, namespace: { id: NAMESPACE, name: NAMESPACE } };
      const ok = validate(doc);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('is generated from the catalogue: one function per definition, ids = sheet names, same in both languages', () => {
    const en = readJson('functions.json');
    const zh = readJson('functions-zh-cn.json');
    expect(en).toEqual(JSON.parse(JSON.stringify(buildMetadata(CATALOGUE, 'en'))));
    expect(zh).toEqual(JSON.parse(JSON.stringify(buildMetadata(CATALOGUE, 'zh'))));
    expect(en.functions.map((f: { id: string }) => f.id)).toEqual(CATALOGUE.map((d) => d.name));
    expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(CATALOGUE.map((d) => d.name));
    for (const [i, def] of CATALOGUE.entries()) {
      const f = en.functions[i];
      const g = zh.functions[i];
      expect(f.name).toBe(def.name);
      expect(f.description).toBe(clip(def.help.en));
      expect(g.description).toBe(clip(def.help.zh));
      // The English names in every display language (typed formulas, documents and the Sheets
      // add-on use them); zh-CN localises the descriptions and parameter help only.
      expect(g.name).toBe(def.name);
      expect(g.name).toBe(f.name);
      expect(f.parameters.map((p: { name: string }) => p.name)).toEqual(def.args.map((a) => a.name));
      expect(g.parameters.map((p: { name: string }) => p.name)).toEqual(def.args.map((a) => a.name));
      for (const [j, a] of def.args.entries()) {
        if (a.nameZh.trim()) expect(g.parameters[j].description.startsWith(a.nameZh.trim()), `${def.name} ${a.name}`).toBe(true);
        expect(g.parameters[j].description).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(f.parameters.map((p: { optional?: boolean }) => p.optional === true)).toEqual(def.args.map((a) => a.optional === true));
      // Ranges in, arrays out.
      for (const p of [...f.parameters, ...g.parameters]) expect(p).toMatchObject({ type: 'any', dimensionality: 'matrix' });
      expect(f.result).toEqual({ dimensionality: 'matrix' });
    }
  });

  it('zh-CN parameter help names the parameter once ("丢件率：0.02 或 2%", not "丢件率：丢件率：…")', () => {
    const zh = buildMetadata(CATALOGUE, 'zh') as { functions: { id: string; parameters: { name: string; description: string }[] }[] };
    const doubled = zh.functions.flatMap((f) => f.parameters.filter((p) => {
      const m = /^([^：]+)：/.exec(p.description);
      return m !== null && p.description.slice(m[0].length).startsWith(m[0]);
    }).map((p) => `${f.id}(${p.name}): ${p.description}`));
    expect(doubled).toEqual([]);
  });

  it('no custom enum (a rejected enum would turn EVERY function into #NAME?); carriers listed in the parameter help', () => {
    for (const file of ['functions.json', 'functions-zh-cn.json']) {
      const meta = readJson(file);
      expect(meta.enums, file).toBeUndefined();
      for (const f of meta.functions) {
        for (const p of f.parameters) {
          // Never an enum on an `any` parameter (Microsoft's generator only emits enums on string).
          expect('customEnumId' in p || 'customEnumType' in p, `${file} ${f.id}.${p.name}`).toBe(false);
          if (p.type === 'any') expect(p.customEnumId ?? p.customEnumType).toBeUndefined();
        }
      }
    }
    const en = readJson('functions.json');
    const withChoices = CATALOGUE.flatMap((d) => d.args.filter((a) => a.choices?.length).map((a) => ({ d, a })));
    expect(withChoices.length).toBeGreaterThan(0);
    for (const { d, a } of withChoices) {
      const p = en.functions.find((f: { id: string }) => f.id === d.name).parameters.find((q: { name: string }) => q.name === a.name);
      expect(p.description).toContain(a.choices![0]);
      expect(p.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('the schema check is not vacuous', () => {
    const bad = { functions: [{ id: '1 bad id', name: 'x', parameters: [], result: {} }], namespace: { id: 'AE', name: 'AE' } };
    expect(validate(bad)).toBe(false);
  });
});

describe('manifest.xml', () => {
  const xml = readFileSync(path.resolve('manifest.xml'), 'utf8');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false, isArray: () => false });
  const doc = parser.parse(xml).OfficeApp;
  const vo = doc.VersionOverrides;
  const host = vo.Hosts.Host;
  const res = vo.Resources;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Node = any;
  const list = (x: unknown): Node[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
  const byId = (x: unknown) => new Map<string, Node>(list(x).map((u: Node) => [u['@id'] as string, u]));
  const ids = {
    url: byId(res['bt:Urls']['bt:Url']),
    image: byId(res['bt:Images']['bt:Image']),
    short: byId(res['bt:ShortStrings']['bt:String']),
    long: byId(res['bt:LongStrings']['bt:String']),
  };

  it('has a stable GUID, a 4-part version, the Workbook host, SharedRuntime and ReadWriteDocument', () => {
    expect(doc.Id).toBe('9b15eeeb-c258-4289-8fe8-3bc74bcb3198');
    expect(doc.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(doc.Hosts.Host['@Name']).toBe('Workbook');
    expect(doc.Requirements.Sets.Set).toMatchObject({ '@Name': 'SharedRuntime', '@MinVersion': '1.1' });
    expect(doc.Permissions).toBe('ReadWriteDocument');
  });

  it('every resid resolves to a resource of the right kind', () => {
    const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    for (const id of resids) {
      const found = ids.url.has(id) || ids.image.has(id) || ids.short.has(id) || ids.long.has(id);
      expect(found, `resid ${id}`).toBe(true);
    }
    for (const m of xml.matchAll(/<bt:Image size="\d+" resid="([^"]+)"/g)) expect(ids.image.has(m[1]), m[1]).toBe(true);
    for (const m of xml.matchAll(/<(?:Label|Title) resid="([^"]+)"/g)) expect(ids.short.has(m[1]), m[1]).toBe(true);
    for (const m of xml.matchAll(/<Description resid="([^"]+)"/g)) expect(ids.long.has(m[1]), m[1]).toBe(true);
    for (const m of xml.matchAll(/<SourceLocation resid="([^"]+)"/g)) expect(ids.url.has(m[1]), m[1]).toBe(true);
  });

  it('shared runtime: the custom-functions page is the long-lived runtime page, loading functions.js / functions.json, namespace AE', () => {
    const runtime = host.Runtimes.Runtime;
    expect(runtime['@lifetime']).toBe('long');
    const ep = host.AllFormFactors.ExtensionPoint;
    expect(ep['@xsi:type']).toBe('CustomFunctions');
    expect(ep.Page.SourceLocation['@resid']).toBe(runtime['@resid']);
    expect(host.DesktopFormFactor.FunctionFile['@resid']).toBe(runtime['@resid']);
    expect(ids.url.get(ep.Script.SourceLocation['@resid'])['@DefaultValue']).toMatch(/\/functions\.js$/);
    const meta = ids.url.get(ep.Metadata.SourceLocation['@resid']);
    expect(meta['@DefaultValue']).toMatch(/\/functions\.json$/);
    expect(meta['bt:Override']).toMatchObject({ '@Locale': 'zh-cn' });
    expect(meta['bt:Override']['@Value']).toMatch(/\/functions-zh-cn\.json$/);
    expect(ids.short.get(ep.Namespace['@resid'])['@DefaultValue']).toBe(NAMESPACE);
    expect(ids.url.get(runtime['@resid'])['@DefaultValue']).toMatch(/\/taskpane\.html$/);
  });

  it('has a ribbon button that shows the task pane, and zh-CN overrides for every visible string', () => {
    const control = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group.Control;
    expect(control.Action['@xsi:type']).toBe('ShowTaskpane');
    expect(control.Action.SourceLocation['@resid']).toBe('Taskpane.Url');
    for (const [id, s] of [...ids.short, ...ids.long]) {
      if (id === 'Functions.Namespace') continue;
      expect((s as Record<string, unknown>)['bt:Override'], id).toMatchObject({ '@Locale': 'zh-CN' });
    }
    expect(doc.DisplayName.Override['@Locale']).toBe('zh-CN');
    expect(doc.Description.Override['@Locale']).toBe('zh-CN');
  });

  it('every URL is https, on one origin, and names a file the build emits', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u, u).toMatch(/^https:\/\//);
      expect(new URL(u).origin).toBe('https://localhost:3000');
      // The site layout (web/site.mjs): the add-in under /excel/, the help page at the root.
      const file = new URL(u).pathname.slice(1);
      expect(() => readFileSync(path.join(DIST, '..', file)), file).not.toThrow();
    }
    for (const m of xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  it('dist/excel/manifest.xml is the same manifest (built for the default origin)', () => {
    expect(readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')).toBe(xml);
  });

  it('SupportUrl and LearnMoreUrl go to the help page of the site, not the task pane [issue 10]', () => {
    expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/support.html"/>');
    expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/support.html"/>');
    const help = readFileSync(path.join(DIST, '..', 'support.html'), 'utf8');
    expect(help).toContain('Help and support');
    expect(help).toContain('帮助与支持');
  });
});
