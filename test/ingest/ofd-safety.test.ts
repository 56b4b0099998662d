import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { readOfd } from '../../src/ingest/ofd.js';
import { parseXmlPart } from '../../src/ingest/ofd/xml.js';
import { MAX_RATIO } from '../../src/ingest/zip-limits.js';
import { GongwenError } from '../../src/model/errors.js';
import { fixturesDir } from '../helpers.js';

// Damaged and hostile OFD packages: those in fixtures/bad/ (scripts/fixtures/make-ofd-fixtures.ts), and
// others made here by editing the seed fixture.
const badDir = join(fixturesDir, 'bad');
const seedOfd = (): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, 'notices', 'seed-000.ofd')));

const XXE = '<!DOCTYPE ofd:Page [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

async function failure(bytes: Uint8Array, read: (bytes: Uint8Array) => Promise<unknown> = readOfd): Promise<GongwenError> {
  const error = await read(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GongwenError);
  return error as GongwenError;
}

/** The seed fixture with its parts changed by `edit`. */
async function edited(edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(seedOfd());
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function replaceIn(zip: JSZip, name: string, from: string | RegExp, to: string): Promise<void> {
  const text = await zip.file(name)!.async('string');
  expect(text).toMatch(from);
  zip.file(name, text.replace(from, to));
}

describe('damaged OFD packages (fixtures/bad)', () => {
  it.each([
    ['traversal.ofd', /^the content of page 2 is named as "\.\.\/\.\.\/\.\.\/etc\/passwd", outside the package; the OFD package is damaged/],
    ['xxe.ofd', /^the content of page 1 \(Doc_0\/Pages\/Page_0\/Content\.xml\) declares a DTD \(<!DOCTYPE …>\), which OFD parts never do; its entities are not read/],
    ['missing-page.ofd', /^the content of page 2 \(Doc_0\/Pages\/Page_1\/Content\.xml\) is missing/],
    ['no-docroot.ofd', /^the document root \(DocRoot\) of OFD\.xml is not named/],
  ])('%s: E_CORRUPT_OFD, saying what is wrong', async (file, message) => {
    const error = await failure(new Uint8Array(readFileSync(join(badDir, file))));
    expect(error.code).toBe('E_CORRUPT_OFD');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['OFD.xml without a DocBody', async (zip: JSZip) => replaceIn(zip, 'OFD.xml', /<ofd:DocBody>.*<\/ofd:DocBody>/s, ''), /OFD\.xml has no DocBody/],
    ['a document that lists no pages', async (zip: JSZip) => replaceIn(zip, 'Doc_0/Document.xml', /<ofd:Pages>.*<\/ofd:Pages>/s, ''), /Doc_0\/Document\.xml lists no pages/],
    ['a page that is not well-formed XML', async (zip: JSZip) => replaceIn(zip, 'Doc_0/Pages/Page_2/Content.xml', '</ofd:Layer>', ''), /page 3 \(Doc_0\/Pages\/Page_2\/Content\.xml\) is not well-formed XML/],
    [
      'a page cut short',
      async (zip: JSZip) => {
        const text = await zip.file('Doc_0/Pages/Page_3/Content.xml')!.async('string');
        zip.file('Doc_0/Pages/Page_3/Content.xml', text.slice(0, Math.floor(text.length / 2)));
      },
      /page 4 \(Doc_0\/Pages\/Page_3\/Content\.xml\) is not well-formed XML \(.*cut short\?\)/,
    ],
    ['a page that holds no XML', async (zip: JSZip) => void zip.file('Doc_0/Pages/Page_1/Content.xml', 'not xml'), /page 2 .* holds no XML element/],
    ['no OFD.xml DocRoot part', async (zip: JSZip) => void zip.remove('Doc_0/Document.xml'), /the document root \(DocRoot\) of OFD\.xml \(Doc_0\/Document\.xml\) is missing/],
  ])('%s: E_CORRUPT_OFD', async (_, edit, message) => {
    const error = await failure(await edited(edit));
    expect(error.code).toBe('E_CORRUPT_OFD');
    expect(error.message).toMatch(message);
  });

  it('a part that does not inflate: E_CORRUPT_OFD', async () => {
    const bytes = await edited(() => undefined);
    // Damages the compressed data of the first part and leaves the ZIP directory intact.
    const error = await failure(bytes.map((byte, i) => (i >= 60 && i < 90 ? byte ^ 0xff : byte)));
    expect(error.code).toBe('E_CORRUPT_OFD');
  });

  it('an OFD cut short, read from its bytes and name: E_CORRUPT_OFD', async () => {
    const bytes = seedOfd();
    const error = await failure(bytes.subarray(0, Math.floor(bytes.length * 0.6)), (cut) => ingest(cut, { fileName: 'notice.ofd' }));
    expect(error.code).toBe('E_CORRUPT_OFD');
    expect(error.message).toMatch(/the ZIP package .*; the OFD package is damaged/);
  });
});

describe('external entities', () => {
  it('are never resolved: a part declaring a DTD is refused before it is parsed', () => {
    const payload = `<?xml version="1.0"?>${XXE}<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:TextCode>&xxe;</ofd:TextCode></ofd:Page>`;
    expect(parseXmlPart(new TextEncoder().encode(payload))).toEqual({ problem: expect.stringMatching(/declares a DTD/) });
  });

  it('in a part the text does not need, leave that part out with a warning and read the rest', async () => {
    const bytes = await edited((zip) => replaceIn(zip, 'Doc_0/PublicRes.xml', /^(<\?xml[^>]*\?>\n)(<ofd:Res[^>]*>)/, `$1${XXE}\n$2<ofd:Fonts><ofd:Font ID="99" FontName="&xxe;"/></ofd:Fonts>`));
    const { value, messages } = await readOfd(bytes);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'ingest:ofd-damaged-part', severity: 'warning', found: 'Doc_0/PublicRes.xml' })]);
    expect(value.blocks.length).toBeGreaterThan(10);
    expect(JSON.stringify(value)).not.toMatch(/root:|passwd|xxe/);
  });
});

