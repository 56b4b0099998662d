import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { RecognisedLine, RecognisedWord } from '../../src/ingest/ocr/engine.js';
import { scanOf } from '../../src/ingest/ocr/page-image.js';
import { repairRecognisedBlock } from '../../src/ingest/ocr/repairs.js';
import { fullWidthPunctuation, runsOfLines, snapSizes } from '../../src/ingest/ocr/runs.js';
import { findSeals, greyWithoutSeals } from '../../src/ingest/ocr/seals.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';

// Recognised text is in pixels of an image drawn at 200 dpi.
const SCALE = 200 / 72;
const EM = 16 * SCALE;

/** A line of one-character words (as the chi_sim model answers), starting at `x` on the baseline `y`, in pixels. */
function line(text: string, x: number, y: number, confidence = 0.95): RecognisedLine {
  const words: RecognisedWord[] = [...text].map((character, index) => ({
    text: character,
    confidence,
    box: { x0: x + index * EM, y0: y - 0.9 * EM, x1: x + (index + 0.92) * EM, y1: y },
  }));
  return { words, box: { x0: x, y0: y - 0.9 * EM, x1: x + [...text].length * EM, y1: y }, baseline: { x0: x, y0: y, x1: x + [...text].length * EM, y1: y } };
}

describe('recognised lines as positioned runs', () => {
  it('places each word in page points with its confidence, on its line’s baseline, in the line’s type size', () => {
    const runs = runsOfLines([line('各镇人民政府', 80 * SCALE, 300 * SCALE, 0.9)], SCALE);
    expect(runs).toHaveLength(6);
    expect(runs[0]).toMatchObject({ text: '各', confidence: 0.9 });
    expect(runs[0]!.x).toBeCloseTo(80);
    expect(runs[0]!.y).toBeCloseTo(300);
    expect(runs[1]!.x).toBeCloseTo(96);
    expect(runs[0]!.fontSize).toBeCloseTo(0.9 * 16);
  });

  it('drops lines read as noise: too unsure on average, without a letter, digit or ideograph, or Latin read unsurely', () => {
    const lines = [
      line('吴口吴', 80 * SCALE, 300 * SCALE, 0.2),
      line('|||', 80 * SCALE, 350 * SCALE),
      line('HH', 80 * SCALE, 400 * SCALE, 0.56),
      line('通知', 80 * SCALE, 450 * SCALE, 0.56),
      line('163.com', 80 * SCALE, 500 * SCALE, 0.9),
    ];
    expect(runsOfLines(lines, SCALE).map((run) => run.text)).toEqual(['通', '知', '1', '6', '3', '.', 'c', 'o', 'm']);
  });

  it('reads the dashes of a page number that OCR took for 一', () => {
    const runs = runsOfLines([line('一1一', 280 * SCALE, 780 * SCALE), line('二12一', 280 * SCALE, 800 * SCALE)], SCALE);
    expect(runs.map((run) => run.text).join('')).toBe('—1——12—');
  });

  it('gives lines of one type size one size, and keeps a title’s apart', () => {
    const sizes = snapSizes([15.5, 16.2, 15.8, 22, 21.2, 14.8], [27, 27, 25, 17, 12, 6]);
    expect(new Set(sizes.slice(0, 3).concat(sizes[5]!)).size).toBe(1);
    expect(sizes[3]).toBe(sizes[4]);
    expect(sizes[3]! - sizes[0]!).toBeGreaterThan(5);
  });

  it('turns ASCII punctuation beside Chinese into its full-width form, and leaves numbers and addresses alone', () => {
    expect(fullWidthPunctuation(['各', '县', '(', '市', '、', '区', ')', '人', '民', ',', '单', '位', ':']).join('')).toBe('各县（市、区）人民，单位：');
    expect(fullWidthPunctuation(['1.', '南', '宁']).join('')).toBe('1.南宁');
    expect(fullWidthPunctuation(['(', '联', '系', '电', '话', ':', '5578201', ')']).join('')).toBe('（联系电话：5578201）');
    expect(fullWidthPunctuation(['gysyek1605@163.com', '(', 'v1', ')']).join('')).toBe('gysyek1605@163.com(v1)');
  });

  it('lays OCR runs out like a text layer, each paragraph marked with the mean confidence of its characters', () => {
    const lines = [line('关于印发工作方案的通知', 150 * SCALE, 200 * SCALE, 0.96), line('各镇人民政府：', 80 * SCALE, 260 * SCALE, 0.8)];
    const { value } = layoutPositionedPages([{ number: 1, width: 595, height: 842, runs: runsOfLines(lines, SCALE), rulings: [] }]);
    expect(value.pages).toEqual([{ page: 1, state: 'text', undecodable: 0 }]);
    expect(value.blocks).toEqual([
      expect.objectContaining({ kind: 'paragraph', text: '关于印发工作方案的通知', ocr: { confidence: 0.96 } }),
      expect.objectContaining({ kind: 'paragraph', text: '各镇人民政府：', ocr: { confidence: 0.8 } }),
    ]);
  });
});

