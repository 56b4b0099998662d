import { warning, type Message } from '../../model/messages.js';
import { result } from '../../model/result.js';
import type { ExtractionContext } from '../context.js';
import { docNumberFinding, findDocNumbers } from '../doc-number.js';
import type { Extractor } from '../extractor.js';
import type { DocNumberFinding } from '../findings.js';
import { isDocNumberLine, landmarks } from '../landmarks.js';

/** 发文字号 printed on its own line in the head of the notice, above the title (GB/T 9704 7.2.4). */
function fromHead(context: ExtractionContext): DocNumberFinding | undefined {
  const { bodyStart, addressee } = landmarks(context);
  const head = context.mainLines.slice(0, addressee === undefined ? bodyStart : context.mainLines.indexOf(addressee));
  const line = head.find(isDocNumberLine);
  if (line === undefined) return undefined;
  const [number] = findDocNumbers(line.text);
  return number && docNumberFinding(number, line.span[0], line.text, 'header');
}

/** The portal's 发文字号 field. */
function fromMetadata(context: ExtractionContext): DocNumberFinding | undefined {
  const field = context.metadataField('发文字号', '文号', '文件编号');
  if (field === undefined) return undefined;
  const [number] = findDocNumbers(field.value);
  return number && docNumberFinding(number, field.valueSpan[0], field.value, 'metadata');
}

export const docNumberExtractor: Extractor = {
  name: 'doc-number',
  extract(context) {
    const messages: Message[] = [];
    const head = fromHead(context);
    const portal = fromMetadata(context);
    if (head && portal && head.normalized !== portal.normalized) {
      messages.push(
        warning('extract:doc-number', `the notice says ${head.normalized} but the portal says ${portal.normalized}; kept the notice's`, {
          span: portal.span,
          found: portal.normalized,
          expected: head.normalized,
        }),
      );
    }
    const docNumber = head ?? portal;
    if (docNumber?.repaired) {
      messages.push(warning('extract:doc-number', `read the damaged number "${docNumber.raw}" as ${docNumber.normalized}`, { span: docNumber.span, found: docNumber.raw }));
    }
    return result(docNumber ? { docNumber } : {}, messages);
  },
};
