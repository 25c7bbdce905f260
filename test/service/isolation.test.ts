// A page's failure stays that page's: should deriving a page's facts throw (a defect of ours; the parsers never
// throw), that page reports it and contributes nothing, and every other page is checked as before.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at } from './harness';

const C = 'docs/voldoen-aan-wetten-en-regels';
const BROKEN = `${C}/maatregelen/2-owp-02-kapot.md`;
const MEASURE = `${C}/maatregelen/2-owp-01-grondslag.md`;

/** A workspace whose reader hands back something that is not text for one page (what a defect would meet). */
class Hostile extends MemoryWorkspace {
  override readFile(path: string): string | undefined {
    return path === BROKEN ? (Symbol('not text') as unknown as string) : super.readFile(path);
  }
}

describe('a page whose checking fails', () => {
  it('says so on its first line, contributes nothing, and leaves the other pages as they were', () => {
    const measure = '---\ntitle: M\nid: urn:nl:ak:mtr:owp-01\ntoelichting: K\nlevenscyclus:\n- ontwerpp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n# M\n';
    const files = { ...CURRENT_BASE, [MEASURE]: measure, [BROKEN]: 'placeholder' };
    const service = createLanguageService(new Hostile(files), { language: 'en' });
    const broken = service.doValidation(BROKEN);
    assert.deepEqual(broken.map((d) => [d.code, at(d.range)]), [['file.not-checked', '0:0-0:16']]);
    assert.match(broken[0].message, /^This page could not be checked: the checker failed on it \(TypeError: .*\)\. The other pages are checked as usual/);
    const fresh = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [MEASURE]: measure }), { language: 'en' });
    assert.deepEqual(service.doValidation(MEASURE), fresh.doValidation(MEASURE));
    assert.ok(service.checkAll().some((f) => f.path === BROKEN && f.diagnostics.length === 1));
    assert.equal(service.graph().pages.some((p) => p.file === BROKEN), true);
    assert.equal(service.hover(BROKEN, { line: 0, character: 0 }), undefined);
    assert.deepEqual(service.complete(BROKEN, { line: 0, character: 0 }).items, []);
  });
});
