import { describe, expect, it } from 'vitest';
import { drawContent, emptyDrawing } from '../../src/ingest/ofd/content.js';
import { objectMatrix, parseBox, parseMatrix, POINTS_PER_MM, scaling } from '../../src/ingest/ofd/geometry.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import { IDENTITY, type Matrix } from '../../src/ingest/positioned/matrix.js';
import { NO_RESOURCES, withResources } from '../../src/ingest/ofd/resources.js';
import { expandDeltas, placeTextObject, runsOf, type PlacedTextObject } from '../../src/ingest/ofd/text.js';
import type { PlacedText } from '../../src/ingest/positioned/placed-text.js';
import { parseXmlPart, type XmlElement } from '../../src/ingest/ofd/xml.js';

function element(xml: string): XmlElement {
  const parsed = parseXmlPart(new TextEncoder().encode(xml));
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.root;
}

/** A TextObject with the given attributes and body, in the OFD namespace. */
function textObject(attributes: string, body: string): XmlElement {
  return element(`<ofd:TextObject xmlns:ofd="http://www.ofdspec.org/2016" ${attributes}>${body}</ofd:TextObject>`);
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Where the TextObject's characters land, as the content walker places it under `parent`. */
function placedObject(object: XmlElement, parent: Matrix = IDENTITY): PlacedTextObject {
  return placeTextObject(object, objectMatrix(parent, parseBox(object.attributes.get('Boundary')), parseMatrix(object.attributes.get('CTM'))));
}

function placed(object: XmlElement, parent: Matrix = IDENTITY): PlacedText[] {
  return placedObject(object, parent).glyphs;
}

describe('expandDeltas (GB/T 33190 11.3)', () => {
  it.each([
    ['plain values', '5.57 2.77 5.57', 10, [5.57, 2.77, 5.57]],
    ['the g shorthand: g count value', 'g 3 5 2', 10, [5, 5, 5, 2]],
    ['shorthand between values', '7.5351 7.5776 g 2 7.5351 7.5776', 10, [7.5351, 7.5776, 7.5351, 7.5351, 7.5776]],
    ['negative steps back to a line start', 'g 2 4.2333 -80.4327 4.2333', 10, [4.2333, 4.2333, -80.4327, 4.2333]],
    ['no more values than glyphs, whatever the shorthand repeats', 'g 1000000000 1', 4, [1, 1, 1, 1]],
    ['a list cut at its first value that is not a number', '1 abc 2', 10, [1]],
    ['a broken shorthand', 'g x 3', 10, []],
    ['no list', undefined, 10, []],
  ])('%s', (_, value, limit, expected) => {
    expect(expandDeltas(value, limit)).toEqual(expected);
  });
});

describe('placeTextObject', () => {
  it('sets each character from X, Y on the baseline, stepping by DeltaX, in points', () => {
    const glyphs = placed(textObject('Boundary="10 20 100 10" Font="1" Size="5"', '<ofd:TextCode X="1" Y="4" DeltaX="g 2 5 2.5">一二三4</ofd:TextCode>'), scaling(POINTS_PER_MM));
    expect(glyphs.map((glyph) => [glyph.text, round(glyph.startX / POINTS_PER_MM), round(glyph.startY / POINTS_PER_MM)])).toEqual([
      ['一', 11, 24],
      ['二', 16, 24],
      ['三', 21, 24],
      ['4', 23.5, 24],
    ]);
    // An em wide, a half em for Latin letters and digits, never wider than the step to the next.
    expect(glyphs.map((glyph) => round((glyph.endX - glyph.startX) / POINTS_PER_MM))).toEqual([5, 5, 2.5, 2.5]);
    expect(round(glyphs[0]!.fontSize)).toBe(round(5 * POINTS_PER_MM));
  });

  it('applies the CTM to the coordinates and the size of the object, then moves it to its Boundary', () => {
    const glyphs = placed(textObject('Boundary="40 90 40 8" Font="1" Size="22" CTM="0.352778 0 0 0.352778 0 0"', '<ofd:TextCode X="0" Y="19.36" DeltaX="g 2 22">关于印</ofd:TextCode>'));
    expect(glyphs.map((glyph) => [round(glyph.startX), round(glyph.startY)])).toEqual([
      [40, round(90 + 19.36 * 0.352778)],
      [round(40 + 22 * 0.352778), round(90 + 19.36 * 0.352778)],
      [round(40 + 44 * 0.352778), round(90 + 19.36 * 0.352778)],
    ]);
    expect(round(glyphs[0]!.fontSize)).toBe(round(22 * 0.352778));
  });

  it('follows DeltaY onto the next line, as a table cell set in one TextCode does', () => {
    const glyphs = placed(textObject('Boundary="0 0 50 20" Size="4"', '<ofd:TextCode X="1" Y="5" DeltaX="4 -4 4" DeltaY="g 1 0 6 0">一二三四</ofd:TextCode>'));
    expect(glyphs.map((glyph) => [glyph.text, glyph.startX, glyph.startY])).toEqual([
      ['一', 1, 5],
      ['二', 5, 5],
      ['三', 1, 11],
      ['四', 5, 11],
    ]);
  });

  it('keeps the X and Y of the previous TextCode where a TextCode gives none', () => {
    const glyphs = placed(textObject('Size="4"', '<ofd:TextCode X="3" Y="5">甲</ofd:TextCode><ofd:TextCode Y="9">乙</ofd:TextCode>'));
    expect(glyphs.map((glyph) => [glyph.text, glyph.startX, glyph.startY])).toEqual([
      ['甲', 3, 5],
      ['乙', 3, 9],
    ]);
  });

  it('reads the text as Unicode whatever glyphs a CGTransform draws it with; a group of characters takes the steps of its glyphs', () => {
    const glyphs = placed(
      textObject(
        'Size="4"',
        '<ofd:CGTransform CodePosition="0" CodeCount="2" GlyphCount="1"><ofd:Glyphs>1017</ofd:Glyphs></ofd:CGTransform><ofd:CGTransform CodePosition="2" CodeCount="1" GlyphCount="1"><ofd:Glyphs>35</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="5" DeltaX="3 4">fi c</ofd:TextCode>',
      ),
    );
    expect(glyphs.map((glyph) => [glyph.text, glyph.startX])).toEqual([
      ['fi', 0],
      [' ', 3],
      ['c', 7],
    ]);
  });

  it('places nothing for a TextObject without a size', () => {
    expect(placed(textObject('Font="1"', '<ofd:TextCode X="0" Y="5">字</ofd:TextCode>'))).toEqual([]);
  });
});

describe('runsOf', () => {
  const font = { name: '仿宋', bold: false };

  it('joins characters set one after the other into a run; white space and wide steps end it', () => {
    const glyphs = placed(textObject('Size="5"', '<ofd:TextCode X="0" Y="5" DeltaX="5 5 5 2.5 2.5 2.5 9">路卫发 76号公</ofd:TextCode>'));
    expect(runsOf(glyphs, font, false).map((run) => [run.text, run.x, run.width, run.fontName])).toEqual([
      ['路卫发', 0, 15, '仿宋'],
      ['76号', 17.5, 10, '仿宋'],
      ['公', 31.5, 5, '仿宋'],
    ]);
  });
});

describe('drawContent', () => {
  const resources = withResources(NO_RESOURCES, [
    element(
      '<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Fonts><ofd:Font ID="7" FontName="小标宋体"/><ofd:Font ID="8" FontName="黑体" Bold="true"/></ofd:Fonts>' +
        '<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="9" Width="100" Height="100"><ofd:Content><ofd:TextObject ID="1" Boundary="10 10 50 10" Font="7" Size="10"><ofd:TextCode X="0" Y="8">组合</ofd:TextCode></ofd:TextObject></ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>',
    ),
  ]);

  it('names the font, marks bold text by its Weight or the Bold flag of its font, and draws composite units where they are placed', () => {
    const content = element(
      '<ofd:Content xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Layer ID="2"><ofd:PageBlock ID="3">' +
        '<ofd:TextObject ID="4" Boundary="0 0 50 10" Font="7" Size="5" Weight="700"><ofd:TextCode X="0" Y="5">标题</ofd:TextCode></ofd:TextObject>' +
        '<ofd:TextObject ID="5" Boundary="0 20 50 10" Font="8" Size="5"><ofd:TextCode X="0" Y="5">一、</ofd:TextCode></ofd:TextObject>' +
        '<ofd:TextObject ID="6" Boundary="0 40 50 10" Font="7" Size="5"><ofd:TextCode X="0" Y="5">正文</ofd:TextCode></ofd:TextObject>' +
        '<ofd:CompositeObject ID="10" Boundary="100 100 50 50" CTM="0.5 0 0 0.5 0 0" ResourceID="9"/>' +
        '</ofd:PageBlock></ofd:Layer></ofd:Content>',
    );
    const drawing = emptyDrawing();
    drawContent(content, IDENTITY, resources, drawing);
    expect(drawing.runs.map((run) => [run.text, run.fontName, run.bold ?? false, run.x, run.y, run.fontSize])).toEqual([
      ['标题', '小标宋体', true, 0, 5, 5],
      ['一、', '黑体', true, 0, 25, 5],
      ['正文', '小标宋体', false, 0, 45, 5],
      ['组合', '小标宋体', false, 105, 109, 5],
    ]);
    expect(drawing.truncated).toBe(false);
  });

  it('stops, and says so, where composite units draw one another without end', () => {
    const selfDrawing = withResources(NO_RESOURCES, [
      element(
        '<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="1" Width="10" Height="10"><ofd:Content>' +
          '<ofd:CompositeObject ID="2" Boundary="0 0 10 10" ResourceID="1"/><ofd:CompositeObject ID="3" Boundary="0 0 10 10" ResourceID="1"/>' +
          '</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>',
      ),
    ]);
    const drawing = emptyDrawing();
    drawContent(element('<ofd:Content xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Layer ID="4"><ofd:CompositeObject ID="5" Boundary="0 0 10 10" ResourceID="1"/></ofd:Layer></ofd:Content>'), IDENTITY, selfDrawing, drawing);
    expect(drawing.truncated).toBe(true);
  });
});

describe('text read along another direction (ReadDirection, CharDirection)', () => {
  const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const fonts = withResources(NO_RESOURCES, [element(`<ofd:Res ${NS}><ofd:Fonts><ofd:Font ID="1" FontName="仿宋"/><ofd:Font ID="2" FontName="Times New Roman"/></ofd:Fonts></ofd:Res>`)]);

  /** The runs the TextObjects draw, in millimetres as written (no scaling to points). */
  function drawn(objects: string): ReturnType<typeof emptyDrawing>['runs'] {
    const drawing = emptyDrawing();
    drawContent(element(`<ofd:Content ${NS}><ofd:Layer ID="100">${objects}</ofd:Layer></ofd:Content>`), IDENTITY, fonts, drawing);
    return drawing.runs;
  }

  const texts = (objects: string): string[] => drawn(objects).map((run) => run.text);

  /** The paragraphs an A4 page with the TextObjects reads as, through the layout. */
  function paragraphs(objects: string): string[] {
    const drawing = emptyDrawing();
    drawContent(element(`<ofd:Content ${NS}><ofd:Layer ID="100">${objects}</ofd:Layer></ofd:Content>`), scaling(POINTS_PER_MM), fonts, drawing);
    const page = { number: 1, width: 210 * POINTS_PER_MM, height: 297 * POINTS_PER_MM, runs: drawing.runs, rulings: drawing.rulings };
    return layoutPositionedPages([page]).value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.kind));
  }

  it('steps a column read top to bottom by its DeltaY list, each glyph upright, and says how it is read', () => {
    const object = placedObject(textObject('Boundary="30 50 5 40" Font="1" Size="5" ReadDirection="90"', '<ofd:TextCode X="0" Y="4.4" DeltaY="g 3 6">竖排标注</ofd:TextCode>'));
    expect(object.glyphs.map((glyph) => [glyph.text, glyph.startX, round(glyph.startY), glyph.endX - glyph.startX, glyph.dirX, glyph.dirY])).toEqual([
      ['竖', 30, 54.4, 5, 1, 0],
      ['排', 30, 60.4, 5, 1, 0],
      ['标', 30, 66.4, 5, 1, 0],
      ['注', 30, 72.4, 5, 1, 0],
    ]);
    expect(object.frame).toEqual({ readX: 0, readY: 1, lineX: 1, lineY: 0 });
  });

  it('steps a column without a DeltaY list an em down, or a glyph width down where CharDirection turns the glyphs along it', () => {
    const upright = placed(textObject('Size="4" ReadDirection="90"', '<ofd:TextCode X="0" Y="4">一2三</ofd:TextCode>'));
    expect(upright.map((glyph) => [glyph.startX, glyph.startY])).toEqual([
      [0, 4],
      [0, 8],
      [0, 12],
    ]);
    const turned = placed(textObject('Size="4" ReadDirection="90" CharDirection="90"', '<ofd:TextCode X="0" Y="0">一2三</ofd:TextCode>'));
    expect(turned.map((glyph) => [glyph.startX, glyph.startY, glyph.endX, glyph.endY, glyph.dirX, glyph.dirY])).toEqual([
      [0, 0, 0, 4, 0, 1],
      [0, 4, 0, 6, 0, 1],
      [0, 6, 0, 10, 0, 1],
    ]);
  });

  it('hands a column on as one run along the page\'s text, its characters in reading order, where the column starts', () => {
    const runs = drawn('<ofd:TextObject ID="1" Boundary="30 50 5 40" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="4.4" DeltaY="g 3 6">竖排标注</ofd:TextCode></ofd:TextObject>');
    expect(runs.map((run) => [run.text, run.x, round(run.y), run.width, run.fontSize, run.angle, run.fontName])).toEqual([['竖排标注', 30, 54.4, 5, 5, 0, '仿宋']]);
  });

  it.each([
    ['upright glyphs stepped down by DeltaY', 'ReadDirection="90"', '<ofd:TextCode X="0" Y="4.4" DeltaY="g 4 5.5">请示事项说明</ofd:TextCode>'],
    ['glyphs turned along the column (CharDirection 90), stepped by their widths', 'ReadDirection="90" CharDirection="90"', '<ofd:TextCode X="0.6" Y="0" DeltaY="g 5 5">请示事项说明</ofd:TextCode>'],
    ['upright glyphs listed bottom to top, read top to bottom', 'ReadDirection="90"', '<ofd:TextCode X="0" Y="31.9" DeltaY="g 5 -5.5">明说项事示请</ofd:TextCode>'],
  ])('reads a column between two ordinary lines as one line between them: %s', (_, directions, code) => {
    expect(
      paragraphs(
        '<ofd:TextObject ID="1" Boundary="30 30 150 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5">一、总体要求。</ofd:TextCode></ofd:TextObject>' +
          `<ofd:TextObject ID="2" Boundary="30 50 10 40" Font="1" Size="5" ${directions}>${code}</ofd:TextObject>` +
          '<ofd:TextObject ID="3" Boundary="30 100 150 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5">二、工作安排。</ofd:TextCode></ofd:TextObject>',
      ),
    ).toEqual(['一、总体要求。', '请示事项说明', '二、工作安排。']);
  });

  it.each([
    ['bottom to top (270), upright glyphs', 'ReadDirection="270"', 'X="0" Y="20" DeltaY="g 3 -5"', '自下而上'],
    ['bottom to top (270), glyphs turned along the line', 'ReadDirection="270" CharDirection="270"', 'X="4.4" Y="20" DeltaY="g 3 -5"', '自下而上'],
    ['right to left (180)', 'ReadDirection="180"', 'X="20" Y="5" DeltaX="g 3 -5"', '从右向左'],
    ['right to left, upside down (180, 180)', 'ReadDirection="180" CharDirection="180"', 'X="25" Y="0.6" DeltaX="g 3 -5"', '倒置文字'],
    ['left to right, upside down (CharDirection 180)', 'CharDirection="180"', 'X="5" Y="0.6" DeltaX="g 3 5"', '倒置文字'],
  ])('reads text %s in reading order, as one run along the page', (_, directions, steps, text) => {
    const runs = drawn(`<ofd:TextObject ID="1" Boundary="0 0 30 30" Font="1" Size="5" ${directions}><ofd:TextCode ${steps}>${text}</ofd:TextCode></ofd:TextObject>`);
    expect(runs.map((run) => [run.text, run.angle])).toEqual([[text, 0]]);
  });

  it('carries a line on into the next TextObject where the font changes, and across letter-spacing; a wide gap between words separates them', () => {
    expect(
      texts(
        '<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="g 4 5">二〇二三年</ofd:TextCode></ofd:TextObject>' +
          '<ofd:TextObject ID="2" Font="2" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="30">7</ofd:TextCode></ofd:TextObject>' +
          '<ofd:TextObject ID="3" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="35">月</ofd:TextCode></ofd:TextObject>',
      ),
    ).toEqual(['二〇二三年7月']);
    expect(texts('<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="15">备注</ofd:TextCode></ofd:TextObject>')).toEqual(['备注']);
    expect(texts('<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="5 15 5">装订密封</ofd:TextCode></ofd:TextObject>')).toEqual(['装订', '密封']);
  });

  it('starts a new line on another axis, and leaves a copy drawn over a column (fake bold) to the layout', () => {
    const column = (id: number, x: number): string =>
      `<ofd:TextObject ID="${id}" Boundary="${x} 50 5 40" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="4.4" DeltaY="g 3 5">竖排标注</ofd:TextCode></ofd:TextObject>`;
    expect(texts(column(1, 30) + column(2, 60))).toEqual(['竖排标注', '竖排标注']);
    expect(paragraphs(column(1, 30) + column(2, 30.1))).toEqual(['竖排标注']);
  });

  it('keeps horizontal text as it was, whether or not ReadDirection and CharDirection say 0', () => {
    const code = '<ofd:TextCode X="0" Y="5" DeltaX="5 5 5 2.5 2.5 2.5 9">路卫发 76号公</ofd:TextCode>';
    for (const directions of ['', 'ReadDirection="0" CharDirection="0"']) {
      expect(drawn(`<ofd:TextObject ID="1" Font="1" Size="5" ${directions}>${code}</ofd:TextObject>`).map((run) => [run.text, run.x, run.y, run.width, run.angle])).toEqual([
        ['路卫发', 0, 5, 15, 0],
        ['76号', 17.5, 5, 10, 0],
        ['公', 31.5, 5, 5, 0],
      ]);
    }
  });

  it.each(['45', '-90', '450', '90.5', 'abc', '1e400', ''])('reads text whose ReadDirection and CharDirection are %j, which the standard does not allow, as ordinary text', (value) => {
    const code = '<ofd:TextCode X="0" Y="5" DeltaX="5 5 5 2.5 2.5 2.5 9">路卫发 76号公</ofd:TextCode>';
    const plain = drawn(`<ofd:TextObject ID="1" Font="1" Size="5">${code}</ofd:TextObject>`);
    expect(drawn(`<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="${value}" CharDirection="${value}">${code}</ofd:TextObject>`)).toEqual(plain);
  });

  it('reads a column through hostile steps: a shorthand repeated a billion times, steps that overflow, a long column', () => {
    expect(texts('<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="g 1000000000 5">一二三</ofd:TextCode></ofd:TextObject>')).toEqual(['一二三']);
    const overflowing = drawn('<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="5 1e308 1e308">一二三四</ofd:TextCode></ofd:TextObject>');
    expect(overflowing.map((run) => run.text)).toEqual(['一二', '三']);
    expect(overflowing.every((run) => [run.x, run.y, run.width].every(Number.isFinite))).toBe(true);
    const long = '字'.repeat(20000);
    expect(texts(`<ofd:TextObject ID="1" Font="1" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5" DeltaY="g 19999 5">${long}</ofd:TextCode></ofd:TextObject>`)).toEqual([long]);
  });
});
