import { describe, expect, it } from 'vitest';
import { isVisiblePaint, pathRulings } from '../../src/ingest/ofd/drawing.js';
import { objectMatrix, parseBox, parseMatrix } from '../../src/ingest/ofd/geometry.js';
import { IDENTITY } from '../../src/ingest/positioned/matrix.js';
import { resolvePartPath } from '../../src/ingest/ofd/package.js';
import { isSealSized } from '../../src/ingest/ofd/stamps.js';
import { parseXmlPart, type XmlElement } from '../../src/ingest/ofd/xml.js';

function element(xml: string): XmlElement {
  const parsed = parseXmlPart(new TextEncoder().encode(xml));
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.root;
}

/** The ruling lines a PathObject draws, in the millimetres of the page. */
function rulings(attributes: string, data: string, colours = ''): Array<[number, number, number, number]> {
  const path = element(`<ofd:PathObject xmlns:ofd="http://www.ofdspec.org/2016" ${attributes}>${colours}<ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`);
  const matrix = objectMatrix(IDENTITY, parseBox(path.attributes.get('Boundary')), parseMatrix(path.attributes.get('CTM')));
  return pathRulings(path, matrix).map((segment) => [segment.x1, segment.y1, segment.x2, segment.y2]);
}

describe('pathRulings', () => {
  it('takes a stroked line (Stroke is the default) from its Boundary', () => {
    expect(rulings('Boundary="28 74.85 156 0" LineWidth="0.53"', 'M 0 0 L 156 0')).toEqual([[28, 74.85, 184, 74.85]]);
  });

  it('takes each side of a stroked cell', () => {
    expect(rulings('Boundary="10 10 40 20"', 'M 0 0 L 40 0 L 40 20 L 0 20 C')).toEqual([
      [10, 10, 50, 10],
      [50, 10, 50, 30],
      [50, 30, 10, 30],
      [10, 30, 10, 10],
    ]);
  });

  it('takes the centre line of a thin filled rectangle, and a filled line closed on itself (S … L … C)', () => {
    expect(rulings('Boundary="28 253.95 156 0.35" Stroke="false" Fill="true"', 'M 0 0 L 156 0 L 156 0.35 L 0 0.35 C')).toEqual([[28, 254.125, 184, 254.125]]);
    expect(rulings('Boundary="28 253.95 156 0.35" Fill="true" Stroke="false"', 'S 0.0 0.0 L 156.0 0.0 C')).toEqual([[28, 253.95, 184, 253.95]]);
  });

  it('leaves out filled shapes that are not all thin rectangles: glyph outlines drawn as paths, curves, shading', () => {
    const outline = 'M 3.5 3.6 L 3.5 7.5 L 4.4 7.5 L 4.4 3.6 C M 2.4 10.3 L 2.4 7.7 L 1.5 7.7 L 1.5 8.2 L 1.2 8.6 L 0.3 8.5 C';
    expect(rulings('Boundary="25 24 14 13" Stroke="false" Fill="true"', outline)).toEqual([]);
    expect(rulings('Boundary="0 0 50 2" Stroke="false" Fill="true"', 'M 0 0 L 50 0 B 50 1 50 1 50 2 L 0 2 C')).toEqual([]);
    expect(rulings('Boundary="0 0 50 20" Stroke="false" Fill="true"', 'M 0 0 L 50 0 L 50 20 L 0 20 C')).toEqual([]);
  });

  it('leaves out marks shorter than a ruling, invisible paths and paint that leaves no mark', () => {
    expect(rulings('Boundary="0 0 2 0"', 'M 0 0 L 2 0')).toEqual([]);
    expect(rulings('Boundary="0 0 50 0" Visible="false"', 'M 0 0 L 50 0')).toEqual([]);
    expect(rulings('Boundary="0 0 50 0"', 'M 0 0 L 50 0', '<ofd:StrokeColor Value="255 255 255"/>')).toEqual([]);
    expect(rulings('Boundary="0 0 50 0" Stroke="false"', 'M 0 0 L 50 0')).toEqual([]);
  });

  it('stops at a command it does not know rather than misread the rest', () => {
    expect(rulings('Boundary="0 0 50 0"', 'M 0 0 L 50 0 Z 1 2 L 0 9')).toEqual([[0, 0, 50, 0]]);
  });
});

describe('isVisiblePaint', () => {
  const colour = (attributes: string): XmlElement => element(`<ofd:StrokeColor xmlns:ofd="http://www.ofdspec.org/2016" ${attributes}/>`);

  it.each([
    ['black (RGB)', 'Value="0 0 0"', true],
    ['red written in hex', 'Value="#ee #20 #25"', true],
    ['white', 'Value="255 255 255"', false],
    ['white grey', 'Value="250"', false],
    ['no ink (CMYK)', 'Value="0 0 0 0"', false],
    ['black (CMYK)', 'Value="0 0 0 255"', true],
    ['transparent', 'Value="0 0 0" Alpha="0"', false],
    ['no value: the default black', '', true],
  ])('%s', (_, attributes, visible) => {
    expect(isVisiblePaint(colour(attributes))).toBe(visible);
  });
});

describe('resolvePartPath (GB/T 33190 7.5)', () => {
  it.each([
    ['a path from the package root', 'Doc_0/Pages/Page_0/', '/Doc_0/Res/image.png', 'Doc_0/Res/image.png'],
    ['a path from the folder of the part naming it', 'Doc_0/', 'Pages/Page_0/Content.xml', 'Doc_0/Pages/Page_0/Content.xml'],
    ['a path up and down inside the package', 'Doc_0/Pages/Page_0/', '../../Res/font.ttf', 'Doc_0/Res/font.ttf'],
    ['backslashes and dots', 'Doc_0/', '.\\Signs\\Sign_0\\Signature.xml', 'Doc_0/Signs/Sign_0/Signature.xml'],
  ])('resolves %s', (_, folder, reference, path) => {
    expect(resolvePartPath(folder, reference)).toBe(path);
  });

  it.each([
    ['a path above the root', 'Doc_0/', '../../etc/passwd'],
    ['a path above the root from the root', '', '/../Doc_0/Document.xml'],
    ['a file URL', 'Doc_0/', 'file:///etc/passwd'],
    ['a Windows drive', 'Doc_0/', 'C:\\Windows\\win.ini'],
    ['a web address', '', 'http://example.com/Document.xml'],
  ])('refuses %s', (_, folder, reference) => {
    expect(resolvePartPath(folder, reference)).toBeUndefined();
  });
});

describe('isSealSized', () => {
  const mm = 72 / 25.4;

  it.each([
    ['a 42 mm seal image', 42, 42, true],
    ['a 20 mm personal seal', 20, 21, true],
    ['a full-page background', 420, 297, false],
    ['a photograph', 77, 61, false],
    ['a 4 mm icon', 3.7, 3.8, false],
  ])('%s', (_, width, height, seal) => {
    expect(isSealSized({ width: width * mm, height: height * mm })).toBe(seal);
  });
});
