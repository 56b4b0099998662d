import { analyse } from 'chardet';
import { warning, type Message } from '../model/messages.js';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding the bytes were decoded from. */
  encoding: string;
  messages: Message[];
}

// Pages that declare gb2312 or gbk routinely use characters only GBK has (镕, 喆 …); GB18030 is
// a superset of both and decodes them all.
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'gb_2312-80': 'gb18030',
  'gb_2312': 'gb18030',
  csgb2312: 'gb18030',
  'iso-ir-58': 'gb18030',
  chinese: 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  gb18030: 'gb18030',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
};

/** Maps a charset label as pages write it to the name TextDecoder should use. */
export function canonicalEncoding(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const alias = LABEL_ALIASES[key];
  if (alias) return alias;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return undefined;
  }
}

function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return 'gb18030';
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Finds an encoding other than UTF-8 under which the bytes decode without error, by chardet's confidence. */
function detectLegacy(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  for (const candidate of analyse(sample)) {
    const encoding = canonicalEncoding(candidate.name);
    if (!encoding || encoding === 'utf-8') continue;
    const text = strictDecode(bytes, encoding);
    if (text !== undefined) return { text, encoding };
  }
  return undefined;
}

/**
 * Decodes text by, in order: its byte-order mark, valid UTF-8, the charset it declares (HTML),
 * or detection. A declaration the bytes contradict is overruled, with a warning.
 */
export function decodeText(bytes: Uint8Array, declaredLabel?: string): DecodedText {
  const messages: Message[] = [];
  const bom = byteOrderMark(bytes);
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes);
    return { text: stripBom(text), encoding: bom, messages };
  }

  const declared = declaredLabel === undefined ? undefined : canonicalEncoding(declaredLabel);
  if (declaredLabel !== undefined && declared === undefined) {
    messages.push(warning('ingest:unknown-charset', `unknown charset "${declaredLabel}" declared; detecting instead`, { found: declaredLabel }));
  }
  const mismatch = (actual: string): void => {
    if (declared && declared !== actual) {
      messages.push(
        warning('ingest:charset-mismatch', `declared charset ${declaredLabel} does not fit the bytes; decoded as ${actual}`, {
          found: actual,
          expected: declared,
        }),
      );
    }
  };

  // Multi-byte UTF-8 almost never occurs by chance in GBK or Big5 text, while UTF-8 bytes often
  // decode as GB18030 without error (as mojibake); valid UTF-8 therefore wins over a declaration.
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8)) {
    mismatch('utf-8');
    return { text: stripBom(utf8), encoding: 'utf-8', messages };
  }
  if (declared) {
    const text = strictDecode(bytes, declared);
    if (text !== undefined) return { text: stripBom(text), encoding: declared, messages };
  }
  if (utf8 !== undefined) return { text: stripBom(utf8), encoding: 'utf-8', messages };

  const detected = detectLegacy(bytes);
  if (detected) {
    mismatch(detected.encoding);
    return { text: stripBom(detected.text), encoding: detected.encoding, messages };
  }

  const fallback = declared ?? 'gb18030';
  messages.push(
    warning('ingest:undecodable-bytes', `some bytes are not valid in any likely encoding; decoded as ${fallback} with replacement characters`, {
      found: fallback,
    }),
  );
  return { text: stripBom(new TextDecoder(fallback).decode(bytes)), encoding: fallback, messages };
}