describe('paths out of the package', () => {
  it('in a part the text does not need, are left out with a warning', async () => {
    const bytes = await edited(async (zip) => {
      await replaceIn(zip, 'OFD.xml', 'Doc_0/Signs/Signatures.xml', '../../Signs/Signatures.xml');
      await replaceIn(zip, 'Doc_0/Pages/Page_1/Content.xml', 'TemplateID="4"', 'TemplateID="404"');
    });
    const { value, messages } = await readOfd(bytes);
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: 'ingest:ofd-outside-package', message: 'the signature list is named as "../../Signs/Signatures.xml", outside the package; it was not read' }),
      expect.objectContaining({ ruleId: 'ingest:ofd-missing-part', page: 2, message: 'page 2 uses template 404, which the document does not declare; it was left out' }),
    ]);
    expect(value.stamps).toEqual([]);
  });

  it('in a part the text needs, make the file damaged, even where an entry of that name is in the ZIP', async () => {
    const bytes = await edited(async (zip) => {
      zip.file('../../evil/Content.xml', await zip.file('Doc_0/Pages/Page_1/Content.xml')!.async('string'));
      await replaceIn(zip, 'Doc_0/Document.xml', 'BaseLoc="Pages/Page_1/Content.xml"', 'BaseLoc="/../../evil/Content.xml"');
    });
    const error = await failure(bytes);
    expect(error.code).toBe('E_CORRUPT_OFD');
    expect(error.message).toMatch(/^the content of page 2 is named as "\/\.\.\/\.\.\/evil\/Content\.xml", outside the package/);
  });
});