describe('OCR text repairs', () => {
  it('gives a document number’s year its tortoise-shell brackets however they were read', () => {
    const repaired = repairRecognisedBlock({ kind: 'paragraph', text: '东质强办[2013]〕41号', ocr: { confidence: 0.6 } });
    expect(repaired).toMatchObject({ text: '东质强办〔2013〕41号' });
    expect(repairRecognisedBlock({ kind: 'paragraph', text: '南住建函【2025] 671号', ocr: { confidence: 0.8 } })).toMatchObject({ text: '南住建函〔2025〕671号' });
  });

  it('leaves other brackets, and text from a text layer, as they are', () => {
    expect(repairRecognisedBlock({ kind: 'paragraph', text: '条例（2013）年版', ocr: { confidence: 0.9 } })).toMatchObject({ text: '条例（2013）年版' });
    expect(repairRecognisedBlock({ kind: 'paragraph', text: '东质强办[2013]〕41号' })).toMatchObject({ text: '东质强办[2013]〕41号' });
  });
});

describe('the scan of a page', () => {
  const width = 595;
  const height = 842;

  it('is the image that covers most of the page, however it is turned', () => {
    const sideways = { objectId: 'img_p0_1', matrix: [0, -height, width, 0, 0, height] as const };
    const stamp = { objectId: 'img_p0_2', matrix: [60, 0, 0, -60, 500, 800] as const };
    expect(scanOf([stamp, sideways], width, height)).toBe(sideways);
    expect(scanOf([stamp], width, height)).toBeUndefined();
  });
});

describe('red seals', () => {
  // 120 × 90 mm of paper at 200 dpi: a red rule like the one under a letterhead, black print, and a
  // seal 42 mm across stamped over the print.
  const mm = SCALE * (72 / 25.4);
  const canvas = createCanvas(Math.round(120 * mm), Math.round(90 * mm));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = 'rgb(220, 30, 40)';
  context.fillRect(5 * mm, 5 * mm, 110 * mm, 1 * mm);
  context.fillStyle = '#202020';
  context.fillRect(40 * mm, 50 * mm, 60 * mm, 4 * mm);
  context.strokeStyle = 'rgb(220, 30, 40)';
  context.lineWidth = 1.2 * mm;
  context.beginPath();
  context.arc(70 * mm, 50 * mm, 21 * mm, 0, 2 * Math.PI);
  context.stroke();
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;

  it('are found by their shape, and a letterhead’s rule is not one', () => {
    const seals = findSeals(rgba, canvas.width, canvas.height, SCALE);
    expect(seals).toHaveLength(1);
    // The ring runs from 48.4 to 91.6 mm across and down to 71.6 mm; the seal takes in a millimetre more.
    expect(seals[0]!.left / mm).toBeGreaterThan(45);
    expect(seals[0]!.left / mm).toBeLessThan(48.4);
    expect(seals[0]!.bottom / mm).toBeGreaterThan(71.6);
    expect(seals[0]!.bottom / mm).toBeLessThan(75);
  });

  it('are lifted off the print beneath them, while the rule keeps its ink', () => {
    const grey = greyWithoutSeals(rgba, canvas.width, canvas.height, SCALE);
    const at = (xMm: number, yMm: number): number => grey[Math.round(yMm * mm) * canvas.width + Math.round(xMm * mm)]!;
    expect(at(49, 50)).toBeGreaterThan(200);
    expect(at(70, 52)).toBeLessThan(60);
    expect(at(60, 5.5)).toBeLessThan(110);
  });
});