describe('ZIP bombs', () => {
  it('an OFD whose part would inflate far beyond its size: E_OFD_TOO_LARGE, from its directory', async () => {
    const bytes = await edited((zip) => void zip.file('Doc_0/Res/huge.xml', '0'.repeat(16 * 1024 * 1024)));
    const error = await failure(bytes);
    expect(error.code).toBe('E_OFD_TOO_LARGE');
    expect(error.message).toMatch(new RegExp(`Doc_0/Res/huge\\.xml inflates from \\d+ bytes to 16\\.0 MiB, more than ${MAX_RATIO} times.*ZIP bombs`));
  });

  it('an OFD whose part inflates to more than its directory declares: E_OFD_TOO_LARGE, stopped at the declared size', async () => {
    const bytes = Buffer.from(await edited(() => undefined));
    const name = Buffer.from('Doc_0/Pages/Page_0/Content.xml');
    bytes.writeUInt32LE(100, bytes.indexOf(name) - 30 + 22);
    bytes.writeUInt32LE(100, bytes.lastIndexOf(name) - 46 + 24);
    const error = await failure(new Uint8Array(bytes));
    expect(error.code).toBe('E_OFD_TOO_LARGE');
    expect(error.message).toMatch(/Doc_0\/Pages\/Page_0\/Content\.xml inflates to more than the 100 bytes the package declares/);
  });

  it('a DeltaX shorthand repeating a step a billion times yields no more steps than there are glyphs', async () => {
    const bytes = await edited((zip) => replaceIn(zip, 'Doc_0/Pages/Page_0/Content.xml', /DeltaX="[^"]*"/, 'DeltaX="g 1000000000 5.644"'));
    const { value } = await readOfd(bytes);
    expect(value.pages).toBe(8);
    const text = value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('');
    expect(text.replace(/\s+/gu, '')).toContain('乳山市质量');
  });
});

describe('hostile XML and drawing', () => {
  const parse = (xml: string) => parseXmlPart(new TextEncoder().encode(xml));

  it('reports unclosed comments, CDATA and processing instructions before xmldom sees them', () => {
    expect(parse(`<r>${'<!--'.repeat(2000)}</r>`)).toEqual({ problem: expect.stringMatching(/comment .* never closed/) });
    expect(parse(`<r>${'<![CDATA['.repeat(2000)}</r>`)).toEqual({ problem: expect.stringMatching(/CDATA section is never closed/) });
    expect(parse(`<r>${'<?'.repeat(2000)}</r>`)).toEqual({ problem: expect.stringMatching(/processing instruction .* never closed/) });
    expect(parse(`<r>${'<a b'.repeat(2000)}</r>`)).toEqual({ problem: expect.stringMatching(/'<' inside the tag <a>/) });
    expect(parse('<r><a></b></r>')).toEqual({ problem: expect.stringMatching(/<\/b> where <\/a> should be/) });
  });

  it('refuses nesting deeper than 256 instead of overflowing the stack', () => {
    expect(parse(`<r>${'<a>'.repeat(20000)}${'</a>'.repeat(20000)}</r>`)).toEqual({ problem: expect.stringMatching(/nest deeper than 256/) });
    expect('root' in parse(`<r>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</r>`)).toBe(true);
  });

  it('shares one drawing budget among all the templates of a page, and draws a template used twice once', async () => {
    const bytes = await edited(async (zip) => {
      const unit =
        '<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="9001" Width="10" Height="10"><ofd:Content>' +
        '<ofd:TextObject ID="1" Boundary="0 0 10 10" Font="2" Size="3"><ofd:TextCode X="0" Y="3">字</ofd:TextCode></ofd:TextObject>' +
        '<ofd:CompositeObject ID="2" Boundary="0 0 10 10" ResourceID="9001"/><ofd:CompositeObject ID="3" Boundary="0 0 10 10" ResourceID="9001"/>' +
        '</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>';
      await replaceIn(zip, 'Doc_0/PublicRes.xml', '</ofd:Res>', `${unit}</ofd:Res>`);
      await replaceIn(zip, 'Doc_0/Tpls/Tpl_0/Content.xml', /(<ofd:Layer[^>]*>)/, '$1<ofd:CompositeObject ID="9002" Boundary="0 0 10 10" ResourceID="9001"/>');
      const use = '<ofd:Template TemplateID="4" ZOrder="Background"/>';
      await replaceIn(zip, 'Doc_0/Pages/Page_1/Content.xml', use, use.repeat(50));
    });
    const { value, messages } = await readOfd(bytes);
    expect(value.pages).toBe(8);
    expect(messages.some((message) => message.ruleId === 'ingest:ofd-drawing-limit')).toBe(true);
  });
});

describe('CGTransform lookup', () => {
  it('places a TextObject with many transforms (one map, not a search per character)', async () => {
    const { placeTextObject } = await import('../../src/ingest/ofd/text.js');
    const { IDENTITY } = await import('../../src/ingest/positioned/matrix.js');
    const n = 20000;
    const transforms = Array.from({ length: n }, (_, i) => `<ofd:CGTransform CodePosition="${i}" CodeCount="1" GlyphCount="1"><ofd:Glyphs>1</ofd:Glyphs></ofd:CGTransform>`).join('');
    const parsed = parseXmlPart(new TextEncoder().encode(`<ofd:TextObject xmlns:ofd="x" Size="3">${transforms}<ofd:TextCode X="0" Y="3">${'字'.repeat(n)}</ofd:TextCode></ofd:TextObject>`));
    if (!('root' in parsed)) throw new Error(parsed.problem);
    expect(placeTextObject(parsed.root, IDENTITY).glyphs.map((placed) => placed.text).join('')).toBe('字'.repeat(n));
  });
});
